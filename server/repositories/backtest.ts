import { sql } from 'drizzle-orm';
import type { DecisionKind } from '../../utils/schemas/fraud';
import type { Database } from '../db/open';

export interface FinalDecision {
  orderId: string;
  kind: DecisionKind;
  decidedAt: Date;
}

/**
 * Each order's last decision made since `from` (the agents' final word is what a matrix is measured
 * against), newest first, at most `limit` orders. Uses the decisions (team_id, created_at) index.
 */
export async function listFinalDecisions(db: Database, teamId: string, from: Date, limit: number): Promise<FinalDecision[]> {
  const result = await db.execute(sql`
    select order_id, kind, created_at from (
      select distinct on (d.order_id) d.order_id, d.kind, d.created_at
      from decisions d
      where d.team_id = ${teamId} and d.created_at >= ${from.toISOString()}::timestamptz
      order by d.order_id, d.created_at desc, d.id desc
    ) last order by created_at desc limit ${limit}`);
  const rows = (result as unknown as { rows: Array<{ order_id: string; kind: DecisionKind; created_at: string | Date }> }).rows;
  return rows.map((r) => ({ orderId: r.order_id, kind: r.kind, decidedAt: new Date(r.created_at) }));
}
