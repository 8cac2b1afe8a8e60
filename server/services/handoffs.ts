import { randomUUID } from 'node:crypto';
import type { AnswerHandoffBody, CreateHandoffBody, Handoff, ReceiverHandoff } from '../../utils/schemas/handoffs';
import type { Database } from '../db/open';
import { HttpError, notFound } from '../errors';
import { getCase, touchCase } from '../repositories/cases';
import { lockCaseClock, updateCaseClock } from '../repositories/case-clocks';
import { insertDecision } from '../repositories/decisions';
import { announceEvent, insertEvent } from '../repositories/events';
import {
  findHandoff,
  findHandoffByEvent,
  findHandoffTeam,
  insertHandoff,
  lockHandoff,
  memberTeamIds,
  recordHandoffAnswer,
  toHandoff,
} from '../repositories/handoffs';
import type { Caller } from '../repositories/tokens';
import { applyAction } from './case-clock';
import { ensureOrderCase } from './case-writes';
import { receiverViewOf } from './handoffs-view';
import { clientTime, KeyAlreadyUsed, requestDigest, writeEventOnce, type EventWriteOutcome } from './idempotent-event';

/**
 * Hand-offs to internal teams: created by an agent through the outbox (replay-safe, one `handoff` event
 * in the order's case), answered once by a member of the receiving team (a `handoff_answer` event, live
 * to the team's panels). A fraud team's answer is also the decision on the order.
 */

const minutesBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));

export async function createHandoff(db: Database, caller: Caller, body: CreateHandoffBody, now = new Date()): Promise<EventWriteOutcome<{ handoff: Handoff }>> {
  const teamId = caller.team.id;
  const digest = requestDigest('handoff', null, body);
  const at = clientTime(body.at, now);
  return writeEventOnce(
    db,
    teamId,
    body.idempotencyKey,
    digest,
    (event) => event.type === 'handoff' && event.orderId === body.orderId,
    async (tx) => {
      // Checked inside the write, after the replay check: a replay answers its original result even if
      // the team was deleted or the due time passed since; a refused write leaves nothing behind.
      const team = await findHandoffTeam(tx, teamId, body.handoffTeamId, true);
      if (!team) throw new HttpError('not_found', 'There is no such hand-off team.', 'body.handoffTeamId');
      if (team.deleted) throw new HttpError('validation_failed', `The team "${team.name}" was deleted; choose another team.`, 'body.handoffTeamId');
      if (Date.parse(body.dueAt) <= now.getTime()) throw new HttpError('validation_failed', 'The due time must lie in the future.', 'body.dueAt');
      if (body.escalation && team.kind !== 'fraud')
        throw new HttpError('validation_failed', 'Only a fraud team takes an escalation with a fraud score.', 'body.escalation');
      const caseId = body.caseId
        ? await caseOfOrder(tx, teamId, body.caseId, body.orderId)
        : await ensureOrderCase(tx, teamId, body.orderId, at < now ? at : now);
      const handoffId = randomUUID();
      const eventId = await insertEvent(tx, teamId, {
        caseId,
        orderId: body.orderId,
        type: 'handoff',
        agentId: caller.agent.id,
        text: `${body.escalation ? 'Escalated' : 'Handed off'} to ${team.name}: ${body.question}`,
        data: { handoffId, handoffTeamId: team.id, teamName: team.name, dueAt: body.dueAt, ...(body.escalation ? { score: body.escalation.score } : {}) },
        idempotencyKey: body.idempotencyKey,
        requestDigest: digest,
        createdAt: at,
      });
      if (!eventId) throw new KeyAlreadyUsed();
      const slaPaused = team.pausesSla ? await moveClock(tx, caller, caseId, body.orderId, 'pause', team.name, at, now) : false;
      await insertHandoff(tx, teamId, {
        id: handoffId,
        handoffTeamId: team.id,
        caseId,
        orderId: body.orderId,
        question: body.question,
        dueAt: new Date(body.dueAt),
        requestedBy: caller.agent.id,
        eventId,
        escalation: body.escalation ?? null,
        slaPaused,
        createdAt: at,
      });
      await touchCase(tx, teamId, caseId, now);
      await announceEvent(tx, teamId, eventId);
      return eventId;
    },
    async (event) => {
      const found = await findHandoffByEvent(db, teamId, event.id);
      if (!found) throw new Error(`hand-off of event ${event.id} is missing`);
      return { handoff: toHandoff(found) };
    },
  );
}

/** The named case, which must be the team's and about this order. */
async function caseOfOrder(tx: Database, teamId: string, caseId: string, orderId: string): Promise<string> {
  const found = await getCase(tx, teamId, caseId);
  if (!found || found.orderId !== orderId) throw new HttpError('not_found', 'There is no such case for this order.', 'body.caseId');
  return found.id;
}

/**
 * Pauses (or resumes) the case's clock for a hand-off, with an `sla` event saying why. Only a clock the
 * team's policy lets pause: a marketplace deadline (ship-by) never pauses, and a clock already paused by
 * the agent stays as it is; the answer is false then.
 */
async function moveClock(
  tx: Database,
  caller: Caller,
  caseId: string,
  orderId: string,
  action: 'pause' | 'resume',
  teamName: string,
  at: Date,
  now: Date,
): Promise<boolean> {
  const teamId = caller.team.id;
  const clock = await lockCaseClock(tx, teamId, caseId);
  if (!clock) return false;
  const change = applyAction(clock, action, at, now);
  if (!change.ok) return false;
  await updateCaseClock(tx, teamId, caseId, change.values);
  const text = action === 'pause' ? `SLA clock paused (waiting on ${teamName})` : `SLA clock resumed (${teamName} answered)`;
  const id = await insertEvent(tx, teamId, { caseId, orderId, type: 'sla', agentId: caller.agent.id, text, data: { action, handoff: true }, createdAt: at });
  if (id) await announceEvent(tx, teamId, id);
  return true;
}

/** The hand-off teams a caller answers for; a receiver with none sees nothing. */
export async function teamsOfCaller(db: Database, caller: Caller): Promise<string[]> {
  return memberTeamIds(db, caller.team.id, caller.agent.id);
}

/** A hand-off to one of the caller's teams, or 404 (another team's hand-off does not exist for them). */
async function handoffForMember(db: Database, caller: Caller, id: string) {
  const found = await findHandoff(db, caller.team.id, id);
  if (!found || !(await teamsOfCaller(db, caller)).includes(found.row.handoffTeamId)) throw notFound('Hand-off');
  return found;
}

export async function receiverHandoff(db: Database, caller: Caller, id: string): Promise<ReceiverHandoff> {
  const found = await handoffForMember(db, caller, id);
  const team = await findHandoffTeam(db, caller.team.id, found.row.handoffTeamId, true);
  return receiverViewOf(db, caller.team.id, found, team?.allowedFields ?? []);
}

/**
 * A member of the receiving team answers, once. The answer goes into the case's history (live to the
 * team), resumes a clock the hand-off paused, and for a fraud team records the decision on the order.
 */
export async function answerHandoff(
  db: Database,
  caller: Caller,
  id: string,
  body: AnswerHandoffBody,
  now = new Date(),
): Promise<{ replayed: boolean; result: { handoff: ReceiverHandoff } }> {
  const teamId = caller.team.id;
  const found = await handoffForMember(db, caller, id);
  const digest = requestDigest('handoff_answer', id, body);
  const outcome = await writeEventOnce(
    db,
    teamId,
    body.idempotencyKey,
    digest,
    (event) => event.type === 'handoff_answer' && event.data.handoffId === id,
    async (tx) => {
      const row = await lockHandoff(tx, teamId, id);
      if (!row) throw notFound('Hand-off');
      if (row.answeredAt) throw new HttpError('conflict', 'This hand-off was already answered.');
      if (found.teamKind === 'fraud' && !body.decision)
        throw new HttpError('validation_failed', 'A fraud team answers with a decision: hold, release or fraud.', 'body.decision');
      if (found.teamKind !== 'fraud' && body.decision) throw new HttpError('validation_failed', 'Only a fraud team decides on the order.', 'body.decision');
      const minutes = minutesBetween(row.createdAt, now);
      const decisionWord = body.decision ? ` (${body.decision})` : '';
      const eventId = await insertEvent(tx, teamId, {
        caseId: row.caseId,
        orderId: row.orderId,
        type: 'handoff_answer',
        agentId: caller.agent.id,
        text: `${found.teamName} answered${decisionWord} after ${minutes} min: ${body.answer}`,
        ...(body.decision ? { decision: body.decision } : {}),
        data: { handoffId: id, teamName: found.teamName, minutesToAnswer: minutes, requestedBy: row.requestedBy },
        idempotencyKey: body.idempotencyKey,
        requestDigest: digest,
        createdAt: now,
      });
      if (!eventId) throw new KeyAlreadyUsed();
      if (body.decision) {
        await insertDecision(tx, teamId, {
          orderId: row.orderId,
          eventId,
          kind: body.decision,
          reason: body.answer,
          agentId: caller.agent.id,
          score: row.escalation?.score ?? null,
          createdAt: now,
        });
      }
      await recordHandoffAnswer(tx, teamId, id, {
        answer: body.answer,
        decision: body.decision ?? null,
        answeredBy: caller.agent.id,
        answeredAt: now,
        minutesToAnswer: minutes,
        answerKey: body.idempotencyKey,
      });
      if (row.slaPaused) await moveClock(tx, caller, row.caseId, row.orderId, 'resume', found.teamName, now, now);
      await touchCase(tx, teamId, row.caseId, now);
      await announceEvent(tx, teamId, eventId);
      return eventId;
    },
    async () => ({}),
  );
  return { replayed: outcome.replayed, result: { handoff: await receiverHandoff(db, caller, id) } };
}
