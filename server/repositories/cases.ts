import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { CaseKind, CaseRecord } from '../../utils/schemas/api';
import type { Database } from '../db/open';
import { cases } from '../db/schema';
import { disputes } from '../db/schema-disputes';

type Portal = CaseRecord['portal'];

/**
 * The latest decision on the case's order travels with every case record. Written out in full because
 * Drizzle leaves column names unqualified in single-table selects, which would make the correlation
 * compare decisions' columns with themselves.
 */
const latestDecision = sql<CaseRecord['decision']>`(
  select d.kind from decisions d
  where d.team_id = "cases"."team_id" and d.order_id = "cases"."order_id"
  order by d.created_at desc, d.id desc limit 1
)`;

const caseColumns = {
  id: cases.id,
  kind: cases.kind,
  portal: cases.portal,
  marketplace: cases.marketplace,
  ref: cases.ref,
  orderId: cases.orderId,
  status: cases.status,
  openedAt: cases.openedAt,
  updatedAt: cases.updatedAt,
  decision: latestDecision,
};

type CaseSelection = { [K in keyof typeof caseColumns]: unknown } & { openedAt: Date; updatedAt: Date };

function toRecord(row: CaseSelection): CaseRecord {
  return {
    id: row.id as string,
    kind: row.kind as CaseKind,
    portal: row.portal as Portal,
    marketplace: (row.marketplace as string | null) ?? null,
    ref: row.ref as string,
    orderId: (row.orderId as string | null) ?? null,
    status: row.status as CaseRecord['status'],
    openedAt: row.openedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    decision: (row.decision as CaseRecord['decision']) ?? null,
  };
}

export interface CaseKey {
  kind: CaseKind;
  portal: Portal;
  marketplace: string | null;
  ref: string;
  orderId: string | null;
  buyerKey: string | null;
}

/**
 * Finds or creates the case for (portal, kind, ref). `created` tells the caller to write the case's
 * `created` event. Concurrent calls for one case agree on one row (unique index + ON CONFLICT).
 */
export async function upsertCase(db: Database, teamId: string, key: CaseKey, now = new Date()): Promise<{ id: string; created: boolean }> {
  const [row] = await db
    .insert(cases)
    .values({ teamId, ...key, openedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [cases.teamId, cases.portal, cases.kind, cases.ref],
      set: {
        marketplace: sql.raw('coalesce(excluded.marketplace, cases.marketplace)'),
        orderId: sql.raw('coalesce(excluded.order_id, cases.order_id)'),
        buyerKey: sql.raw('coalesce(excluded.buyer_key, cases.buyer_key)'),
      },
    })
    // xmax is 0 only on a freshly inserted row version: the usual PostgreSQL idiom for "was it inserted".
    .returning({ id: cases.id, created: sql<boolean>`(xmax = 0)` });
  return { id: row!.id, created: Boolean(row!.created) };
}

/**
 * The case of a key as the panel shows it, with what an upsert of that key would change; undefined when
 * the case does not exist yet.
 */
export async function findCaseByKey(db: Database, teamId: string, key: CaseKey): Promise<{ record: CaseRecord; wouldChange: boolean } | undefined> {
  const [row] = await db
    .select({ ...caseColumns, buyerKey: cases.buyerKey })
    .from(cases)
    .where(and(eq(cases.teamId, teamId), eq(cases.portal, key.portal), eq(cases.kind, key.kind), eq(cases.ref, key.ref)))
    .limit(1);
  if (!row) return undefined;
  const record = toRecord(row as CaseSelection);
  const differs = (given: string | null, stored: string | null) => given !== null && given !== stored;
  const wouldChange = differs(key.marketplace, record.marketplace) || differs(key.orderId, record.orderId) || differs(key.buyerKey, row.buyerKey);
  return { record, wouldChange };
}

/** Retention: the buyer key links cases to a person, so it goes with the order's personal data. */
export async function forgetCaseBuyers(db: Database, teamId: string, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await db
    .update(cases)
    .set({ buyerKey: null })
    .where(and(eq(cases.teamId, teamId), inArray(cases.orderId, orderIds)));
  // A processor dispute matched by e-mail or buyer keeps that buyer's key: it links it to a person too.
  await db
    .update(disputes)
    .set({ buyerKey: null })
    .where(and(eq(disputes.teamId, teamId), inArray(disputes.orderId, orderIds)));
}

export async function touchCase(db: Database, teamId: string, caseId: string, at = new Date()): Promise<void> {
  await db
    .update(cases)
    .set({ updatedAt: sql`greatest(${cases.updatedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(cases.teamId, teamId), eq(cases.id, caseId)));
}

export async function getCase(db: Database, teamId: string, caseId: string): Promise<CaseRecord | undefined> {
  const [row] = await db
    .select(caseColumns)
    .from(cases)
    .where(and(eq(cases.teamId, teamId), eq(cases.id, caseId)))
    .limit(1);
  return row && toRecord(row as CaseSelection);
}

export async function findOrderCase(db: Database, teamId: string, orderId: string): Promise<CaseRecord | undefined> {
  const [row] = await db
    .select(caseColumns)
    .from(cases)
    .where(and(eq(cases.teamId, teamId), eq(cases.orderId, orderId), eq(cases.kind, 'order')))
    .orderBy(desc(cases.openedAt))
    .limit(1);
  return row && toRecord(row as CaseSelection);
}

/** The order case of each of these orders (the newest when there are several), by order id. */
export async function findOrderCases(db: Database, teamId: string, orderIds: string[]): Promise<Map<string, CaseRecord>> {
  const found = new Map<string, CaseRecord>();
  if (orderIds.length === 0) return found;
  const rows = await db
    .select(caseColumns)
    .from(cases)
    .where(and(eq(cases.teamId, teamId), inArray(cases.orderId, [...new Set(orderIds)]), eq(cases.kind, 'order')))
    .orderBy(desc(cases.openedAt));
  for (const row of rows) {
    const record = toRecord(row as CaseSelection);
    if (record.orderId && !found.has(record.orderId)) found.set(record.orderId, record);
  }
  return found;
}

export async function listCasesByOrder(db: Database, teamId: string, orderId: string): Promise<CaseRecord[]> {
  const rows = await db
    .select(caseColumns)
    .from(cases)
    .where(and(eq(cases.teamId, teamId), eq(cases.orderId, orderId)))
    .orderBy(desc(cases.updatedAt), desc(cases.id));
  return rows.map((r) => toRecord(r as CaseSelection));
}

/** The buyer's cases (any marketplace) other than `excludeCaseId`, newest first. */
export async function listCasesByBuyer(db: Database, teamId: string, buyerKey: string, excludeCaseId: string | null, limit = 50): Promise<CaseRecord[]> {
  const rows = await db
    .select(caseColumns)
    .from(cases)
    .where(and(eq(cases.teamId, teamId), eq(cases.buyerKey, buyerKey), excludeCaseId ? ne(cases.id, excludeCaseId) : undefined))
    .orderBy(desc(cases.updatedAt), desc(cases.id))
    .limit(limit);
  return rows.map((r) => toRecord(r as CaseSelection));
}

export async function setCaseStatus(db: Database, teamId: string, caseId: string, status: CaseRecord['status'], at = new Date()): Promise<void> {
  await db
    .update(cases)
    .set({ status, updatedAt: sql`greatest(${cases.updatedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(cases.teamId, teamId), eq(cases.id, caseId)));
}
