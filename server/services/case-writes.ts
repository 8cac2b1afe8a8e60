import type { AddNoteBody, CaseEvent, CaseRecord, DecisionRecord, RecordDecisionBody } from '../../utils/schemas/api';
import type { Database } from '../db/open';
import { findOrderCase, getCase, touchCase, upsertCase } from '../repositories/cases';
import { findDecisionByEvent, insertDecision } from '../repositories/decisions';
import { announceEvent, findEventByIdempotencyKey, getEvent, insertEvent } from '../repositories/events';
import { findOrder } from '../repositories/orders';
import type { Caller } from '../repositories/tokens';
import { checkKeyDigest, clientTime, keyReusedConflict, requestDigest } from './idempotent-event';
import { guessPortalOfOrderId } from './page-keys';

/**
 * Notes and decisions: the writes the extension's outbox may deliver more than once. The idempotency
 * key is claimed by the event insert (UNIQUE per team); a writer that loses the claim rolls back
 * everything it did and answers with the original result instead.
 */

export interface NoteOutcome {
  replayed: boolean;
  result: { case: CaseRecord; event: CaseEvent };
}
export interface DecisionOutcome {
  replayed: boolean;
  result: { case: CaseRecord; event: CaseEvent; decision: DecisionRecord };
}

class KeyAlreadyUsed extends Error {}

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

async function checkReplayMatches(db: Database, teamId: string, original: CaseEvent, expectedType: CaseEvent['type'], body: AddNoteBody | RecordDecisionBody, digest: string): Promise<void> {
  if (original.type !== expectedType || original.orderId !== body.orderId) throw keyReusedConflict();
  await checkKeyDigest(db, teamId, body.idempotencyKey, digest);
}

async function loadCase(db: Database, teamId: string, caseId: string): Promise<CaseRecord> {
  const record = await getCase(db, teamId, caseId);
  if (!record) throw new Error(`case ${caseId} vanished`);
  return record;
}

export async function addNote(db: Database, caller: Caller, body: AddNoteBody, now = new Date()): Promise<NoteOutcome> {
  const teamId = caller.team.id;
  const digest = requestDigest('note', null, body);
  const replay = async (): Promise<NoteOutcome | undefined> => {
    const event = await findEventByIdempotencyKey(db, teamId, body.idempotencyKey);
    if (!event) return undefined;
    await checkReplayMatches(db, teamId, event, 'note', body, digest);
    return { replayed: true, result: { case: await loadCase(db, teamId, event.caseId), event } };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const at = clientTime(body.at, now);
  try {
    const eventId = await db.transaction(async (tx) => {
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
    });
    const event = (await getEvent(db, teamId, eventId))!;
    return { replayed: false, result: { case: await loadCase(db, teamId, event.caseId), event } };
  } catch (err) {
    if (!(err instanceof KeyAlreadyUsed)) throw err;
    return (await replay())!;
  }
}

const DECISION_WORDS = { hold: 'Held', release: 'Released', fraud: 'Marked as fraud' } as const;

export async function recordDecision(db: Database, caller: Caller, body: RecordDecisionBody, now = new Date()): Promise<DecisionOutcome> {
  const teamId = caller.team.id;
  const digest = requestDigest('decision', null, body);
  const replay = async (): Promise<DecisionOutcome | undefined> => {
    const event = await findEventByIdempotencyKey(db, teamId, body.idempotencyKey);
    if (!event) return undefined;
    await checkReplayMatches(db, teamId, event, 'decision', body, digest);
    const decision = await findDecisionByEvent(db, teamId, event.id);
    if (!decision) throw new Error(`decision of event ${event.id} is missing`);
    return { replayed: true, result: { case: await loadCase(db, teamId, event.caseId), event, decision } };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const at = clientTime(body.at, now);
  const text = body.reason ? `${DECISION_WORDS[body.decision]}: ${body.reason}` : DECISION_WORDS[body.decision];
  try {
    const { eventId, decision } = await db.transaction(async (tx) => {
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
      const record = await insertDecision(tx, teamId, {
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
      return { eventId, decision: record };
    });
    const event = (await getEvent(db, teamId, eventId))!;
    return { replayed: false, result: { case: await loadCase(db, teamId, event.caseId), event, decision } };
  } catch (err) {
    if (!(err instanceof KeyAlreadyUsed)) throw err;
    return (await replay())!;
  }
}
