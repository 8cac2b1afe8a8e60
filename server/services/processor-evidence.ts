import { buildAdyenDefence, type AdyenDefenceExport, type AdyenDefenseReason } from '../../utils/disputes/adyen-defence';
import { buildStripeEvidence, type StripeEvidenceExport } from '../../utils/disputes/stripe-evidence';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import { listAttachments } from '../repositories/disputes-files';
import type { Caller } from '../repositories/tokens';
import { ce3Qualifying } from './ce3-evidence';
import { disputeLike } from './disputes-history';
import { disputeFacts, requireDispute } from './disputes';
import { defencePdf } from './disputes-files';

/** The Stripe dispute update body for one of the team's Stripe disputes, from its case. */
export async function stripeEvidenceFor(db: Database, teamId: string, id: string): Promise<StripeEvidenceExport> {
  const row = await requireDispute(db, teamId, id);
  if (row.source !== 'stripe' || row.stage === 'alert') {
    throw new HttpError(
      'conflict',
      `This dispute came from ${row.source}${row.stage === 'alert' ? ' as an alert' : ''}; only Stripe disputes (not early fraud warnings) take Stripe evidence.`,
      'params.id',
    );
  }
  const [facts, attachments] = await Promise.all([disputeFacts(db, teamId, row), listAttachments(db, teamId, row.id)]);
  const ce3 = ce3Qualifying(row, facts.ce3Inputs);
  return buildStripeEvidence({
    dispute: facts.dispute,
    ...(facts.context ? { context: facts.context } : {}),
    history: facts.history,
    checklist: facts.checklist,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, evidenceKey: a.evidenceKey })),
    ...(ce3 ? { ce3 } : {}),
  });
}

/** Adyen defends chargebacks and second chargebacks (pre-arbitration); notices of fraud and alerts take no defence. */
const ADYEN_DEFENDED = new Set(['chargeback', 'pre_arbitration']);

/**
 * What Adyen's supplyDefenseDocument and defendDispute would take for one of the team's Adyen
 * chargebacks: the defence PDF (rendered off the event loop) and, when `askAdyen` is given, the defence
 * reasons Adyen itself names for the dispute. No defence is sent to Adyen here.
 */
export async function adyenDefenceFor(
  db: Database,
  caller: Caller,
  id: string,
  /** Asks Adyen which defence reasons apply (when the team stored an Adyen API key); throws a plain-words problem. */
  askAdyen?: (disputePspReference: string) => Promise<AdyenDefenseReason[]>,
): Promise<AdyenDefenceExport> {
  const row = await requireDispute(db, caller.team.id, id);
  if (row.source !== 'adyen' || !row.stage || !ADYEN_DEFENDED.has(row.stage)) {
    throw new HttpError(
      'conflict',
      row.source !== 'adyen'
        ? `This dispute came from ${row.source}; only Adyen chargebacks take an Adyen defence.`
        : `This Adyen dispute is at the ${row.stage ?? 'unknown'} stage; Adyen takes a defence for chargebacks and second chargebacks only.`,
      'params.id',
    );
  }
  let applicable: AdyenDefenseReason[] | undefined;
  let problem: string | undefined;
  if (askAdyen) {
    try {
      applicable = await askAdyen(row.externalId);
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
  }
  const { bytes, filename } = await defencePdf(db, caller, row.id);
  const out = buildAdyenDefence({
    dispute: { ...disputeLike(row), details: row.details },
    pdf: { base64: Buffer.from(bytes).toString('base64'), size: bytes.length, filename },
    ...(applicable ? { applicable } : {}),
  });
  if (problem) out.warnings.unshift(`Adyen could not be asked which defence reasons apply: ${problem}`);
  return out;
}
