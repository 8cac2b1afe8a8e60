import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/open';
import { processorApiKeys, processorSubmissions } from '../db/schema-processor-keys';
import type { SecretBox } from '../secrets/secret-box';
import type { Processor } from './processor-disputes';

/**
 * The team's processor API keys (sealed, bound to team and processor like the webhook secrets) and the
 * submissions' idempotency claims.
 */

const keyContext = (teamId: string, processor: Processor) => `processor_api_key:${teamId}:${processor}`;

export interface ApiKeyInput {
  apiKey: string;
  merchantAccount: string | null;
  environment: 'test' | 'live';
}

export async function setProcessorApiKey(
  db: Database,
  box: SecretBox,
  teamId: string,
  processor: Processor,
  input: ApiKeyInput,
  agentId: string,
  now: Date,
): Promise<void> {
  const sealed = box.seal(input.apiKey, keyContext(teamId, processor));
  const values = { apiKey: sealed, merchantAccount: input.merchantAccount, environment: input.environment, setBy: agentId, setAt: now };
  await db
    .insert(processorApiKeys)
    .values({ teamId, processor, ...values })
    .onConflictDoUpdate({ target: [processorApiKeys.teamId, processorApiKeys.processor], set: values });
}

export async function deleteProcessorApiKey(db: Database, teamId: string, processor: Processor): Promise<boolean> {
  const rows = await db
    .delete(processorApiKeys)
    .where(and(eq(processorApiKeys.teamId, teamId), eq(processorApiKeys.processor, processor)))
    .returning({ p: processorApiKeys.processor });
  return rows.length > 0;
}

/** Everything about the stored keys except the keys. */
export async function listApiKeyStatus(db: Database, teamId: string) {
  return db
    .select({
      processor: processorApiKeys.processor,
      merchantAccount: processorApiKeys.merchantAccount,
      environment: processorApiKeys.environment,
      setAt: processorApiKeys.setAt,
      setBy: processorApiKeys.setBy,
    })
    .from(processorApiKeys)
    .where(eq(processorApiKeys.teamId, teamId));
}

/** The key opened, for sending only. Throws SecretBoxError when this server cannot open it. */
export async function getProcessorApiKey(db: Database, box: SecretBox, teamId: string, processor: Processor): Promise<ApiKeyInput | undefined> {
  const [row] = await db
    .select()
    .from(processorApiKeys)
    .where(and(eq(processorApiKeys.teamId, teamId), eq(processorApiKeys.processor, processor)))
    .limit(1);
  if (!row) return undefined;
  return { apiKey: box.open(row.apiKey, keyContext(teamId, processor)), merchantAccount: row.merchantAccount, environment: row.environment };
}

export type SubmissionRow = typeof processorSubmissions.$inferSelect;

/** Claims a submission key for the team; false when it was claimed before (a retry, or a key reused). */
export async function claimSubmission(
  db: Database,
  row: { teamId: string; idempotencyKey: string; disputeId: string; processor: Processor; final: boolean; agentId: string; now: Date },
): Promise<boolean> {
  const claimed = await db
    .insert(processorSubmissions)
    .values({
      teamId: row.teamId,
      idempotencyKey: row.idempotencyKey,
      disputeId: row.disputeId,
      processor: row.processor,
      final: row.final,
      state: 'sending',
      agentId: row.agentId,
      createdAt: row.now,
    })
    .onConflictDoNothing()
    .returning({ key: processorSubmissions.idempotencyKey });
  return claimed.length > 0;
}

export async function findSubmission(db: Database, teamId: string, idempotencyKey: string): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .select()
    .from(processorSubmissions)
    .where(and(eq(processorSubmissions.teamId, teamId), eq(processorSubmissions.idempotencyKey, idempotencyKey)))
    .limit(1);
  return row;
}

export async function settleSubmission(db: Database, teamId: string, idempotencyKey: string, answer: Record<string, unknown>): Promise<void> {
  await db
    .update(processorSubmissions)
    .set({ state: 'sent', answer })
    .where(and(eq(processorSubmissions.teamId, teamId), eq(processorSubmissions.idempotencyKey, idempotencyKey)));
}

/** A send that failed leaves nothing behind: the same key may be tried again. */
export async function releaseSubmission(db: Database, teamId: string, idempotencyKey: string): Promise<void> {
  await db
    .delete(processorSubmissions)
    .where(and(eq(processorSubmissions.teamId, teamId), eq(processorSubmissions.idempotencyKey, idempotencyKey), eq(processorSubmissions.state, 'sending')));
}
