import { and, eq } from 'drizzle-orm';
import type { DecisionRecord } from '../../utils/schemas/api';
import type { DecisionKind } from '../../utils/schemas/fraud';
import type { Database } from '../db/open';
import { decisions } from '../db/schema';

type DecisionRow = typeof decisions.$inferSelect;

function toRecord(row: DecisionRow): DecisionRecord {
  return {
    id: row.id,
    orderId: row.orderId,
    decision: row.kind,
    reason: row.reason,
    agentId: row.agentId,
    score: row.scoreSeen,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function insertDecision(
  db: Database,
  teamId: string,
  input: { orderId: string; eventId: string; kind: DecisionKind; reason: string; agentId: string; score: number | null; createdAt: Date },
): Promise<DecisionRecord> {
  const [row] = await db
    .insert(decisions)
    .values({
      teamId,
      orderId: input.orderId,
      eventId: input.eventId,
      kind: input.kind,
      reason: input.reason,
      agentId: input.agentId,
      scoreSeen: input.score,
      createdAt: input.createdAt,
    })
    .returning();
  return toRecord(row!);
}

export async function findDecisionByEvent(db: Database, teamId: string, eventId: string): Promise<DecisionRecord | undefined> {
  const [row] = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.teamId, teamId), eq(decisions.eventId, eventId)))
    .limit(1);
  return row && toRecord(row);
}
