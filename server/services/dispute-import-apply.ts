import { randomUUID } from 'node:crypto';
import type { ProcessorDisputeEvent } from '../../utils/disputes/processor-events';
import { normalizeEmail } from '../../utils/fraud/normalize';
import type { CaseRecord } from '../../utils/schemas/api';
import type { SlaPolicySet } from '../../utils/schemas/sla';
import type { Database } from '../db/open';
import { findOrderCases, type CaseKey } from '../repositories/cases';
import type { DisputeRow } from '../repositories/disputes';
import type { NewEvent } from '../repositories/events';
import { findOrder, type OrderRow } from '../repositories/orders';
import { findOrdersOfBuyer, type NewProcessorDispute, type ProcessorEventOutcome } from '../repositories/processor-disputes';
import {
  announceEvents,
  caseKeyOf,
  claimProcessorEvents,
  eventKey,
  findOrdersById,
  findOrdersOfBuyers,
  findProcessorDisputesForUpdate,
  insertEvents,
  lockProcessorDisputes,
  settleProcessorEvents,
  touchCases,
  upsertCases,
  writeProcessorDisputes,
} from '../repositories/processor-disputes-batch';
import { guessPortalOfOrderId } from './page-keys';
import { changeOf, historyData, historyText, matchOrderBy, newRow, rematchQuery, verdictOf, type ApplyOutcome, type OrderLookup } from './processor-disputes';

/**
 * The dispute import's apply, a batch of rows at a time: what applyProcessorEvent does for one event
 * (claim its id, lock and read the dispute, match the order, insert or update, write the history line,
 * announce it, settle the event), done for the whole batch in one transaction with a fixed number of
 * statements. The rows are worked through in file order in memory, with the same functions the
 * per-event path uses (newRow, verdictOf, changeOf, matchOrderBy), so a dispute named twice in a batch
 * ends as it would row by row. A batch that fails leaves nothing; the batches before it stay applied
 * and their event ids claimed, so importing the file again finishes the rest.
 */

/** Rows per transaction: about fifteen statements each, whatever the batch's size. */
export const IMPORT_BATCH = 500;

type Key = string;
const disputeKey = (source: string, externalId: string): Key => `${source}\u0000${externalId}`;

/**
 * The batch's orders, read ahead in a few statements: by the order references its rows carry, then the
 * buyers of the rows no reference matched. Anything not read ahead (a re-match of a stored dispute by
 * its own reference) is looked up as the per-event path does.
 */
async function readAheadOrders(tx: Database, teamId: string, evs: ProcessorDisputeEvent[], stored: DisputeRow[]): Promise<OrderLookup> {
  const refs = new Set<string>();
  for (const ev of evs) if (ev.orderRef) refs.add(ev.orderRef);
  for (const row of stored) if (row.orderMatch === 'unmatched' && row.orderRef) refs.add(row.orderRef);
  const byId = await findOrdersById(tx, teamId, [...refs]);
  const emails = new Set<string>();
  for (const ev of evs) {
    if (ev.orderRef && byId.has(ev.orderRef)) continue;
    const email = ev.email ? normalizeEmail(ev.email) : '';
    if (email) emails.add(email);
  }
  // Imports carry no buyer names (readImportRow); rows that do are looked up one by one.
  const buyers = await findOrdersOfBuyers(tx, teamId, { emails: [...emails], buyerKeys: [] });
  return {
    byId: async (orderId) => (refs.has(orderId) ? byId.get(orderId) : findOrder(tx, teamId, orderId)),
    ofBuyer: async (by) => {
      if ('email' in by && emails.has(by.email)) return buyers.byEmail.get(by.email) ?? [];
      return findOrdersOfBuyer(tx, teamId, by);
    },
  };
}

interface HistoryLine {
  orderId: string;
  text: string;
  data: Record<string, unknown>;
}

/** The order case of each order (ensureOrderCase for many): found, or opened with its "Case opened" line. */
async function ensureOrderCases(tx: Database, teamId: string, orderIds: string[], now: Date): Promise<Map<string, string>> {
  const caseOf = new Map<string, string>();
  for (const [orderId, record] of await findOrderCases(tx, teamId, orderIds)) caseOf.set(orderId, record.id);
  const missing = orderIds.filter((id) => !caseOf.has(id));
  if (missing.length === 0) return caseOf;
  const orders = await findOrdersById(tx, teamId, missing);
  const keys: CaseKey[] = missing.map((orderId) => {
    const order: OrderRow | undefined = orders.get(orderId);
    return {
      kind: 'order',
      portal: (order?.portal as CaseRecord['portal'] | undefined) ?? guessPortalOfOrderId(orderId),
      marketplace: order?.marketplace ?? null,
      ref: orderId,
      orderId,
      buyerKey: order?.buyerKey ?? null,
    };
  });
  const opened = await upsertCases(tx, teamId, keys, now);
  const openings: NewEvent[] = [];
  for (const key of keys) {
    const found = opened.get(caseKeyOf(key))!;
    caseOf.set(key.ref, found.id);
    if (found.created) openings.push({ caseId: found.id, orderId: key.ref, type: 'created', agentId: null, text: 'Case opened', createdAt: now });
  }
  await insertEvents(tx, teamId, openings, now);
  return caseOf;
}

/**
 * Applies a batch of events (at most a few thousand; IMPORT_BATCH is what the import uses) in one
 * transaction; answers each event's outcome, in order, as applyProcessorEvent would have.
 */
export async function applyEventBatch(
  db: Database,
  teamId: string,
  evs: ProcessorDisputeEvent[],
  eventType: string,
  now: Date,
  policies: SlaPolicySet,
): Promise<ApplyOutcome[]> {
  return db.transaction(async (tx) => {
    const claimed = await claimProcessorEvents(
      tx,
      teamId,
      evs.map((ev) => ({ source: ev.source, eventId: ev.eventId })),
      eventType.slice(0, 200),
      now,
    );
    const live = evs.filter((ev) => claimed.has(eventKey(ev.source, ev.eventId)));
    await lockProcessorDisputes(tx, teamId, live);

    const state = new Map<Key, DisputeRow>();
    const idsBySource = new Map<ProcessorDisputeEvent['source'], Set<string>>();
    for (const ev of live) idsBySource.set(ev.source, (idsBySource.get(ev.source) ?? new Set()).add(ev.externalId));
    const stored: DisputeRow[] = [];
    for (const [source, ids] of idsBySource) stored.push(...(await findProcessorDisputesForUpdate(tx, teamId, source, [...ids])));
    for (const row of stored) state.set(disputeKey(row.source, row.externalId), row);
    const lookup = await readAheadOrders(tx, teamId, live, stored);

    const outcomes: ApplyOutcome[] = [];
    const changed = new Set<Key>();
    const history: HistoryLine[] = [];
    const settled: Array<{ source: string; eventId: string; outcome: ProcessorEventOutcome; disputeId: string | null }> = [];
    for (const ev of evs) {
      // An id given twice is claimed once: the second is a replay, as it would be row by row.
      if (!claimed.delete(eventKey(ev.source, ev.eventId))) {
        outcomes.push('replayed');
        continue;
      }
      const key = disputeKey(ev.source, ev.externalId);
      const current = state.get(key);
      let outcome: ApplyOutcome;
      let row: DisputeRow;
      if (!current) {
        const order = await matchOrderBy(lookup, ev);
        row = { ...newRow(ev, order, policies, now), id: randomUUID(), teamId, caseId: null, outcomeNote: null } as DisputeRow;
        history.push({ orderId: row.orderId, text: historyText(row, ev, true), data: historyData(row, { processorEvent: ev.eventId }) });
        outcome = 'created';
      } else {
        const verdict = verdictOf(current, ev);
        if (verdict === 'stale' || verdict === 'same') {
          outcomes.push('stale');
          settled.push({ source: ev.source, eventId: ev.eventId, outcome: 'stale', disputeId: current.id });
          continue;
        }
        const change = changeOf(current, ev, verdict, policies, now);
        if (current.orderMatch === 'unmatched') {
          const order = await matchOrderBy(lookup, rematchQuery(current, ev, change));
          if (order.orderMatch !== 'unmatched') Object.assign(change, order);
        }
        row = { ...current, ...change } as DisputeRow;
        history.push({ orderId: row.orderId, text: historyText(row, ev, false), data: historyData(row, { processorEvent: ev.eventId }) });
        outcome = verdict === 'noted' ? 'noted' : 'updated';
      }
      state.set(key, row);
      changed.add(key);
      outcomes.push(outcome);
      settled.push({ source: ev.source, eventId: ev.eventId, outcome, disputeId: row.id });
    }

    await writeProcessorDisputes(
      tx,
      teamId,
      [...changed].map((key) => state.get(key)! as NewProcessorDispute & { id: string }),
    );
    const caseOf = await ensureOrderCases(tx, teamId, [...new Set(history.map((h) => h.orderId))], now);
    const lines: NewEvent[] = history.map((h) => ({
      caseId: caseOf.get(h.orderId)!,
      orderId: h.orderId,
      type: 'status',
      agentId: null,
      text: h.text.slice(0, 2000),
      data: h.data,
      createdAt: now,
    }));
    const ids = await insertEvents(tx, teamId, lines, now);
    await touchCases(
      tx,
      teamId,
      lines.map((l) => l.caseId),
      now,
    );
    await announceEvents(tx, teamId, ids);
    await settleProcessorEvents(tx, teamId, settled);
    return outcomes;
  });
}
