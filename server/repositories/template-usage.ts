import { sql } from 'drizzle-orm';
import type { Database } from '../db/open';

export interface UsageCounts {
  templateId: string;
  insertions: number;
  cases: number;
  lastInsertedAt: Date;
}
export type StatusCount = { templateId: string; status: 'open' | 'waiting' | 'resolved' | 'closed'; cases: number };
export type DecisionCount = { templateId: string; kind: 'hold' | 'release' | 'fraud'; decisions: number };

const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

/**
 * Template insertions since `from`, aggregated per template in three queries: how often, into how many
 * cases, what those cases are now, and which decisions were recorded on those orders after an insertion.
 * Read from template_uses (one row per insertion, the same table the reports read; on its
 * (team_id, created_at) index); an insertion's order is its case's (insertions go into the order's case).
 */
export async function templateUsageSince(
  db: Database,
  teamId: string,
  from: Date,
): Promise<{ counts: UsageCounts[]; statuses: StatusCount[]; decisions: DecisionCount[] }> {
  const since = from.toISOString();
  const inserted = sql`select u.template_id, u.case_id, u.created_at
    from template_uses u where u.team_id = ${teamId} and u.created_at >= ${since}::timestamptz`;
  const [counts, statuses, decisions] = [
    await db.execute(sql`select i.template_id, count(*)::int as insertions, count(distinct i.case_id)::int as cases, max(i.created_at) as last_at
      from (${inserted}) i group by i.template_id`),
    await db.execute(sql`select i.template_id, c.status, count(distinct c.id)::int as cases
      from (${inserted}) i join cases c on c.team_id = ${teamId} and c.id = i.case_id group by i.template_id, c.status`),
    await db.execute(sql`select i.template_id, d.kind, count(distinct d.id)::int as decisions
      from (${inserted}) i join cases c on c.team_id = ${teamId} and c.id = i.case_id
      join decisions d on d.team_id = ${teamId} and d.order_id = c.order_id and d.created_at > i.created_at
      group by i.template_id, d.kind`),
  ];
  return {
    counts: rowsOf<{ template_id: string; insertions: number; cases: number; last_at: string | Date }>(counts).map((r) => ({
      templateId: r.template_id,
      insertions: Number(r.insertions),
      cases: Number(r.cases),
      lastInsertedAt: new Date(r.last_at),
    })),
    statuses: rowsOf<{ template_id: string; status: StatusCount['status']; cases: number }>(statuses).map((r) => ({
      templateId: r.template_id,
      status: r.status,
      cases: Number(r.cases),
    })),
    decisions: rowsOf<{ template_id: string; kind: DecisionCount['kind']; decisions: number }>(decisions).map((r) => ({
      templateId: r.template_id,
      kind: r.kind,
      decisions: Number(r.decisions),
    })),
  };
}
