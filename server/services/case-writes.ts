import type { AddNoteBody, CaseEvent, CaseRecord, DecisionRecord, RecordDecisionBody } from '../../utils/schemas/api';
import type { Database } from '../db/open';
import { findOrderCase, touchCase, upsertCase } from '../repositories/cases';
import { findDecisionByEvent, insertDecision } from '../repositories/decisions';
import { announceEvent, insertEvent } from '../repositories/events';
import { findOrder } from '../repositories/orders';
import type { Caller } from '../repositories/tokens';
import { clientTime, KeyAlreadyUsed, requestDigest, writeEventOnce } from './idempotent-event';
import { guessPortalOfOrderId } from './page-keys';

/**
 * Notes and decisions: the writes the extension's outbox may deliver more than once, each run once per
 * idempotency key by writeEventOnce (the replay rule every outbox write shares).
 */

export interface NoteOutcome {
  replayed: boolean;
  result: { case: CaseRecord; event: CaseEvent };
}
export interface DecisionOutcome {
  replayed: boolean;
  result: { case: CaseRecord; event: CaseEvent; decision: DecisionRecord };
}

/** The order's own case, created (with its `created` event) when the order has none yet. */
export async function ensureOrderCase(db: Database, teamId: string, orderId: string, now: Date): Promise<string> {
  const existing = await findOrderCase(db, teamId, orderId);
  if (existing) return existing.id;
  const order = await findOrder(db, teamId, orderId);
  const portal = (order?.portal as CaseRecord['portal'] | undefined) ?? guessPortalOfOrderId(orderId);
  const { id, created } = await upsertCase(
    db,
    teamId,
    { kind: 'order', portal, marketplace: order?.marketplace ?? null, ref: orderId, orderId, buyerKey: order?.buyerKey ?? null },
    now,
  );
  if (created) await insertEvent(db, teamId, { caseId: id, orderId, type: 'created', agentId: null, text: 'Case opened', createdAt: now });
  return id;
}

export async function addNote(db: Database, caller: Caller, body: AddNoteBody, now = new Date()): Promise<NoteOutcome> {
  const teamId = caller.team.id;
  const digest = requestDigest('note', null, body);
  const at = clientTime(body.at, now);
  return writeEventOnce(
    db,
    teamId,
    body.idempotencyKey,
    digest,
    (event) => event.type === 'note' && event.orderId === body.orderId,
    async (tx) => {
      // A note written offline and delivered later still comes after its case's opening.
      const caseId = await ensureOrderCase(tx, teamId, body.orderId, at < now ? at : now);
      const id = await insertEvent(tx, teamId, {
        caseId,
        orderId: body.orderId,
        type: 'note',
        agentId: caller.agent.id,
        text: body.text,
        idempotencyKey: body.idempotencyKey,
        requestDigest: digest,
        createdAt: at,
      });
      if (!id) throw new KeyAlreadyUsed();
      await touchCase(tx, teamId, caseId, now);
      await announceEvent(tx, teamId, id);
      return id;
    },
    async () => ({}),
  );
}

const DECISION_WORDS = { hold: 'Held', release: 'Released', fraud: 'Marked as fraud' } as const;

export async function recordDecision(db: Database, caller: Caller, body: RecordDecisionBody, now = new Date()): Promise<DecisionOutcome> {
  const teamId = caller.team.id;
  const digest = requestDigest('decision', null, body);
  const at = clientTime(body.at, now);
  const text = body.reason ? `${DECISION_WORDS[body.decision]}: ${body.reason}` : DECISION_WORDS[body.decision];
  return writeEventOnce(
    db,
    teamId,
    body.idempotencyKey,
    digest,
    (event) => event.type === 'decision' && event.orderId === body.orderId,
    async (tx) => {
      const caseId = await ensureOrderCase(tx, teamId, body.orderId, at < now ? at : now);
      const eventId = await insertEvent(tx, teamId, {
        caseId,
        orderId: body.orderId,
        type: 'decision',
        agentId: caller.agent.id,
        text,
        decision: body.decision,
        data: body.score === undefined ? { reason: body.reason } : { reason: body.reason, score: body.score },
        idempotencyKey: body.idempotencyKey,
        requestDigest: digest,
        createdAt: at,
      });
      if (!eventId) throw new KeyAlreadyUsed();
      // Earlier decisions stay: the order's decision history is an audit trail for back-testing.
      await insertDecision(tx, teamId, {
        orderId: body.orderId,
        eventId,
        kind: body.decision,
        reason: body.reason,
        agentId: caller.agent.id,
        score: body.score ?? null,
        createdAt: at,
      });
      await touchCase(tx, teamId, caseId, now);
      await announceEvent(tx, teamId, eventId);
      return eventId;
    },
    async (event) => {
      const decision = await findDecisionByEvent(db, teamId, event.id);
      if (!decision) throw new Error(`decision of event ${event.id} is missing`);
      return { decision };
    },
  );
}
