import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseKind, CaseRecord } from '../../utils/schemas/api';
import type { Database } from '../db/open';
import { cases } from '../db/schema';
import { caseClocks } from '../db/schema-admin';

export type CaseClockRow = typeof caseClocks.$inferSelect;
export type CaseClockValues = Omit<typeof caseClocks.$inferInsert, 'teamId' | 'caseId'>;

/** Cases still needing work; resolved and closed cases leave the queue. */
const OPEN_STATUSES = ['open', 'waiting'] as const;

export async function getCaseClock(db: Database, teamId: string, caseId: string): Promise<CaseClockRow | undefined> {
  const [row] = await db
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.teamId, teamId), eq(caseClocks.caseId, caseId)))
    .limit(1);
  return row;
}

/** The clock row, locked until the transaction ends (pause and resume read-modify-write it). */
export async function lockCaseClock(tx: Database, teamId: string, caseId: string): Promise<CaseClockRow | undefined> {
  const [row] = await tx
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.teamId, teamId), eq(caseClocks.caseId, caseId)))
    .for('update')
    .limit(1);
  return row;
}

/** Creates or replaces a case's clock (a concurrent first panel load of the same case agrees on one row). */
export async function putCaseClock(db: Database, teamId: string, caseId: string, values: CaseClockValues): Promise<void> {
  await db
    .insert(caseClocks)
    .values({ teamId, caseId, ...values })
    .onConflictDoUpdate({ target: caseClocks.caseId, set: { ...values, updatedAt: new Date() }, setWhere: eq(caseClocks.teamId, teamId) });
}

export async function updateCaseClock(db: Database, teamId: string, caseId: string, values: Partial<CaseClockValues>): Promise<void> {
  await db
    .update(caseClocks)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(caseClocks.teamId, teamId), eq(caseClocks.caseId, caseId)));
}

export async function deleteCaseClock(db: Database, teamId: string, caseId: string): Promise<void> {
  await db.delete(caseClocks).where(and(eq(caseClocks.teamId, teamId), eq(caseClocks.caseId, caseId)));
}

/** Clocks of the team's open cases started under a policy version older than `version`, with their case's portal and marketplace. */
export async function listOpenClocksBefore(
  db: Database,
  teamId: string,
  version: number,
): Promise<Array<{ clock: CaseClockRow; portal: string; marketplace: string | null }>> {
  return db
    .select({ clock: caseClocks, portal: cases.portal, marketplace: cases.marketplace })
    .from(caseClocks)
    .innerJoin(cases, and(eq(cases.id, caseClocks.caseId), eq(cases.teamId, caseClocks.teamId)))
    .where(and(eq(caseClocks.teamId, teamId), sql`${caseClocks.policyVersion} < ${version}`, inArray(cases.status, [...OPEN_STATUSES])));
}

export interface QueueRow {
  clock: CaseClockRow;
  caseRecord: CaseRecord;
  buyerName: string | null;
}

/**
 * The team's open cases with a running or paused clock, least time left first, in one query. A paused
 * clock ranks by the time it had left (it does not run down while paused). Cases that need no response
 * are left out.
 */
export async function listQueue(db: Database, teamId: string, limit: number, now: Date): Promise<QueueRow[]> {
  const nowIso = now.toISOString();
  const rank = sql`coalesce(${nowIso}::timestamptz + ${caseClocks.remainingAtPauseMs} * interval '1 millisecond', ${caseClocks.deadline})`;
  // Correlated like repositories/cases.ts: the latest decision on the case's order travels with the record.
  const decision = sql<CaseRecord['decision']>`(
    select d.kind from decisions d
    where d.team_id = ${cases.teamId} and d.order_id = ${cases.orderId}
    order by d.created_at desc, d.id desc limit 1
  )`;
  // The buyer as the agent knows them (blank once retention has removed personal data).
  const buyerName = sql<string | null>`(
    select o.buyer_name from orders o
    where o.team_id = ${cases.teamId} and o.portal = ${cases.portal} and o.order_id = ${cases.orderId}
    limit 1
  )`;
  const rows = await db
    .select({ clock: caseClocks, c: cases, decision, buyerName })
    .from(caseClocks)
    .innerJoin(cases, and(eq(cases.id, caseClocks.caseId), eq(cases.teamId, caseClocks.teamId)))
    .where(and(eq(caseClocks.teamId, teamId), eq(caseClocks.noResponseNeeded, false), inArray(cases.status, [...OPEN_STATUSES])))
    .orderBy(asc(rank), asc(cases.openedAt))
    .limit(limit);
  return rows.map(({ clock, c, decision: latest, buyerName: buyer }) => ({
    clock,
    buyerName: buyer || null,
    caseRecord: {
      id: c.id,
      kind: c.kind as CaseKind,
      portal: c.portal,
      marketplace: c.marketplace,
      ref: c.ref,
      orderId: c.orderId,
      status: c.status,
      openedAt: c.openedAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      decision: latest ?? null,
    },
  }));
}
