import { buildStripeEvidence, type StripeEvidenceExport } from '../../utils/disputes/stripe-evidence';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import { listAttachments } from '../repositories/disputes-files';
import { disputeFacts, requireDispute } from './disputes';

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
  return buildStripeEvidence({
    dispute: facts.dispute,
    ...(facts.context ? { context: facts.context } : {}),
    history: facts.history,
    checklist: facts.checklist,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, evidenceKey: a.evidenceKey })),
  });
}
