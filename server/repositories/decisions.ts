import { and, desc, eq, ne, sql } from 'drizzle-orm';
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

/**
 * Orders of a party (buyer key or address key) whose latest decision is `fraud`, other than
 * `excludeOrderId`. A fraud flag later released does not count.
 */
export async function listFraudFlaggedOrders(
  db: Database,
  teamId: string,
  party: { buyerKey: string } | { addressKey: string },
  excludeOrderId: string | null,
): Promise<string[]> {
  const partyOrders =
    'buyerKey' in party
      ? sql`(select o.order_id from orders o where o.team_id = ${teamId} and o.buyer_key = ${party.buyerKey})`
      : sql`(select o.order_id from orders o where o.team_id = ${teamId} and o.address_key = ${party.addressKey})`;
  const latest = await db
    .selectDistinctOn([decisions.orderId], { orderId: decisions.orderId, kind: decisions.kind })
    .from(decisions)
    .where(and(eq(decisions.teamId, teamId), sql`${decisions.orderId} in ${partyOrders}`, excludeOrderId ? ne(decisions.orderId, excludeOrderId) : undefined))
    .orderBy(decisions.orderId, desc(decisions.createdAt), desc(decisions.id));
  return latest.filter((d) => d.kind === 'fraud').map((d) => d.orderId);
}
