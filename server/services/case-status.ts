import type { CaseStatusBody } from '../../utils/schemas/api';
import type { Database } from '../db/open';
import { notFound } from '../errors';
import { getCase, setCaseStatus } from '../repositories/cases';
import { announceEvent, insertEvent } from '../repositories/events';
import type { Caller } from '../repositories/tokens';
import { clientTime, KeyAlreadyUsed, requestDigest, writeEventOnce } from './idempotent-event';

const LABEL: Record<CaseStatusBody['status'], string> = {
  open: 'Case reopened',
  waiting: 'Case waiting on someone else',
  resolved: 'Case resolved',
  closed: 'Case closed',
};

/**
 * POST /v1/cases/:id/status: the case's status changes and a `status` event (data.status) goes into the
 * history; resolution times in the reports and the queue (resolved and closed cases leave it) read these.
 * Replays of the same key answer the original result.
 */
export async function changeCaseStatus(db: Database, caller: Caller, caseId: string, body: CaseStatusBody, now = new Date()) {
  const teamId = caller.team.id;
  const record = await getCase(db, teamId, caseId);
  if (!record) throw notFound('Case');
  const at = clientTime(body.at, now);
  const digest = requestDigest('status', caseId, body);
  return writeEventOnce(
    db,
    teamId,
    body.idempotencyKey,
    digest,
    (event) => event.type === 'status' && event.caseId === caseId && event.data.status === body.status,
    async (tx) => {
      const id = await insertEvent(tx, teamId, {
        caseId,
        orderId: record.orderId,
        type: 'status',
        agentId: caller.agent.id,
        text: LABEL[body.status],
        data: { status: body.status, from: record.status },
        idempotencyKey: body.idempotencyKey,
        requestDigest: digest,
        createdAt: at,
      });
      if (!id) throw new KeyAlreadyUsed();
      await setCaseStatus(tx, teamId, caseId, body.status, now);
      await announceEvent(tx, teamId, id);
      return id;
    },
    async () => ({}),
  );
}
