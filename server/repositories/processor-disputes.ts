import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { ProcessorSource } from '../../utils/schemas/disputes';
import type { Database } from '../db/open';
import { orders } from '../db/schema';
import { disputes, PROCESSOR_SOURCES_SQL, processorEvents, processorSecrets } from '../db/schema-disputes';
import { isSealed, type SecretBox } from '../secrets/secret-box';
import type { DisputeRow } from './disputes';
import type { OrderRow } from './orders';

export type Processor = 'stripe' | 'adyen';
export type ProcessorEventOutcome = (typeof processorEvents.$inferSelect)['outcome'];
export type NewProcessorDispute = Omit<typeof disputes.$inferInsert, 'teamId' | 'id'>;

/** What a sealed secret is bound to: a value moved onto another team's or processor's row does not open. */
function secretContext(teamId: string, processor: string): string {
  return `processor_secret:${teamId}:${processor}`;
}

/** Stores (or replaces) a team's signing secret for one processor, sealed: the table never holds it in plain text. */
export async function setProcessorSecret(
  db: Database,
  box: SecretBox,
  teamId: string,
  processor: Processor,
  secret: string,
  agentId: string,
  now: Date,
): Promise<void> {
  const sealed = box.seal(secret, secretContext(teamId, processor));
  await db
    .insert(processorSecrets)
    .values({ teamId, processor, secret: sealed, setBy: agentId, setAt: now })
    .onConflictDoUpdate({ target: [processorSecrets.teamId, processorSecrets.processor], set: { secret: sealed, setBy: agentId, setAt: now } });
}

export async function deleteProcessorSecret(db: Database, teamId: string, processor: Processor): Promise<boolean> {
  const rows = await db
    .delete(processorSecrets)
    .where(and(eq(processorSecrets.teamId, teamId), eq(processorSecrets.processor, processor)))
    .returning({ p: processorSecrets.processor });
  return rows.length > 0;
}

/**
 * The secret itself, opened: only the webhook verification reads it. Throws SecretBoxError when this
 * server cannot open it (sealed with a key it was not given, or altered in the database).
 */
export async function getProcessorSecret(db: Database, box: SecretBox, teamId: string, processor: Processor): Promise<string | undefined> {
  const [row] = await db
    .select({ secret: processorSecrets.secret })
    .from(processorSecrets)
    .where(and(eq(processorSecrets.teamId, teamId), eq(processorSecrets.processor, processor)))
    .limit(1);
  return row === undefined ? undefined : box.open(row.secret, secretContext(teamId, processor));
}

/** Seals every secret still stored in plain text (written before encryption at rest); returns how many. */
export async function sealPlaintextSecrets(db: Database, seal: (plain: string, context: string) => string): Promise<number> {
  const rows = await db
    .select({ teamId: processorSecrets.teamId, processor: processorSecrets.processor, secret: processorSecrets.secret })
    .from(processorSecrets)
    .where(sql`${processorSecrets.secret} NOT LIKE 'cs1.%'`);
  let count = 0;
  for (const row of rows) {
    if (isSealed(row.secret)) continue;
    // Only a row still holding the same plain text is replaced: a lead saving a new secret meanwhile wins.
    const done = await db
      .update(processorSecrets)
      .set({ secret: seal(row.secret, secretContext(row.teamId, row.processor)) })
      .where(and(eq(processorSecrets.teamId, row.teamId), eq(processorSecrets.processor, row.processor), eq(processorSecrets.secret, row.secret)))
      .returning({ p: processorSecrets.processor });
    count += done.length;
  }
  return count;
}

/** Which secrets are set and when: everything about them except the secret. */
export async function listSecretStatus(db: Database, teamId: string): Promise<Array<{ processor: Processor; setAt: Date; setBy: string | null }>> {
  return db
    .select({ processor: processorSecrets.processor, setAt: processorSecrets.setAt, setBy: processorSecrets.setBy })
    .from(processorSecrets)
    .where(eq(processorSecrets.teamId, teamId));
}

/**
 * Claims a processor event id for the team. False when it was claimed before (a retry or replay). On
 * PostgreSQL a concurrent claim of the same id waits for the first transaction, then finds it taken.
 */
export async function claimProcessorEvent(db: Database, teamId: string, source: string, eventId: string, eventType: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(processorEvents)
    .values({ teamId, source, eventId, eventType, outcome: 'ignored', receivedAt: now })
    .onConflictDoNothing()
    .returning({ eventId: processorEvents.eventId });
  return rows.length > 0;
}

export async function settleProcessorEvent(
  db: Database,
  teamId: string,
  source: string,
  eventId: string,
  outcome: ProcessorEventOutcome,
  disputeId: string | null,
): Promise<void> {
  await db
    .update(processorEvents)
    .set({ outcome, disputeId })
    .where(and(eq(processorEvents.teamId, teamId), eq(processorEvents.source, source), eq(processorEvents.eventId, eventId)));
}

export async function findProcessorEvent(db: Database, teamId: string, source: string, eventId: string) {
  const [row] = await db
    .select()
    .from(processorEvents)
    .where(and(eq(processorEvents.teamId, teamId), eq(processorEvents.source, source), eq(processorEvents.eventId, eventId)))
    .limit(1);
  return row;
}

/**
 * Serialises writers of one processor dispute for the rest of the transaction (two events about a
 * dispute that does not exist yet would otherwise both insert it).
 */
export async function lockProcessorDispute(db: Database, teamId: string, source: ProcessorSource, externalId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${teamId}|${source}|${externalId}`}, 0))`);
}

/**
 * The partial unique index's own condition, written out as a literal: with the source only as a bound
 * parameter, a generic plan cannot prove the row is in the index and would not use it.
 */
const PROCESSOR_ROWS = sql`${disputes.source} IN (${PROCESSOR_SOURCES_SQL})`;

export async function findProcessorDispute(db: Database, teamId: string, source: ProcessorSource, externalId: string): Promise<DisputeRow | undefined> {
  const [row] = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.teamId, teamId), eq(disputes.source, source), eq(disputes.externalId, externalId), PROCESSOR_ROWS))
    .limit(1);
  return row;
}

/** The stored disputes among `externalIds` (one source), for imports that look up many at once. */
export async function findProcessorDisputes(db: Database, teamId: string, source: ProcessorSource, externalIds: string[]): Promise<DisputeRow[]> {
  if (externalIds.length === 0) return [];
  return db
    .select()
    .from(disputes)
    .where(and(eq(disputes.teamId, teamId), eq(disputes.source, source), inArray(disputes.externalId, externalIds), PROCESSOR_ROWS));
}

export async function insertProcessorDispute(db: Database, teamId: string, row: NewProcessorDispute): Promise<DisputeRow> {
  const [stored] = await db
    .insert(disputes)
    .values({ ...row, teamId })
    .returning();
  return stored!;
}

export async function updateProcessorDispute(db: Database, teamId: string, id: string, change: Partial<NewProcessorDispute>): Promise<DisputeRow> {
  const [stored] = await db
    .update(disputes)
    .set(change)
    .where(and(eq(disputes.teamId, teamId), eq(disputes.id, id)))
    .returning();
  return stored!;
}

/**
 * The team's orders of one buyer, by e-mail (the key the fraud engine keeps for buyers known only by
 * e-mail, or the e-mail a page showed) or by buyer key; newest first, at most 20.
 */
export async function findOrdersOfBuyer(db: Database, teamId: string, by: { email?: string; buyerKey?: string }): Promise<OrderRow[]> {
  const matches = [];
  if (by.email) {
    matches.push(eq(orders.buyerKey, `email:${by.email}`));
    matches.push(sql`lower(${orders.snapshot}->'buyer'->>'email') = ${by.email}`);
  }
  if (by.buyerKey) matches.push(eq(orders.buyerKey, by.buyerKey));
  if (matches.length === 0) return [];
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.teamId, teamId), or(...matches)))
    .orderBy(desc(orders.lastSeenAt))
    .limit(20);
}
