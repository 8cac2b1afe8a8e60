import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DecisionKind } from '../../utils/schemas/fraud';
import type { Database } from '../db/open';
import { orders } from '../db/schema';

/*
 * The back-test's reads, each in pages: on the embedded database (PGlite) a query runs on the main
 * thread from start to end, and on PostgreSQL node-postgres parses a whole result there in one go, so a
 * single query over a busy buyer's thousands of orders would hold every other request for a few hundred
 * milliseconds. Each page here is one short query (keyset-paged or limited to a list of ids); the caller
 * yields between pages.
 */

export interface FinalDecision {
  orderId: string;
  kind: DecisionKind;
  decidedAt: Date;
}

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/**
 * Each order's last decision made since `from` (the agents' final word is what a matrix is measured
 * against), newest first, at most `limit` orders, in pages of `pageSize`. Walks the decisions
 * (team_id, created_at) index backwards; a decision is an order's last when no later one exists
 * (decisions (team_id, order_id, created_at) index). The cursor keeps the database's own microseconds.
 */
export async function* finalDecisionPages(db: Database, teamId: string, from: Date, limit: number, pageSize = 500): AsyncGenerator<FinalDecision[]> {
  let cursor: { at: string; id: string } | null = null;
  for (let taken = 0; taken < limit;) {
    // The plain bound lets the index scan start at the cursor; the row comparison breaks ties.
    const after = cursor
      ? sql`and d.created_at <= ${cursor.at}::timestamptz and (d.created_at, d.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
      : sql``;
    const result = await db.execute(sql`
      select d.id, d.order_id, d.kind, d.created_at, d.created_at::text as cursor_at
      from decisions d
      where d.team_id = ${teamId} and d.created_at >= ${from.toISOString()}::timestamptz ${after}
        and not exists (
          select 1 from decisions l
          where l.team_id = d.team_id and l.order_id = d.order_id and (l.created_at, l.id) > (d.created_at, d.id)
        )
      order by d.created_at desc, d.id desc
      limit ${Math.min(pageSize, limit - taken)}`);
    const rows = rowsOf(result);
    if (rows.length === 0) return;
    taken += rows.length;
    const lastRow = rows[rows.length - 1]!;
    cursor = { at: String(lastRow.cursor_at), id: String(lastRow.id) };
    yield rows.map((r) => ({ orderId: String(r.order_id), kind: r.kind as DecisionKind, decidedAt: new Date(r.created_at as string | Date) }));
  }
}

/** All of `finalDecisionPages` at once (small sets and tests). */
export async function listFinalDecisions(db: Database, teamId: string, from: Date, limit: number): Promise<FinalDecision[]> {
  const all: FinalDecision[] = [];
  for await (const page of finalDecisionPages(db, teamId, from, limit)) all.push(...page);
  return all;
}

/** What the back-test needs of a decided order: its keys, times and page snapshot. */
export async function findBacktestOrders(db: Database, teamId: string, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .select({
      orderId: orders.orderId,
      buyerKey: orders.buyerKey,
      addressKey: orders.addressKey,
      phoneKey: orders.phoneKey,
      purchasedAt: orders.purchasedAt,
      firstSeenAt: orders.firstSeenAt,
      addressChangedAt: orders.addressChangedAt,
      redactedAt: orders.redactedAt,
      snapshot: orders.snapshot,
    })
    .from(orders)
    .where(and(eq(orders.teamId, teamId), inArray(orders.orderId, orderIds)));
}
export type BacktestOrder = Awaited<ReturnType<typeof findBacktestOrders>>[number];

/** The distinct buyer, address and phone keys of some orders (no snapshots: a cheap read). */
export async function keysOfOrders(db: Database, teamId: string, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .selectDistinct({ buyerKey: orders.buyerKey, addressKey: orders.addressKey, phoneKey: orders.phoneKey })
    .from(orders)
    .where(and(eq(orders.teamId, teamId), inArray(orders.orderId, orderIds)));
}

/** An order as the fraud engine's related-order and count rules see it. */
export interface PartyOrder {
  orderId: string;
  buyerKey: string | null;
  addressKey: string | null;
  phoneKey: string | null;
  placedAt: Date;
  totalMinor: number | null;
  currency: string | null;
}

export interface PartyCase {
  /** The case row's id, to drop a case that two pages both returned. */
  id: string;
  kind: 'claim' | 'return' | 'chargeback';
  ref: string;
  orderId: string | null;
  /** The case's own buyer key, and the address key of its order (cases are matched to addresses through orders). */
  buyerKey: string | null;
  addressKey: string | null;
  openedAt: Date;
}

export interface PartyDecision {
  orderId: string;
  kind: DecisionKind;
  buyerKey: string | null;
  addressKey: string | null;
}

export type PartyKeys = { buyerKeys: string[]; addressKeys: string[]; phoneKeys: string[] };

/**
 * Every order sharing a buyer, address or phone key with the decided orders, `pageSize` at a time:
 * the keys of one kind `keysPerQuery` at a time, each key's orders keyset-paged on the row id. Each key
 * is looked up in its index once (a team's year has thousands of keys; probing all of them for every
 * page made each page as slow as the whole read). An order sharing two keys comes twice (the row id
 * tells them apart).
 */
export async function* partyOrderPages(
  db: Database,
  teamId: string,
  keys: PartyKeys,
  pageSize = 500,
  keysPerQuery = 50,
): AsyncGenerator<Array<PartyOrder & { rowId: string }>> {
  const columns = { buyerKeys: sql`o.buyer_key`, addressKeys: sql`o.address_key`, phoneKeys: sql`o.phone_key` } as const;
  for (const kind of ['buyerKeys', 'addressKeys', 'phoneKeys'] as const) {
    const values = keys[kind];
    for (let k = 0; k < values.length; k += keysPerQuery) {
      const chunk = textArray(values.slice(k, k + keysPerQuery));
      let cursor: string | null = null;
      for (;;) {
        const after = cursor ? sql`and o.id > ${cursor}::uuid` : sql``;
        const rows = rowsOf(
          await db.execute(sql`
            select o.id, o.order_id, o.buyer_key, o.address_key, o.phone_key, coalesce(o.purchased_at, o.first_seen_at) as placed_at, o.total_minor, o.currency
            from orders o
            where o.team_id = ${teamId} and ${columns[kind]} = any(${chunk}) ${after}
            order by o.id
            limit ${pageSize}`),
        );
        if (rows.length > 0) {
          cursor = String(rows[rows.length - 1]!.id);
          yield rows.map((r) => ({
            rowId: String(r.id),
            orderId: String(r.order_id),
            buyerKey: str(r.buyer_key),
            addressKey: str(r.address_key),
            phoneKey: str(r.phone_key),
            placedAt: new Date(r.placed_at as string | Date),
            totalMinor: r.total_minor === null ? null : Number(r.total_minor),
            currency: str(r.currency),
          }));
        }
        if (rows.length < pageSize) break;
      }
    }
  }
}

const caseRow = (r: Row): PartyCase => ({
  id: String(r.id),
  kind: r.kind as PartyCase['kind'],
  ref: String(r.ref),
  orderId: str(r.order_id),
  buyerKey: str(r.buyer_key),
  addressKey: null,
  openedAt: new Date(r.opened_at as string | Date),
});

/**
 * The claims, returns and chargebacks of the parties' buyers (cases_team_buyer_idx), `pageSize` at a
 * time. Their address key is left to the caller, who knows the parties' orders (services/backtest-read.ts).
 */
export async function* buyerCasePages(db: Database, teamId: string, keys: Pick<PartyKeys, 'buyerKeys'>, pageSize = 1000): AsyncGenerator<PartyCase[]> {
  if (keys.buyerKeys.length === 0) return;
  const B = textArray(keys.buyerKeys);
  let cursor: string | null = null;
  for (;;) {
    const after = cursor ? sql`and c.id > ${cursor}::uuid` : sql``;
    const rows = rowsOf(
      await db.execute(sql`
        select c.id, c.kind, c.ref, c.order_id, c.buyer_key, c.opened_at
        from cases c
        where c.team_id = ${teamId} and c.kind in ('claim', 'return', 'chargeback') and c.buyer_key = any(${B}) ${after}
        order by c.id
        limit ${pageSize}`),
    );
    if (rows.length === 0) return;
    cursor = String(rows[rows.length - 1]!.id);
    yield rows.map(caseRow);
    if (rows.length < pageSize) return;
  }
}

/** The claims, returns and chargebacks of some orders (cases_team_order_idx); address keys left to the caller. */
export async function casesOfOrders(db: Database, teamId: string, orderIds: string[]): Promise<PartyCase[]> {
  if (orderIds.length === 0) return [];
  const rows = rowsOf(
    await db.execute(sql`
      select c.id, c.kind, c.ref, c.order_id, c.buyer_key, c.opened_at
      from cases c
      where c.team_id = ${teamId} and c.order_id = any(${textArray(orderIds)}) and c.kind in ('claim', 'return', 'chargeback')`),
  );
  return rows.map(caseRow);
}

/** Of some orders, those whose last decision marked them as fraud (decisions_team_order_idx). */
export async function fraudFlaggedOfOrders(db: Database, teamId: string, orderIds: string[]): Promise<Array<{ orderId: string; kind: DecisionKind }>> {
  if (orderIds.length === 0) return [];
  const rows = rowsOf(
    await db.execute(sql`
      select last.order_id, last.kind
      from (
        select distinct on (d.order_id) d.order_id, d.kind
        from decisions d
        where d.team_id = ${teamId} and d.order_id = any(${textArray(orderIds)})
        order by d.order_id, d.created_at desc, d.id desc
      ) last
      where last.kind = 'fraud'`),
  );
  return rows.map((r) => ({ orderId: String(r.order_id), kind: r.kind as DecisionKind }));
}
