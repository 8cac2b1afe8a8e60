import { buildChecklist, EVIDENCE_DEFINITIONS, recommendAction } from '../../utils/disputes';
import type { AlertDecisionBody, AttachmentContentType, DisputeView, EvidenceBody, StatusBody } from '../../utils/api-routes/disputes';
import type { EvidenceItem } from '../../utils/schemas/disputes';
import type { PageContext } from '../../utils/schemas/page';
import type { Database } from '../db/open';
import { HttpError, notFound } from '../errors';
import { touchCase, upsertCase } from '../repositories/cases';
import {
  getDispute,
  listEvidence,
  updateDisputeStatus,
  upsertDispute,
  upsertEvidence,
  winRateFor,
  type DisputeRow,
  type StatusChange,
} from '../repositories/disputes';
import { listAttachments } from '../repositories/disputes-files';
import { announceEvent, insertEvent, listEventsByOrder } from '../repositories/events';
import { findOrder, upsertOrderSnapshot } from '../repositories/orders';
import type { Caller } from '../repositories/tokens';
import { ensureOrderCase } from './case-writes';
import { teamPolicies } from './insights';
import { ce3InputsFor, ce3ViewOf } from './ce3-evidence';
import { contextFor, disputeLike, historyFor, providedOf } from './disputes-history';
import { alertViewOf, decideAlert, isAlertRow } from './dispute-alerts';
import { disputeFromPage } from './disputes-page';
import { caseKeyOf, orderSnapshotOf } from './page-keys';
import { readTogether } from './parallel-reads';
import { loadTeamSettings } from './settings';

const reasonOf = (row: DisputeRow) => row.reason as DisputeView['dispute']['reason'];

/** What the engine needs to judge one stored dispute: the checklist inputs, gathered once. */
export async function disputeFacts(db: Database, teamId: string, row: DisputeRow, page?: PageContext) {
  // Together on the pool; one after another inside a transaction (the demo seed builds its disputes in one).
  const [order, events, evidence, ce3] = await readTogether(db, [
    () => findOrder(db, teamId, row.orderId),
    () => listEventsByOrder(db, teamId, row.orderId),
    () => listEvidence(db, teamId, row.id),
    () => ce3InputsFor(db, teamId, row),
  ] as const);
  const context = contextFor(order, page);
  const history = historyFor(events, context);
  const dispute = disputeLike(row);
  const checklist = buildChecklist({ dispute, ...(context ? { context } : {}), history, provided: providedOf(evidence), ...ce3 });
  return { dispute, context, history, checklist, order, ce3: ce3ViewOf(row, ce3), ce3Inputs: ce3 };
}

export async function disputeView(db: Database, teamId: string, row: DisputeRow, now: Date, page?: PageContext): Promise<DisputeView> {
  const [{ dispute, checklist, order, context, ce3 }, attachments, winRate] = await readTogether(db, [
    () => disputeFacts(db, teamId, row, page),
    () => listAttachments(db, teamId, row.id),
    () => winRateFor(db, teamId, reasonOf(row), row.id),
  ] as const);
  const alert = isAlertRow(row) ? await alertViewOf(db, teamId, row, order, context) : undefined;
  const recommendation = recommendAction({ amount: dispute.amount, reason: dispute.reason, checklist, winRate, kind: dispute.kind });
  return {
    id: row.id,
    portal: row.portal,
    marketplace: row.marketplace,
    caseId: row.caseId,
    dispute: {
      ...dispute,
      deadline: row.deadline.toISOString(),
      status: row.status,
      ...(row.respondedAt ? { respondedAt: row.respondedAt.toISOString() } : {}),
      ...(row.outcome && row.decidedAt
        ? {
            outcome: {
              decidedAt: row.decidedAt.toISOString(),
              ...(row.recoveredMinor !== null ? { recovered: { amountMinor: row.recoveredMinor, currency: row.currency } } : {}),
              ...(row.outcomeNote ? { note: row.outcomeNote } : {}),
            },
          }
        : {}),
    },
    checklist,
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType as AttachmentContentType,
      size: a.size,
      evidenceKey: a.evidenceKey,
      createdAt: a.createdAt.toISOString(),
    })),
    recommendation,
    ...(alert ? { alert } : {}),
    ...(ce3 ? { ce3 } : {}),
    winRate,
    timeLeftMs: row.deadline.getTime() - now.getTime(),
    missingRequired: checklist.filter((i: EvidenceItem) => i.required && i.status === 'missing' && !i.internal).map((i) => i.label),
    serverTime: now.toISOString(),
  };
}

export async function requireDispute(db: Database, teamId: string, id: string): Promise<DisputeRow> {
  const row = await getDispute(db, teamId, id);
  if (!row) throw notFound('Dispute');
  return row;
}

/**
 * POST /v1/disputes/from-page: records the page like a panel load (order snapshot, the claim or
 * chargeback case) and upserts its dispute. Loading the same page again changes nothing but what the
 * page itself says (amount, reason, deadline).
 */
export async function disputeFromPageView(db: Database, caller: Caller, ctx: PageContext, now = new Date()): Promise<{ view: DisputeView; created: boolean }> {
  const teamId = caller.team.id;
  const settings = await loadTeamSettings(db, teamId);
  const input = disputeFromPage(ctx, teamPolicies(settings), now);
  const { row, created } = await db.transaction(async (tx) => {
    const snapshot = orderSnapshotOf(ctx);
    // A dispute page's empty item list must not wipe the items an order page showed.
    if (snapshot) await upsertOrderSnapshot(tx, teamId, { ...snapshot, snapshot: withoutEmpty(snapshot.snapshot) }, now);
    const caseKey = caseKeyOf(ctx);
    let caseId: string | null = null;
    if (caseKey) {
      const c = await upsertCase(tx, teamId, caseKey, now);
      if (c.created)
        await insertEvent(tx, teamId, {
          caseId: c.id,
          orderId: caseKey.orderId,
          type: 'created',
          agentId: caller.agent.id,
          text: 'Case opened',
          createdAt: now,
        });
      caseId = c.id;
    }
    return upsertDispute(tx, teamId, { ...input, caseId }, now);
  });
  return { view: await disputeView(db, teamId, row, now, ctx), created };
}

function withoutEmpty(snapshot: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(snapshot).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

/** Writes one event into the order's case history (the dispute's case, else the order's own). */
export async function recordDisputeEvent(
  db: Database,
  caller: Caller,
  row: DisputeRow,
  type: 'note' | 'status',
  text: string,
  data: Record<string, unknown>,
  now: Date,
) {
  const teamId = caller.team.id;
  const caseId = row.caseId ?? (await ensureOrderCase(db, teamId, row.orderId, now));
  const id = await insertEvent(db, teamId, {
    caseId,
    orderId: row.orderId,
    type,
    agentId: caller.agent.id,
    text,
    data: { disputeId: row.id, ...data },
    createdAt: now,
  });
  await touchCase(db, teamId, caseId, now);
  if (id) await announceEvent(db, teamId, id);
}

function labelFor(key: string, fallback?: string): string {
  return (EVIDENCE_DEFINITIONS as Record<string, { label: string }>)[key]?.label ?? fallback ?? key.replace(/_/g, ' ');
}

export async function saveEvidence(db: Database, caller: Caller, id: string, key: string, body: EvidenceBody, now = new Date()): Promise<DisputeView> {
  const teamId = caller.team.id;
  const row = await requireDispute(db, teamId, id);
  const known = (EVIDENCE_DEFINITIONS as Record<string, unknown>)[key] !== undefined;
  if (!known && !body.label)
    throw new HttpError('validation_failed', `body.label: "${key}" is not a standard evidence item, so it needs a label.`, 'body.label');
  await db.transaction(async (tx) => {
    await upsertEvidence(
      tx,
      teamId,
      row.id,
      { key, label: body.label ?? null, value: body.value ?? null, notApplicable: body.notApplicable === true, attachmentId: null, agentId: caller.agent.id },
      now,
    );
    const label = labelFor(key, body.label);
    const text = body.notApplicable
      ? `Dispute ${row.externalId}: ${label} marked as not applicable`
      : `Dispute ${row.externalId}: evidence added, ${label}: ${body.value!.slice(0, 300)}`;
    await recordDisputeEvent(tx, caller, row, 'note', text, { evidenceKey: key }, now);
  });
  return disputeView(db, teamId, (await getDispute(db, teamId, id))!, now);
}

const STATUS_WORDS: Record<StatusBody['status'], string> = {
  open: 'reopened',
  responded: 'defence sent',
  won: 'won',
  lost: 'lost',
  refunded: 'refunded to the buyer',
  accepted: 'accepted',
};

function statusChange(row: DisputeRow, body: StatusBody, now: Date): StatusChange {
  const s = body.status;
  if (body.recovered && s !== 'won') throw new HttpError('validation_failed', 'body.recovered: only a won dispute recovers money.', 'body.recovered');
  if (body.recovered && body.recovered.currency !== row.currency)
    throw new HttpError('validation_failed', `body.recovered.currency: the dispute is in ${row.currency}.`, 'body.recovered.currency');
  if (body.recovered && body.recovered.amountMinor > row.amountMinor)
    throw new HttpError('validation_failed', 'body.recovered.amountMinor: more than the disputed amount.', 'body.recovered.amountMinor');
  const decided = s === 'won' || s === 'lost' || s === 'refunded' || s === 'accepted';
  return {
    status: s,
    outcome: s === 'won' || s === 'lost' ? s : null,
    recoveredMinor: s === 'won' ? (body.recovered?.amountMinor ?? row.amountMinor) : s === 'lost' ? 0 : null,
    outcomeNote: decided ? (body.note ?? null) : null,
    respondedAt: s === 'open' ? null : s === 'responded' ? now : row.respondedAt,
    decidedAt: decided ? now : null,
  };
}

export async function setDisputeStatus(db: Database, caller: Caller, id: string, body: StatusBody, now = new Date()): Promise<DisputeView> {
  const teamId = caller.team.id;
  const row = await requireDispute(db, teamId, id);
  const change = statusChange(row, body, now);
  const unchanged = row.status === change.status && row.recoveredMinor === change.recoveredMinor && (row.outcomeNote ?? null) === change.outcomeNote;
  if (!unchanged) {
    await db.transaction(async (tx) => {
      await updateDisputeStatus(tx, teamId, row.id, change, now);
      const text = `Dispute ${row.externalId}: ${STATUS_WORDS[change.status]}${body.note ? ` (${body.note.slice(0, 300)})` : ''}`;
      await recordDisputeEvent(tx, caller, row, 'status', text, { status: change.status }, now);
    });
  }
  return disputeView(db, teamId, (await getDispute(db, teamId, id))!, now);
}

/** POST /v1/disputes/:id/alert-decision: the team's answer to a pre-dispute alert, into the case history. */
export async function decideAlertView(db: Database, caller: Caller, id: string, body: AlertDecisionBody, now = new Date()): Promise<DisputeView> {
  const teamId = caller.team.id;
  const row = await decideAlert(
    db,
    caller,
    id,
    body,
    (r) => disputeFacts(db, teamId, r),
    (tx, r, text, data) => recordDisputeEvent(tx, caller, r, 'status', text, data, now),
    now,
  );
  return disputeView(db, teamId, row, now);
}
