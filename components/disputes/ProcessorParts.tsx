import type { DisputeView } from '@/utils/api-routes/disputes';
import type { AdyenDefenceView, StripeEvidenceView } from '@/utils/api-routes/processors';
import { AdyenDefencePart } from './AdyenDefencePart';
import { StripeEvidencePart } from './StripeEvidencePart';
import type { SubmitDispute } from './SubmitControls';

/** How a host loads the processors' formats (each optional: a host without one shows no such part). */
export interface ProcessorLoaders {
  /** Stripe's dispute update body prepared for review (GET /v1/disputes/:id/stripe-evidence). */
  loadStripeEvidence?: (id: string) => Promise<StripeEvidenceView>;
  /** Adyen's defence documents and reasons prepared for review (GET /v1/disputes/:id/adyen-defence). */
  loadAdyenDefence?: (id: string) => Promise<AdyenDefenceView>;
  /** Sends the reviewed defence (POST /v1/disputes/:id/submit); without it no send buttons show. */
  submit?: SubmitDispute;
}

type Card = Pick<DisputeView['dispute'], 'source' | 'stage'>;

/** A Stripe dispute or inquiry, not an early fraud warning: the ones the backend prepares Stripe evidence for. */
export const isStripeDispute = (d: Card): boolean => d.source === 'stripe' && d.stage !== 'alert';
/** An Adyen chargeback or second chargeback: the ones Adyen takes a defence for. */
export const isAdyenChargeback = (d: Card): boolean => d.source === 'adyen' && (d.stage === 'chargeback' || d.stage === 'pre_arbitration');

/** The processor's own format for this dispute, when it has one and the host can load it. */
export function ProcessorParts({ id, dispute, loaders }: { id: string; dispute: Card; loaders: ProcessorLoaders }) {
  const { loadStripeEvidence, loadAdyenDefence, submit } = loaders;
  const send = submit ? { submit: (body: Parameters<SubmitDispute>[1]) => submit(id, body) } : {};
  if (loadStripeEvidence && isStripeDispute(dispute)) return <StripeEvidencePart key={id} load={() => loadStripeEvidence(id)} {...send} />;
  if (loadAdyenDefence && isAdyenChargeback(dispute)) return <AdyenDefencePart key={id} load={() => loadAdyenDefence(id)} {...send} />;
  return null;
}
