import type { SlaActionBody, SlaActionResult } from '../../utils/schemas/admin';
import type { SlaSnapshot } from '../../utils/schemas/sla';
import type { Database } from '../db/open';
import { HttpError, notFound } from '../errors';
import { getCaseClock, lockCaseClock, updateCaseClock } from '../repositories/case-clocks';
import { getCase, touchCase } from '../repositories/cases';
import { announceEvent, insertEvent } from '../repositories/events';
import type { Caller } from '../repositories/tokens';
import { applyAction, snapshotOfClock } from './case-clock';
import { clientTime, KeyAlreadyUsed, requestDigest, writeEventOnce, type EventWriteOutcome } from './idempotent-event';

const REASONS = { buyer: 'waiting for the buyer', carrier: 'waiting for the carrier' } as const;

function describe(body: SlaActionBody): string {
  if (body.action === 'no_response_needed') return 'SLA: no response needed';
  if (body.action === 'resume') return 'SLA clock resumed';
  return body.reason ? `SLA clock paused (${REASONS[body.reason]})` : 'SLA clock paused';
}

/**
 * POST /v1/cases/:id/sla: an agent pauses or resumes a case's clock, or marks it as needing no response.
 * The pause is stored on the clock (the panel's countdown and the queue then reflect it) and an `sla`
 * event goes into the history. Replays of the same key answer the original result.
 */
export async function applySlaAction(
  db: Database,
  caller: Caller,
  caseId: string,
  body: SlaActionBody,
  now = new Date(),
): Promise<EventWriteOutcome<{ sla: SlaSnapshot | null }>> {
  const teamId = caller.team.id;
  const record = await getCase(db, teamId, caseId);
  if (!record) throw notFound('Case');
  const at = clientTime(body.at, now);
  const digest = requestDigest('sla', caseId, body);
  return writeEventOnce(
    db,
    teamId,
    body.idempotencyKey,
    digest,
    (event) => event.type === 'sla' && event.caseId === caseId && event.data.action === body.action,
    async (tx) => {
      const clock = await lockCaseClock(tx, teamId, caseId);
      if (!clock) throw new HttpError('conflict', 'This case has no SLA clock: open its page once so its deadline is known.');
      // The key is claimed before the clock is checked, so a concurrent replay waits on the clock's lock
      // and then answers as a replay instead of "already paused".
      const id = await insertEvent(tx, teamId, {
        caseId,
        orderId: record.orderId,
        type: 'sla',
        agentId: caller.agent.id,
        text: describe(body),
        data: body.reason ? { action: body.action, reason: body.reason } : { action: body.action },
        idempotencyKey: body.idempotencyKey,
        requestDigest: digest,
        createdAt: at,
      });
      if (!id) throw new KeyAlreadyUsed();
      const change = applyAction(clock, body.action, at, now);
      if (!change.ok) throw new HttpError('conflict', change.message, 'body.action');
      await updateCaseClock(tx, teamId, caseId, change.values);
      await touchCase(tx, teamId, caseId, now);
      await announceEvent(tx, teamId, id);
      return id;
    },
    async () => {
      const clock = await getCaseClock(db, teamId, caseId);
      return { sla: clock ? snapshotOfClock(clock, now) : null };
    },
  ) satisfies Promise<{ result: SlaActionResult }>;
}
