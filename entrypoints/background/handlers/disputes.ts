import { DisputeView } from '@/utils/api-routes/disputes';
import { AdyenDefenceView, StripeEvidenceView, SubmitAnswer } from '@/utils/api-routes/processors';
import { DefencePdf, DefenceText } from '@/utils/messaging';
import { adyenDefence, attachEvidence, submitDefence, defencePdf, defenceText, loadDispute, saveEvidence, setDisputeStatus, stripeEvidence } from '../disputes';
import { defineHandler } from './define';

/** Chargeback and claim pages: answered at once (not through the outbox), the token stays in the worker. */

export const disputeLoad = defineHandler('dispute:load', DisputeView, (req, { session }) => session.authorised((creds, f) => loadDispute(req, creds, f)));

export const disputeEvidence = defineHandler('dispute:evidence', DisputeView, (req, { session }) =>
  session.authorised((creds, f) => saveEvidence(req, creds, f)),
);

export const disputeAttach = defineHandler('dispute:attach', DisputeView, (req, { session }) =>
  session.authorised((creds, f) => attachEvidence(req, creds, f)),
);

export const disputeStatus = defineHandler('dispute:status', DisputeView, (req, { session }) =>
  session.authorised((creds, f) => setDisputeStatus(req, creds, f)),
);

export const disputeDefencePdf = defineHandler('dispute:defencePdf', DefencePdf, (req, { session }) =>
  session.authorised((creds, f) => defencePdf(req, creds, f)),
);

export const disputeDefenceText = defineHandler('dispute:defenceText', DefenceText, (req, { session }) =>
  session.authorised((creds, f) => defenceText(req, creds, f)),
);

export const disputeStripeEvidence = defineHandler('dispute:stripeEvidence', StripeEvidenceView, (req, { session }) =>
  session.authorised((creds, f) => stripeEvidence(req, creds, f)),
);

export const disputeAdyenDefence = defineHandler('dispute:adyenDefence', AdyenDefenceView, (req, { session }) =>
  session.authorised((creds, f) => adyenDefence(req, creds, f)),
);

export const disputeSubmit = defineHandler('dispute:submit', SubmitAnswer, (req, { session }) =>
  session.authorised((creds, f) => submitDefence(req, creds, f)),
);
