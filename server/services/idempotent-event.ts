import { createHash } from 'node:crypto';
import type { CaseEvent, CaseRecord } from '../../utils/schemas/api';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import { getCase } from '../repositories/cases';
import { findEventByIdempotencyKey, findKeyDigest, getEvent } from '../repositories/events';

/**
 * The replay rule of every outbox write (notes, decisions, status changes, template insertions, SLA
 * actions): the idempotency key is claimed by the event insert (UNIQUE per team); a writer that loses
 * the claim rolls back everything and answers with the original result instead.
 */

export class KeyAlreadyUsed extends Error {}

/** JSON with object keys sorted, so two equal requests always give one digest whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What an idempotency key is stored with: a digest of the kind of write, its target and its (validated)
 * body. A replay with another digest is the key reused for a different write and answers 409, as Stripe
 * does; comparing only a few fields would replay the first result for a body that asked for more.
 */
export function requestDigest(kind: string, target: string | null, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ kind, target, body })).digest('base64url');
}

export const keyReusedConflict = () => new HttpError('conflict', 'This idempotency key was already used for a different write.', 'body.idempotencyKey');

/** Refuses a replay whose request differs from the one the key was first used for. */
export async function checkKeyDigest(db: Database, teamId: string, key: string, digest: string): Promise<void> {
  const stored = await findKeyDigest(db, teamId, key);
  // Events written before digests were kept have none; their replays are judged by isSameWrite alone.
  if (stored && stored !== digest) throw keyReusedConflict();
}

/**
 * A client's own timestamp for a write (the outbox may deliver hours later). Never later than the
 * server's now: a clock set ahead, or a hostile 9999-12-31, would otherwise put the write above every
 * later one in the history. The schema's Instant already refuses anything before the year 2000.
 */
export function clientTime(at: string | undefined, now: Date): Date {
  if (at === undefined) return now;
  const t = Date.parse(at);
  return t > now.getTime() ? now : new Date(t);
}

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
 * Runs `write` once per key. `write` runs in a transaction and returns the id of the event it inserted
 * (storing `digest` with the key), throwing KeyAlreadyUsed when insertEvent found the key taken. `isSameWrite` tells a true replay from a
 * key reused for something else (409). `extra` adds route-specific fields to the answer.
 */
export async function writeEventOnce<Extra extends object>(
  db: Database,
  teamId: string,
  key: string,
  digest: string,
  isSameWrite: (event: CaseEvent) => boolean,
  write: (tx: Database) => Promise<string>,
  extra: (event: CaseEvent) => Promise<Extra>,
): Promise<EventWriteOutcome<Extra>> {
  const answer = async (event: CaseEvent) => ({ case: await loadCase(db, teamId, event.caseId), event, ...(await extra(event)) });
  const replay = async (): Promise<EventWriteOutcome<Extra> | undefined> => {
    const event = await findEventByIdempotencyKey(db, teamId, key);
    if (!event) return undefined;
    if (!isSameWrite(event)) throw keyReusedConflict();
    await checkKeyDigest(db, teamId, key, digest);
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
