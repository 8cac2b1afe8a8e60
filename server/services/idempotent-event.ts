import type { CaseEvent, CaseRecord } from '../../utils/schemas/api';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import { getCase } from '../repositories/cases';
import { findEventByIdempotencyKey, getEvent } from '../repositories/events';

/**
 * The replay rule of services/case-writes.ts for the other outbox writes (template insertions, SLA
 * actions): the idempotency key is claimed by the event insert (UNIQUE per team); a writer that loses
 * the claim rolls back everything and answers with the original result instead.
 */

export class KeyAlreadyUsed extends Error {}

export interface EventWriteOutcome<Extra> {
  replayed: boolean;
  result: { case: CaseRecord; event: CaseEvent } & Extra;
}

async function loadCase(db: Database, teamId: string, caseId: string): Promise<CaseRecord> {
  const record = await getCase(db, teamId, caseId);
  if (!record) throw new Error(`case ${caseId} vanished`);
  return record;
}

/**
 * Runs `write` once per key. `write` runs in a transaction and returns the id of the event it inserted,
 * throwing KeyAlreadyUsed when insertEvent found the key taken. `isSameWrite` tells a true replay from a
 * key reused for something else (409). `extra` adds route-specific fields to the answer.
 */
export async function writeEventOnce<Extra extends object>(
  db: Database,
  teamId: string,
  key: string,
  isSameWrite: (event: CaseEvent) => boolean,
  write: (tx: Database) => Promise<string>,
  extra: (event: CaseEvent) => Promise<Extra>,
): Promise<EventWriteOutcome<Extra>> {
  const answer = async (event: CaseEvent) => ({ case: await loadCase(db, teamId, event.caseId), event, ...(await extra(event)) });
  const replay = async (): Promise<EventWriteOutcome<Extra> | undefined> => {
    const event = await findEventByIdempotencyKey(db, teamId, key);
    if (!event) return undefined;
    if (!isSameWrite(event)) throw new HttpError('conflict', 'This idempotency key was already used for a different write.', 'body.idempotencyKey');
    return { replayed: true, result: await answer(event) };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    const eventId = await db.transaction(write);
    return { replayed: false, result: await answer((await getEvent(db, teamId, eventId))!) };
  } catch (err) {
    if (!(err instanceof KeyAlreadyUsed)) throw err;
    return (await replay())!;
  }
}

/** The header and the body may both carry the key (the outbox sends both); they must agree. */
export function checkHeaderKey(headerKey: string | undefined, bodyKey: string): void {
  if (headerKey !== undefined && headerKey !== bodyKey) {
    throw new HttpError('validation_failed', 'The Idempotency-Key header and body.idempotencyKey differ.', 'headers.idempotency-key');
  }
}
