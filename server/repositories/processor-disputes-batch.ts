import { and, desc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ProcessorSource } from '../../utils/schemas/disputes';
import type { Database } from '../db/open';
import { cases, events, orders } from '../db/schema';
import { disputes, PROCESSOR_SOURCES_SQL, processorEvents } from '../db/schema-disputes';
import type { CaseKey } from './cases';
import type { DisputeRow } from './disputes';
import { LIVE_EVENTS_CHANNEL, type NewEvent } from './events';
import type { OrderRow } from './orders';
import type { NewProcessorDispute, ProcessorEventOutcome } from './processor-disputes';

/**
 * The multi-row statements of the dispute import (services/dispute-import-apply.ts): each does for a
 * batch of rows what the per-event path (services/processor-disputes.ts) does for one, in one statement.
 * Lists travel as one JSON parameter, which both drivers pass alike.
 */

const json = (value: unknown) => sql`${JSON.stringify(value)}::json`;

/**
 * `insert into <table> (<columns>) select <columns> from json_populate_recordset(...)`: many rows as one
 * JSON parameter. Drizzle's own multi-row insert spends ~45 ms of the event loop building the SQL of 500
 * disputes (one parameter per value); JSON.stringify of the same rows takes a few.
 */
function insertFromJson<T extends PgTable>(table: T, keys: ReadonlyArray<keyof T['$inferInsert'] & string>, rows: ReadonlyArray<Record<string, unknown>>) {
  const columns = getTableColumns(table);
  const names = keys.map((key) => columns[key]!.name);
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const payload = rows.map((row) => Object.fromEntries(keys.map((key, i) => [names[i], row[key] ?? null])));
  return sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(payload)}::json)`;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Claims the processor event ids; answers the ones claimed now (the others were claimed before). */
export async function claimProcessorEvents(
  db: Database,
  teamId: string,
  claims: Array<{ source: string; eventId: string }>,
  eventType: string,
  now: Date,
): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  // One order for every writer: two imports claiming overlapping ids wait for each other, never deadlock.
  const sorted = [...claims].sort((a, b) => (a.source === b.source ? (a.eventId < b.eventId ? -1 : 1) : a.source < b.source ? -1 : 1));
  const rows = rowsOf<{ source: string; event_id: string }>(
    await db.execute(
      sql`${insertFromJson(
        processorEvents,
        ['teamId', 'source', 'eventId', 'eventType', 'outcome', 'receivedAt'],
        sorted.map((c) => ({ teamId, source: c.source, eventId: c.eventId, eventType, outcome: 'ignored', receivedAt: now })),
      )} on conflict do nothing returning source, event_id`,
    ),
  );
  return new Set(rows.map((r) => eventKey(r.source, r.event_id)));
}

export const eventKey = (source: string, eventId: string) => `${source}\u0000${eventId}`;

export async function settleProcessorEvents(
  db: Database,
  teamId: string,
  settled: Array<{ source: string; eventId: string; outcome: ProcessorEventOutcome; disputeId: string | null }>,
): Promise<void> {
  if (settled.length === 0) return;
  await db.execute(sql`
    update ${processorEvents} set outcome = v.outcome, dispute_id = v.dispute_id::uuid
    from json_to_recordset(${json(settled.map((s) => ({ source: s.source, event_id: s.eventId, outcome: s.outcome, dispute_id: s.disputeId })))})
      as v(source text, event_id text, outcome text, dispute_id text)
    where ${processorEvents.teamId} = ${teamId} and ${processorEvents.source} = v.source and ${processorEvents.eventId} = v.event_id`);
}

/**
 * The advisory locks of lockProcessorDispute, for many disputes in one statement (in one order, so
 * two batches never wait for each other in a circle; a webhook takes only one).
 */
export async function lockProcessorDisputes(db: Database, teamId: string, keys: Array<{ source: ProcessorSource; externalId: string }>): Promise<void> {
  if (keys.length === 0) return;
  const names = [...new Set(keys.map((k) => `${teamId}|${k.source}|${k.externalId}`))].sort();
  await db.execute(
    sql`select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from (select k from json_array_elements_text(${json(names)}) as k order by k) as ordered`,
  );
}

/** The stored disputes among `externalIds` (one source), locked for the rest of the transaction. */
export async function findProcessorDisputesForUpdate(db: Database, teamId: string, source: ProcessorSource, externalIds: string[]): Promise<DisputeRow[]> {
  if (externalIds.length === 0) return [];
  return db
    .select()
    .from(disputes)
    .where(
      and(
        eq(disputes.teamId, teamId),
        eq(disputes.source, source),
        inArray(disputes.externalId, externalIds),
        sql`${disputes.source} IN (${PROCESSOR_SOURCES_SQL})`,
      ),
    )
    .for('update');
}

/** The columns an import may change on a stored dispute (newRow, changeOf and an order match). */
const IMPORT_COLUMNS = [
  'network',
  'reasonCode',
  'reasonText',
  'reason',
  'reasonGroup',
  'amountMinor',
  'currency',
  'paymentRef',
  'orderRef',
  'details',
  'updatedAt',
  'deadline',
  'stage',
  'stateAt',
  'processorStatus',
  'status',
  'outcome',
  'recoveredMinor',
  'respondedAt',
  'decidedAt',
  'orderId',
  'orderMatch',
  'buyerKey',
] as const satisfies ReadonlyArray<keyof typeof disputes.$inferInsert>;

/**
 * Writes the batch's disputes as they stand after it: new ones inserted, stored ones (locked by
 * findProcessorDisputesForUpdate) given the import's columns; every other column keeps its value.
 */
export async function writeProcessorDisputes(db: Database, teamId: string, rows: Array<NewProcessorDispute & { id: string }>): Promise<void> {
  if (rows.length === 0) return;
  const keys = Object.keys(getTableColumns(disputes)) as Array<keyof typeof disputes.$inferInsert>;
  const set = sql.raw(IMPORT_COLUMNS.map((key) => `"${disputes[key].name}" = excluded."${disputes[key].name}"`).join(', '));
  await db.execute(
    sql`${insertFromJson(
      disputes,
      keys,
      rows.map((r) => ({ ...r, teamId })),
    )} on conflict (id) do update set ${set}`,
  );
}

/** The team's orders with these ids, the most recently seen one per id (findOrder). */
export async function findOrdersById(db: Database, teamId: string, orderIds: string[]): Promise<Map<string, OrderRow>> {
  const found = new Map<string, OrderRow>();
  if (orderIds.length === 0) return found;
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.teamId, teamId), inArray(orders.orderId, [...new Set(orderIds)])))
    .orderBy(desc(orders.lastSeenAt));
  for (const row of rows) if (!found.has(row.orderId)) found.set(row.orderId, row);
  return found;
}

/** The newest 20 orders per buyer, as findOrdersOfBuyer finds them: by e-mail (its key or the page's) or by buyer key. */
export async function findOrdersOfBuyers(
  db: Database,
  teamId: string,
  by: { emails: string[]; buyerKeys: string[] },
): Promise<{ byEmail: Map<string, OrderRow[]>; byBuyerKey: Map<string, OrderRow[]> }> {
  const byEmail = new Map<string, OrderRow[]>();
  const byBuyerKey = new Map<string, OrderRow[]>();
  const emails = [...new Set(by.emails)];
  const buyerKeys = [...new Set(by.buyerKeys)];
  if (emails.length === 0 && buyerKeys.length === 0) return { byEmail, byBuyerKey };
  const pageEmail = sql<string | null>`lower(${orders.snapshot}->'buyer'->>'email')`;
  const matches = [];
  if (emails.length > 0) {
    matches.push(
      inArray(
        orders.buyerKey,
        emails.map((e) => `email:${e}`),
      ),
    );
    matches.push(inArray(pageEmail, emails));
  }
  if (buyerKeys.length > 0) matches.push(inArray(orders.buyerKey, buyerKeys));
  const rows = await db
    .select({ order: orders, pageEmail })
    .from(orders)
    .where(and(eq(orders.teamId, teamId), or(...matches)))
    .orderBy(desc(orders.lastSeenAt));
  const wantedEmails = new Set(emails);
  const wantedKeys = new Set(buyerKeys);
  const add = (map: Map<string, OrderRow[]>, key: string, order: OrderRow) => {
    const list = map.get(key) ?? [];
    if (list.length < 20 && !list.includes(order)) list.push(order);
    map.set(key, list);
  };
  for (const { order, pageEmail: email } of rows) {
    const keyEmail = order.buyerKey?.startsWith('email:') ? order.buyerKey.slice('email:'.length) : undefined;
    if (keyEmail !== undefined && wantedEmails.has(keyEmail)) add(byEmail, keyEmail, order);
    if (email !== null && wantedEmails.has(email)) add(byEmail, email, order);
    if (order.buyerKey !== null && wantedKeys.has(order.buyerKey)) add(byBuyerKey, order.buyerKey, order);
  }
  return { byEmail, byBuyerKey };
}

/** Opens the cases these keys name (upsertCase for many); answers each key's case id and whether it was new. */
export async function upsertCases(db: Database, teamId: string, keys: CaseKey[], now: Date): Promise<Map<string, { id: string; created: boolean }>> {
  const found = new Map<string, { id: string; created: boolean }>();
  if (keys.length === 0) return found;
  const rows = rowsOf<{ id: string; portal: string; kind: string; ref: string; created: boolean }>(
    await db.execute(
      sql`${insertFromJson(
        cases,
        ['teamId', 'kind', 'portal', 'marketplace', 'ref', 'orderId', 'buyerKey', 'openedAt', 'updatedAt'],
        keys.map((key) => ({ teamId, ...key, openedAt: now, updatedAt: now })),
      )} on conflict (team_id, portal, kind, ref) do update set
          marketplace = coalesce(excluded.marketplace, cases.marketplace),
          order_id = coalesce(excluded.order_id, cases.order_id),
          buyer_key = coalesce(excluded.buyer_key, cases.buyer_key)
        returning id, portal, kind, ref, (xmax = 0) as created`,
    ),
  );
  for (const row of rows) found.set(caseKeyOf(row), { id: row.id, created: Boolean(row.created) });
  return found;
}

export const caseKeyOf = (key: { portal: string; kind: string; ref: string }) => `${key.portal}\u0000${key.kind}\u0000${key.ref}`;

/** Inserts events (without idempotency keys) in the order given; answers their ids in that order. */
export async function insertEvents(db: Database, teamId: string, list: NewEvent[], now: Date): Promise<string[]> {
  if (list.length === 0) return [];
  const rows = rowsOf<{ id: string; seq: number | string }>(
    await db.execute(
      sql`${insertFromJson(
        events,
        ['teamId', 'caseId', 'orderId', 'type', 'agentId', 'text', 'decision', 'data', 'createdAt'],
        list.map((e) => ({ ...e, teamId, decision: e.decision ?? null, data: e.data ?? {}, createdAt: e.createdAt ?? now })),
      )} returning id, seq`,
    ),
  );
  return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => r.id);
}

/** touchCase for many cases. */
export async function touchCases(db: Database, teamId: string, caseIds: string[], at: Date): Promise<void> {
  if (caseIds.length === 0) return;
  await db
    .update(cases)
    .set({ updatedAt: sql`greatest(${cases.updatedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(cases.teamId, teamId), inArray(cases.id, [...new Set(caseIds)])));
}

/** announceEvent for many events, in the order given, in one statement. */
export async function announceEvents(db: Database, teamId: string, eventIds: string[]): Promise<void> {
  if (eventIds.length === 0) return;
  const payloads = eventIds.map((eventId) => JSON.stringify({ teamId, eventId }));
  await db.execute(sql`select count(pg_notify(${LIVE_EVENTS_CHANNEL}, p)) from json_array_elements_text(${json(payloads)}) with ordinality as t(p, n)`);
}
