import { routePath } from '../../utils/api-routes';
import adyenLibrary from '@adyen/api-library';
import type ClientInterface from '@adyen/api-library/lib/src/httpClient/clientInterface';
import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import type { SubmitAnswer, SubmitBody } from '../../utils/api-routes/processors';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import { claimSubmission, findSubmission, getProcessorApiKey, releaseSubmission, settleSubmission } from '../repositories/processor-api-keys';
import type { Processor } from '../repositories/processor-disputes';
import type { Caller } from '../repositories/tokens';
import { SecretBoxError, type SecretBox } from '../secrets/secret-box';
import { recordDisputeEvent, requireDispute } from './disputes';
import { adyenDefenceFor, stripeEvidenceFor } from './processor-evidence';
import type { AdyenDefenceExport } from '../../utils/disputes/adyen-defence';

/**
 * Sending a reviewed defence to the processor with its official package, off until a lead stores the
 * team's API key. Stripe: disputes.update(id, { evidence, submit }) (submit false saves a draft). Adyen:
 * supplyDefenseDocument, then (final) defendDispute with the agent's chosen reason, checked against the
 * reasons Adyen names for the dispute. The outcome, or the processor's refusal in plain words, is kept;
 * a refusal records nothing as submitted and answers 502 with the processor's message.
 */

// The package is CommonJS: Node's ESM loader sees only some of its named exports, so they are read off the default.
const { Client, DisputesAPI, EnvironmentEnum } = adyenLibrary;

/** The official clients' transports; only tests give their own (capturing what would be sent). */
export interface ProcessorTransports {
  stripe?: InstanceType<typeof Stripe.HttpClient>;
  adyen?: ClientInterface;
}

const SEND_TIMEOUT_MS = 20_000;

/**
 * Adyen's idempotency key for one call of a submission: short (43 characters, whatever the client's key
 * length) and distinct per call and team, the same for every retry of that submission.
 */
export const adyenCallKey = (teamId: string, idempotencyKey: string, operation: string) =>
  createHash('sha256').update(`${teamId}:${idempotencyKey}:${operation}`).digest('base64url');

export function stripeClient(apiKey: string, transport?: ProcessorTransports['stripe']): Stripe {
  return new Stripe(apiKey, { maxNetworkRetries: 0, timeout: SEND_TIMEOUT_MS, ...(transport ? { httpClient: transport } : {}) });
}

export function adyenDisputesApi(apiKey: string, environment: 'test' | 'live', transport?: ClientInterface) {
  const client = new Client(
    { apiKey, environment: environment === 'live' ? EnvironmentEnum.LIVE : EnvironmentEnum.TEST, connectionTimeoutMillis: SEND_TIMEOUT_MS },
    transport,
  );
  return new DisputesAPI(client).DisputesApi;
}

/**
 * GET /v1/disputes/:id/adyen-defence: with an Adyen API key stored, the defence reasons are Adyen's own
 * answer for the dispute (retrieveApplicableDefenseReasons); without one, none are offered.
 */
export async function adyenDefenceView(db: Database, box: SecretBox, transports: ProcessorTransports, caller: Caller, id: string): Promise<AdyenDefenceExport> {
  let key;
  try {
    key = await getProcessorApiKey(db, box, caller.team.id, 'adyen');
  } catch (err) {
    if (!(err instanceof SecretBoxError)) throw err;
  }
  if (!key?.merchantAccount) return adyenDefenceFor(db, caller, id);
  const merchantAccountCode = key.merchantAccount;
  const api = adyenDisputesApi(key.apiKey, key.environment, transports.adyen);
  return adyenDefenceFor(db, caller, id, async (disputePspReference) => {
    let answer;
    try {
      answer = await api.retrieveApplicableDefenseReasons({ disputePspReference, merchantAccountCode });
    } catch (err) {
      throw new Error(refusalOf('adyen', err));
    }
    if (!answer.disputeServiceResult?.success) throw new Error(plain(answer.disputeServiceResult?.errorMessage ?? 'no reason given'));
    return (answer.defenseReasons ?? []).map((r) => ({
      defenseReasonCode: r.defenseReasonCode,
      satisfied: r.satisfied,
      defenseDocumentTypes: (r.defenseDocumentTypes ?? []).map((d) => ({
        defenseDocumentTypeCode: d.defenseDocumentTypeCode,
        requirementLevel: d.requirementLevel,
        available: d.available,
      })),
    }));
  });
}

/** A processor's refusal or an unreachable processor: 502 with its own words, nothing recorded as sent. */
class ProcessorRefused extends Error {}

const plain = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 500);

function refusalOf(processor: Processor, err: unknown): string {
  if (err instanceof ProcessorRefused) return err.message;
  if (err instanceof Stripe.errors.StripeError) return plain(`Stripe refused the update: ${err.message}${err.code ? ` (${err.code})` : ''}`);
  const body = (err as { responseBody?: unknown }).responseBody;
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body) as { message?: unknown; errorCode?: unknown };
      if (typeof parsed.message === 'string')
        return plain(`Adyen refused the request: ${parsed.message}${parsed.errorCode ? ` (${String(parsed.errorCode)})` : ''}`);
    } catch {
      // Not JSON: the status line below says enough.
    }
  }
  const name = processor === 'stripe' ? 'Stripe' : 'Adyen';
  return plain(`${name} could not be reached or answered unexpectedly: ${err instanceof Error ? err.message : String(err)}`);
}

async function openKey(db: Database, box: SecretBox, teamId: string, processor: Processor) {
  let key;
  try {
    key = await getProcessorApiKey(db, box, teamId, processor);
  } catch (err) {
    if (err instanceof SecretBoxError) {
      throw new HttpError(
        'conflict',
        `The stored ${processor} API key was sealed with a key this server was not given (CASESIDE_SECRETS_KEY); a lead stores it again.`,
      );
    }
    throw err;
  }
  const name = processor === 'stripe' ? 'Stripe' : 'Adyen';
  if (!key) {
    throw new HttpError(
      'conflict',
      `Submitting to ${name} is off for this team: no ${name} API key is stored. A lead stores one with PUT ${routePath('processors.setApiKey', { processor })}${processor === 'adyen' ? ' (with the merchant account)' : ''}.`,
      'processor.apiKey',
    );
  }
  if (processor === 'adyen' && !key.merchantAccount) {
    throw new HttpError(
      'conflict',
      'The Adyen API key is stored without a merchant account; a lead stores it again with merchantAccount.',
      'processor.merchantAccount',
    );
  }
  return key;
}

/** The processor of a dispute, when it can take a submission. */
function processorOf(source: string): Processor {
  if (source === 'stripe' || source === 'adyen') return source;
  throw new HttpError('conflict', `This dispute came from ${source}; only Stripe and Adyen disputes can be submitted from here.`, 'params.id');
}

export async function submitDispute(
  db: Database,
  box: SecretBox,
  transports: ProcessorTransports,
  caller: Caller,
  id: string,
  body: SubmitBody,
  now = new Date(),
): Promise<{ replayed: boolean; result: SubmitAnswer }> {
  const teamId = caller.team.id;
  const row = await requireDispute(db, teamId, id);
  const processor = processorOf(row.source);
  if (processor === 'stripe' && body.defenseReasonCode !== undefined) {
    throw new HttpError('validation_failed', 'body.defenseReasonCode: Stripe takes no defence reason; leave it out.', 'body.defenseReasonCode');
  }
  if (processor === 'adyen' && body.final && !body.defenseReasonCode) {
    throw new HttpError(
      'validation_failed',
      'body.defenseReasonCode: defending an Adyen dispute needs the defence reason Adyen offers for it.',
      'body.defenseReasonCode',
    );
  }

  // A retry with the same key is answered from the first submission, never sent again.
  const earlier = await findSubmission(db, teamId, body.idempotencyKey);
  if (earlier) return replayOf(earlier, row.id, body.final);

  const key = await openKey(db, box, teamId, processor);
  // Prepared exactly as the review routes show it (and refused the same way for alerts and inquiries).
  const prepared = processor === 'stripe' ? await stripeEvidenceFor(db, teamId, row.id) : await adyenDefenceFor(db, caller, row.id);

  const claimed = await claimSubmission(db, {
    teamId,
    idempotencyKey: body.idempotencyKey,
    disputeId: row.id,
    processor,
    final: body.final,
    agentId: caller.agent.id,
    now,
  });
  if (!claimed) return replayOf((await findSubmission(db, teamId, body.idempotencyKey))!, row.id, body.final);

  let result: SubmitAnswer;
  try {
    if (processor === 'stripe' && 'body' in prepared) {
      const stripe = stripeClient(key.apiKey, transports.stripe);
      const answer = await stripe.disputes.update(
        prepared.stripeDisputeId,
        { evidence: prepared.body.evidence, submit: body.final },
        { idempotencyKey: body.idempotencyKey },
      );
      const fields = Object.keys(prepared.body.evidence);
      result = {
        processor,
        final: body.final,
        sentAt: now.toISOString(),
        sent: [`disputes.update ${prepared.stripeDisputeId}: ${fields.length} evidence field(s), submit ${body.final}`],
        processorAnswer: `Stripe answered: dispute ${answer.id} is ${answer.status}${answer.evidence_details ? `, ${answer.evidence_details.submission_count} submission(s)` : ''}.`,
        ...(prepared.files.length > 0 ? { note: `${prepared.files.length} file(s) were not sent: upload them in Stripe's Dashboard.` } : {}),
      };
    } else if (processor === 'adyen' && 'defenseDocuments' in prepared) {
      const api = adyenDisputesApi(key.apiKey, key.environment, transports.adyen);
      const merchantAccountCode = key.merchantAccount!;
      const sent: string[] = [];
      if (body.final) {
        // The chosen reason must be one Adyen offers for this dispute (its own answer, not a guess).
        const offered = await api.retrieveApplicableDefenseReasons({ disputePspReference: prepared.disputePspReference, merchantAccountCode });
        checkAdyenResult(offered.disputeServiceResult, 'retrieveApplicableDefenseReasons');
        const codes = (offered.defenseReasons ?? []).map((r) => r.defenseReasonCode);
        if (!codes.includes(body.defenseReasonCode!)) {
          throw new ProcessorRefused(
            plain(`Adyen does not offer the defence reason ${body.defenseReasonCode} for this dispute; it offers: ${codes.join(', ') || 'none'}.`),
          );
        }
        sent.push(`retrieveApplicableDefenseReasons ${prepared.disputePspReference}`);
      }
      const supplied = await api.supplyDefenseDocument(
        { disputePspReference: prepared.disputePspReference, merchantAccountCode, defenseDocuments: prepared.defenseDocuments },
        { idempotencyKey: adyenCallKey(teamId, body.idempotencyKey, 'supplyDefenseDocument') },
      );
      checkAdyenResult(supplied.disputeServiceResult, 'supplyDefenseDocument');
      sent.push(`supplyDefenseDocument ${prepared.disputePspReference}: ${prepared.defenseDocuments.map((d) => d.defenseDocumentTypeCode).join(', ')}`);
      if (body.final) {
        const defended = await api.defendDispute(
          { disputePspReference: prepared.disputePspReference, merchantAccountCode, defenseReasonCode: body.defenseReasonCode! },
          { idempotencyKey: adyenCallKey(teamId, body.idempotencyKey, 'defendDispute') },
        );
        checkAdyenResult(defended.disputeServiceResult, 'defendDispute');
        sent.push(`defendDispute ${prepared.disputePspReference}: ${body.defenseReasonCode}`);
      }
      result = {
        processor,
        final: body.final,
        sentAt: now.toISOString(),
        sent,
        processorAnswer: body.final ? 'Adyen accepted the defence document and the defence.' : 'Adyen accepted the defence document (not yet defended).',
      };
    } else {
      throw new Error('prepared body does not match the processor');
    }
  } catch (err) {
    await releaseSubmission(db, teamId, body.idempotencyKey);
    if (err instanceof HttpError) throw err;
    throw new HttpError('processor_error', refusalOf(processor, err), 'processor');
  }

  await db.transaction(async (tx) => {
    await settleSubmission(tx, teamId, body.idempotencyKey, result);
    const what =
      processor === 'stripe'
        ? body.final
          ? 'evidence submitted to Stripe'
          : 'evidence saved as a draft at Stripe'
        : body.final
          ? 'defended at Adyen'
          : 'defence document supplied to Adyen';
    await recordDisputeEvent(
      tx,
      caller,
      row,
      'note',
      `Dispute ${row.externalId}: ${what} by ${caller.agent.name}. ${result.processorAnswer}`,
      { processor, final: body.final, idempotencyKey: body.idempotencyKey, sent: result.sent, processorAnswer: result.processorAnswer },
      now,
    );
  });
  return { replayed: false, result };
}

function checkAdyenResult(result: { success: boolean; errorMessage?: string } | undefined, operation: string): void {
  if (!result?.success) throw new ProcessorRefused(plain(`Adyen refused ${operation}: ${result?.errorMessage ?? 'no reason given'}`));
}

function replayOf(
  earlier: NonNullable<Awaited<ReturnType<typeof findSubmission>>>,
  disputeId: string,
  final: boolean,
): { replayed: boolean; result: SubmitAnswer } {
  if (earlier.disputeId !== disputeId || earlier.final !== final) {
    throw new HttpError('conflict', 'This idempotency key was already used for a different submission.', 'body.idempotencyKey');
  }
  if (earlier.state !== 'sent' || !earlier.answer) {
    throw new HttpError('conflict', 'A submission with this idempotency key is still being sent; ask again in a moment.', 'body.idempotencyKey');
  }
  return { replayed: true, result: earlier.answer as SubmitAnswer };
}
