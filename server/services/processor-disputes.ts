import { and, eq } from 'drizzle-orm';
import { classifyReason } from '../../utils/disputes';
import type { ProcessorDisputeEvent } from '../../utils/disputes/processor-events';
import { processorDeadline } from '../../utils/disputes/processor-deadline';
import { reasonGroupOf } from '../../utils/disputes/reason-groups';
import { mergeState, mergeVerdict, type MergeVerdict, type StageState } from '../../utils/disputes/stage';
import { normalizeEmail, normalizeName } from '../../utils/fraud/normalize';
import { ProcessorSource, type DisputeReason, type DisputeStatus, type OrderMatch } from '../../utils/schemas/disputes';
import type { SlaPolicySet } from '../../utils/schemas/sla';
import type { Database } from '../db/open';
import { disputes } from '../db/schema-disputes';
import { HttpError, notFound } from '../errors';
import { touchCase } from '../repositories/cases';
import type { DisputeRow } from '../repositories/disputes';
import { announceEvent, insertEvent } from '../repositories/events';
import { findOrder, type OrderRow } from '../repositories/orders';
import {
  claimProcessorEvent,
  findOrdersOfBuyer,
  findProcessorDispute,
  insertProcessorDispute,
  lockProcessorDispute,
  settleProcessorEvent,
  updateProcessorDispute,
  type NewProcessorDispute,
} from '../repositories/processor-disputes';
import type { Caller } from '../repositories/tokens';
import { ensureOrderCase } from './case-writes';
import { teamPolicies } from './insights';
import { loadTeamSettings } from './settings';

/**
 * Processor disputes and alerts (webhooks and CSV imports) into the one disputes table: each event is
 * applied once (by the processor's event id), never moves a dispute backwards (utils/disputes/stage),
 * finds its order, and leaves a line in that order's case history for the team to see live.
 */

export type ApplyOutcome = 'created' | 'updated' | 'stale' | 'noted' | 'replayed';
export interface ApplyResult {
  outcome: ApplyOutcome;
  disputeId: string | null;
}

/** "No currency": what an alert without an amount (a Stripe early fraud warning) is stored with. */
export const UNKNOWN_CURRENCY = 'XXX';

export function reasonOfEvent(ev: Pick<ProcessorDisputeEvent, 'network' | 'reasonCode' | 'reasonText' | 'reasonHint'>): DisputeReason {
  const byCode = ev.reasonCode
    ? classifyReason({
        kind: 'card_dispute',
        code: ev.reasonCode,
        ...(ev.network ? { network: ev.network } : {}),
        ...(ev.reasonText ? { text: ev.reasonText } : {}),
      })
    : 'other';
  if (byCode !== 'other') return byCode;
  if (ev.reasonHint) return ev.reasonHint;
  return ev.reasonText ? classifyReason({ kind: 'card_dispute', text: ev.reasonText }) : 'other';
}

export interface OrderFound {
  orderId: string;
  orderMatch: OrderMatch;
  buyerKey: string | null;
}

/** One order among the buyer's: the only one, else the only one for exactly the disputed amount. */
function pickOrder(candidates: OrderRow[], amount: ProcessorDisputeEvent['amount']): OrderRow | undefined {
  if (candidates.length === 1) return candidates[0];
  if (!amount) return undefined;
  const same = candidates.filter((o) => o.totalMinor === amount.amountMinor && o.currency === amount.currency);
  return same.length === 1 ? same[0] : undefined;
}

/** Where matchOrderBy looks for orders: the database one query at a time, or a batch's lookups read ahead. */
export interface OrderLookup {
  /** The team's order with this id (the most recently seen one). */
  byId(orderId: string): Promise<OrderRow | undefined>;
  /** The team's orders of one buyer, newest first, at most 20 (findOrdersOfBuyer). */
  ofBuyer(by: { email: string } | { buyerKey: string }): Promise<OrderRow[]>;
}

export type MatchQuery = Pick<ProcessorDisputeEvent, 'orderRef' | 'email' | 'buyerName' | 'amount' | 'paymentRef' | 'externalId'>;

/**
 * The order a processor dispute belongs to: by the order reference it carried, else by the buyer's
 * e-mail, else by the buyer's name key, among the orders the team has seen. Unmatched disputes keep the
 * order reference (or the payment's id) as their order id, so they have a history until someone links them.
 */
export async function matchOrderBy(lookup: OrderLookup, ev: MatchQuery): Promise<OrderFound> {
  if (ev.orderRef) {
    const order = await lookup.byId(ev.orderRef);
    if (order) return { orderId: order.orderId, orderMatch: 'reference', buyerKey: order.buyerKey };
  }
  const email = ev.email ? normalizeEmail(ev.email) : '';
  if (email) {
    const order = pickOrder(await lookup.ofBuyer({ email }), ev.amount);
    if (order) return { orderId: order.orderId, orderMatch: 'email', buyerKey: order.buyerKey };
  }
  const buyerKey = ev.buyerName ? normalizeName(ev.buyerName) : '';
  if (buyerKey) {
    const order = pickOrder(await lookup.ofBuyer({ buyerKey }), ev.amount);
    if (order) return { orderId: order.orderId, orderMatch: 'buyer_key', buyerKey: order.buyerKey };
  }
  return { orderId: (ev.orderRef ?? ev.paymentRef ?? ev.externalId).slice(0, 64), orderMatch: 'unmatched', buyerKey: buyerKey || null };
}

/** matchOrderBy against the database, one query per step. */
export function matchOrder(db: Database, teamId: string, ev: MatchQuery): Promise<OrderFound> {
  return matchOrderBy({ byId: (orderId) => findOrder(db, teamId, orderId), ofBuyer: (by) => findOrdersOfBuyer(db, teamId, by) }, ev);
}

/** Outcome columns for a status the processor reports (the team's own status route sets them too). */
function outcomeFields(status: DisputeStatus, amountMinor: number, at: Date, current?: DisputeRow) {
  const decided = status === 'won' || status === 'lost' || status === 'refunded' || status === 'accepted';
  return {
    status,
    outcome: status === 'won' || status === 'lost' ? status : null,
    recoveredMinor: status === 'won' ? amountMinor : status === 'lost' ? 0 : null,
    respondedAt: status === 'responded' ? (current?.respondedAt ?? at) : (current?.respondedAt ?? null),
    decidedAt: decided ? at : null,
  };
}

export const stateOf = (row: Pick<DisputeRow, 'stage' | 'status' | 'stateAt' | 'updatedAt'>): StageState | undefined =>
  row.stage ? { stage: row.stage, status: row.status, at: row.stateAt ?? row.updatedAt } : undefined;

export const incomingOf = (ev: ProcessorDisputeEvent) => ({ stage: ev.stage, status: ev.status, at: ev.eventAt, reversal: ev.reversal });

export type Verdict = MergeVerdict | 'noted';

/** What an event does to a stored dispute ('noted': it adds information, the stage and status stay). */
export const verdictOf = (current: DisputeRow, ev: ProcessorDisputeEvent): Verdict => (ev.keepState ? 'noted' : mergeVerdict(stateOf(current), incomingOf(ev)));

const clip = (s: string | null, n: number) => (s === null ? null : s.slice(0, n));

export function newRow(ev: ProcessorDisputeEvent, order: OrderFound, policies: SlaPolicySet, now: Date): NewProcessorDispute {
  const reason = reasonOfEvent(ev);
  const amountMinor = ev.amount?.amountMinor ?? 0;
  return {
    kind: 'card_dispute',
    portal: 'shop',
    marketplace: null,
    source: ev.source,
    externalId: ev.externalId.slice(0, 200),
    orderId: order.orderId,
    orderMatch: order.orderMatch,
    buyerKey: order.buyerKey,
    caseId: null,
    network: ev.network,
    reasonCode: clip(ev.reasonCode, 40),
    reasonText: clip(ev.reasonText, 500),
    reason,
    reasonGroup: reasonGroupOf({ network: ev.network, code: ev.reasonCode, reason }) ?? null,
    amountMinor,
    currency: ev.amount?.currency ?? UNKNOWN_CURRENCY,
    filedAt: ev.filedAt,
    deadline: processorDeadline({ source: ev.source, stage: ev.stage, network: ev.network, filedAt: ev.filedAt, dueBy: ev.dueBy }, policies),
    stage: ev.stage,
    processorStatus: clip(ev.processorStatus, 200),
    paymentRef: clip(ev.paymentRef, 200),
    orderRef: clip(ev.orderRef, 200),
    stateAt: ev.eventAt,
    details: { ...ev.details, ...(ev.amount ? {} : { amountUnknown: true }) },
    ...outcomeFields(ev.status, amountMinor, ev.eventAt),
    createdAt: now,
    updatedAt: now,
  };
}

/** The columns an applied event changes on a stored dispute, but its order (see changeFor). */
export function changeOf(row: DisputeRow, ev: ProcessorDisputeEvent, verdict: Verdict, policies: SlaPolicySet, now: Date): Partial<NewProcessorDispute> {
  const network = ev.network ?? row.network;
  const reasonCode = clip(ev.reasonCode, 40) ?? row.reasonCode;
  const reasonText = clip(ev.reasonText, 500) ?? row.reasonText;
  const reason = reasonOfEvent({ network, reasonCode, reasonText, reasonHint: ev.reasonHint });
  const amountMinor = ev.amount?.amountMinor ?? row.amountMinor;
  const details: Record<string, string | number | boolean> = { ...row.details, ...ev.details };
  if (ev.amount) delete details['amountUnknown'];
  const change: Partial<NewProcessorDispute> = {
    network,
    reasonCode,
    reasonText,
    reason,
    reasonGroup: reasonGroupOf({ network, code: reasonCode, reason }) ?? null,
    amountMinor,
    currency: ev.amount?.currency ?? row.currency,
    paymentRef: row.paymentRef ?? clip(ev.paymentRef, 200),
    orderRef: row.orderRef ?? clip(ev.orderRef, 200),
    details,
    updatedAt: now,
  };
  if (ev.dueBy) change.deadline = ev.dueBy;
  if (verdict !== 'noted' && verdict !== 'same' && verdict !== 'stale') {
    const merged = mergeState(stateOf(row), incomingOf(ev));
    const newStage = merged.stage !== row.stage;
    Object.assign(change, {
      stage: merged.stage,
      stateAt: merged.at,
      processorStatus: clip(ev.processorStatus, 200),
      ...outcomeFields(merged.status, amountMinor, ev.eventAt, row),
    });
    // A later stage runs on its own window, from the day it was raised.
    if (newStage && !ev.dueBy)
      change.deadline = processorDeadline({ source: ev.source, stage: merged.stage, network, filedAt: ev.eventAt, dueBy: null }, policies);
  }
  return change;
}

/** What an unmatched dispute is matched again by when an event about it arrives. */
export const rematchQuery = (row: DisputeRow, ev: ProcessorDisputeEvent, change: Partial<NewProcessorDispute>): MatchQuery => ({
  ...ev,
  orderRef: ev.orderRef ?? row.orderRef,
  amount: { amountMinor: change.amountMinor!, currency: change.currency! },
});

/** The columns an applied event changes on a stored dispute; an unmatched one is matched again. */
async function changeFor(db: Database, teamId: string, row: DisputeRow, ev: ProcessorDisputeEvent, verdict: Verdict, policies: SlaPolicySet, now: Date) {
  const change = changeOf(row, ev, verdict, policies, now);
  if (row.orderMatch === 'unmatched') {
    const order = await matchOrder(db, teamId, rematchQuery(row, ev, change));
    if (order.orderMatch !== 'unmatched') Object.assign(change, order);
  }
  return change;
}

/** The line an applied event leaves in the order's case history. */
export function historyText(row: Pick<DisputeRow, 'externalId' | 'orderMatch'>, ev: ProcessorDisputeEvent, created: boolean): string {
  const unmatched = created && row.orderMatch === 'unmatched' ? ' (no order of the team matches it yet)' : '';
  return `Dispute ${row.externalId}: ${ev.summary}${unmatched}`;
}

/** What an applied event's history line carries. */
export const historyData = (row: Pick<DisputeRow, 'id' | 'source' | 'stage' | 'status'>, data: Record<string, unknown>) => ({
  disputeId: row.id,
  source: row.source,
  stage: row.stage,
  status: row.status,
  ...data,
});

/** Writes the line the team sees in the order's case history, live. */
async function recordHistory(
  db: Database,
  teamId: string,
  row: DisputeRow,
  text: string,
  data: Record<string, unknown>,
  agentId: string | null,
  now: Date,
): Promise<void> {
  const caseId = await ensureOrderCase(db, teamId, row.orderId, now);
  const id = await insertEvent(db, teamId, {
    caseId,
    orderId: row.orderId,
    type: 'status',
    agentId,
    text: text.slice(0, 2000),
    data: historyData(row, data),
    createdAt: now,
  });
  await touchCase(db, teamId, caseId, now);
  if (id) await announceEvent(db, teamId, id);
}

/**
 * Applies one verified processor event. Replays answer `replayed` and change nothing; events older
 * than what is stored answer `stale` and change nothing but their own bookkeeping.
 */
export async function applyProcessorEvent(
  db: Database,
  teamId: string,
  ev: ProcessorDisputeEvent,
  eventType: string,
  now = new Date(),
  policies?: SlaPolicySet,
): Promise<ApplyResult> {
  const slaPolicies = policies ?? teamPolicies(await loadTeamSettings(db, teamId));
  return db.transaction(async (tx) => {
    if (!(await claimProcessorEvent(tx, teamId, ev.source, ev.eventId, eventType.slice(0, 200), now))) return { outcome: 'replayed', disputeId: null };
    await lockProcessorDispute(tx, teamId, ev.source, ev.externalId);
    const current = await findProcessorDispute(tx, teamId, ev.source, ev.externalId);
    let result: ApplyResult;
    if (!current) {
      const order = await matchOrder(tx, teamId, ev);
      const row = await insertProcessorDispute(tx, teamId, newRow(ev, order, slaPolicies, now));
      await recordHistory(tx, teamId, row, historyText(row, ev, true), { processorEvent: ev.eventId }, null, now);
      result = { outcome: 'created', disputeId: row.id };
    } else {
      const verdict = verdictOf(current, ev);
      if (verdict === 'stale' || verdict === 'same') {
        result = { outcome: 'stale', disputeId: current.id };
      } else {
        const row = await updateProcessorDispute(tx, teamId, current.id, await changeFor(tx, teamId, current, ev, verdict, slaPolicies, now));
        await recordHistory(tx, teamId, row, historyText(row, ev, false), { processorEvent: ev.eventId }, null, now);
        result = { outcome: verdict === 'noted' ? 'noted' : 'updated', disputeId: row.id };
      }
    }
    await settleProcessorEvent(tx, teamId, ev.source, ev.eventId, result.outcome === 'replayed' ? 'ignored' : result.outcome, result.disputeId);
    return result;
  });
}

/**
 * Links a processor dispute to one of the team's orders in one step (an unmatched dispute, or a wrong
 * automatic match), and says so in that order's case history.
 */
export async function linkDisputeToOrder(db: Database, caller: Caller, id: string, orderId: string, now = new Date()): Promise<DisputeRow> {
  const teamId = caller.team.id;
  return db.transaction(async (tx) => {
    const current = await lockDispute(tx, teamId, id);
    if (!current) throw notFound('Dispute');
    if (!ProcessorSource.safeParse(current.source).success) {
      throw new HttpError('conflict', 'This dispute came from a portal page, which names its order; only processor disputes are linked by hand.', 'params.id');
    }
    const order = await findOrder(tx, teamId, orderId);
    if (!order)
      throw new HttpError(
        'validation_failed',
        `body.orderId: the team has never seen order ${orderId.slice(0, 64)}; open it in the portal once, then link.`,
        'body.orderId',
      );
    if (current.orderId === order.orderId && current.orderMatch === 'agent') return current;
    const updated = await updateProcessorDispute(tx, teamId, id, { orderId: order.orderId, orderMatch: 'agent', buyerKey: order.buyerKey, updatedAt: now });
    await recordHistory(
      tx,
      teamId,
      updated,
      `Dispute ${updated.externalId} (${updated.source}) linked to this order by ${caller.agent.name}`,
      { linkedFrom: current.orderId },
      caller.agent.id,
      now,
    );
    return updated;
  });
}

/** The dispute, locked for the rest of the transaction. */
async function lockDispute(db: Database, teamId: string, id: string): Promise<DisputeRow | undefined> {
  const [row] = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.teamId, teamId), eq(disputes.id, id)))
    .limit(1)
    .for('update');
  return row;
}
