import { z } from 'zod';
import { PORTAL_DISPUTE_KIND_IDS } from '../portals/catalogue';
import { CasePortal, Instant, Language, Money } from './common';
import { LIMITS } from './fields';
import { CardNetwork } from './sla';

/**
 * Disputes: the portals' own kinds (marketplace chargebacks and guarantee claims, each declared in its
 * portal's folder) and card disputes.
 * utils/disputes/ implements the engine (reason mapping, evidence checklist, recommendation, defence).
 * Deadlines come from the SLA engine (utils/sla/); a dispute only stores the one it was given.
 * CardNetwork lives in ./sla (the SLA policies key response windows by it); it is not redefined here.
 */
export const DisputeKind = z.enum([...PORTAL_DISPUTE_KIND_IDS, 'card_dispute']);
export type DisputeKind = z.infer<typeof DisputeKind>;

export const DisputeStatus = z.enum(['open', 'responded', 'won', 'lost', 'refunded', 'accepted']);
export type DisputeStatus = z.infer<typeof DisputeStatus>;

/** The normalised reason: card codes and marketplace reason texts in any language map to one of these. */
export const DisputeReason = z.enum([
  'not_received',
  'not_as_described',
  'credit_not_processed',
  'fraud_card_absent',
  'authorization',
  'processing_error',
  'duplicate',
  'cancelled_recurring',
  'other',
]);
export type DisputeReason = z.infer<typeof DisputeReason>;

/**
 * Keys are snake_case so teams can add their own items next to the standard ones. Bounded everywhere a
 * key arrives (a file's evidence key too): an item without a label is shown by its key.
 */
export const EvidenceKey = z
  .string()
  .max(LIMITS.evidenceKey)
  .regex(/^[a-z][a-z0-9_]*$/, 'evidence keys are snake_case');

export const EvidenceStatus = z.enum(['present', 'missing', 'not_applicable']);
export type EvidenceStatus = z.infer<typeof EvidenceStatus>;

/** Where a present item came from: the portal page, the team's case history, an agent, or an uploaded file. */
export const EvidenceSource = z.enum(['page', 'history', 'agent', 'attachment']);
export type EvidenceSource = z.infer<typeof EvidenceSource>;

export const EvidenceItem = z.strictObject({
  key: EvidenceKey,
  label: z.string().min(1).max(200),
  status: EvidenceStatus,
  /** Required items weigh more in the recommendation and are named when missing. */
  required: z.boolean(),
  /** Set when present. */
  source: EvidenceSource.optional(),
  /** Plain text, never markup: what the evidence says ("Delivered 2026-11-12 to the shipping address"). */
  value: z.string().max(4000).optional(),
  attachmentId: z.string().max(200).optional(),
  /** Plain text: what to collect when missing, or why an item does not count. */
  hint: z.string().max(1000).optional(),
  /** Shown to the team, never copied into a defence (e.g. internal case notes). */
  internal: z.boolean().optional(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const DisputeOutcome = z.strictObject({
  decidedAt: Instant,
  /** What came back to the team (a partial win is possible). */
  recovered: Money.optional(),
  note: z.string().max(2000).optional(),
});
export type DisputeOutcome = z.infer<typeof DisputeOutcome>;

/** Payment processors and alert providers that tell the backend directly (webhook or CSV export). */
export const PROCESSOR_SOURCES = ['stripe', 'adyen', 'paypal', 'ethoca', 'verifi'] as const;
export const ProcessorSource = z.enum(PROCESSOR_SOURCES);
export type ProcessorSource = z.infer<typeof ProcessorSource>;

/** Where a dispute came from: a portal's page, the team's own shop, or a processor or alert provider. */
export const DisputeSource = z.enum([...CasePortal.options, ...PROCESSOR_SOURCES]);
export type DisputeSource = z.infer<typeof DisputeSource>;

/** How far a card dispute has gone, in the networks' order: an alert can still be refunded away. */
export const DisputeStage = z.enum(['alert', 'inquiry', 'chargeback', 'pre_arbitration']);
export type DisputeStage = z.infer<typeof DisputeStage>;

/** The networks' own four families of reason codes (Visa 10/11/12/13 and the others' equivalents). */
export const ReasonGroup = z.enum(['fraud', 'authorisation', 'processing_error', 'consumer_dispute']);
export type ReasonGroup = z.infer<typeof ReasonGroup>;

/**
 * How a processor dispute found its order: by the order reference it carried, by the buyer's e-mail or
 * buyer key among the orders the team has seen, by an agent's hand, or not yet (unmatched).
 */
export const OrderMatch = z.enum(['page', 'reference', 'email', 'buyer_key', 'agent', 'unmatched']);
export type OrderMatch = z.infer<typeof OrderMatch>;

export const Dispute = z.strictObject({
  /** The portal's id: chargeback id, A-to-z claim id, or the processor's dispute id. */
  id: z.string().min(1).max(200),
  kind: DisputeKind,
  orderId: z.string().min(1).max(LIMITS.orderId),
  network: CardNetwork.optional(),
  /** The raw code as shown (13.1, 4853, C08, UA02). */
  reasonCode: z.string().max(40).optional(),
  /** The raw reason text as shown, in the portal's language. */
  reasonText: z.string().max(500).optional(),
  reason: DisputeReason,
  amount: Money,
  filedAt: Instant,
  /** From the SLA engine; the disputes engine never computes it. */
  deadline: Instant,
  status: DisputeStatus,
  evidence: z.array(EvidenceItem).default([]),
  respondedAt: Instant.optional(),
  outcome: DisputeOutcome.optional(),
  /** Set for disputes stored since processors were added; a page's dispute has its portal as source. */
  source: DisputeSource.optional(),
  stage: DisputeStage.optional(),
  reasonGroup: ReasonGroup.optional(),
  orderMatch: OrderMatch.optional(),
  /** The processor's own status word, as sent (needs_response, CHARGEBACK/Undefended ...). */
  processorStatus: z.string().max(200).optional(),
});
export type Dispute = z.infer<typeof Dispute>;

/** The Compelling Evidence 3.0 data elements (Visa 10.4). */
export const Ce3Field = z.enum(['ipAddress', 'deviceId', 'shippingAddress', 'accountId']);
export type Ce3Field = z.infer<typeof Ce3Field>;

/** One card payment as the shop's payment records know it. */
export const CardTransaction = z.strictObject({
  id: z.string().min(1).max(200),
  /** When the payment was made (settled). */
  at: Instant,
  /** A stable, non-PAN card reference from the processor; prior transactions must be on the same card. */
  cardFingerprint: z.string().max(200).optional(),
  ipAddress: z.string().max(100).optional(),
  deviceId: z.string().max(200).optional(),
  shippingAddress: z.string().max(500).optional(),
  accountId: z.string().max(200).optional(),
  amount: Money.optional(),
  orderId: z.string().max(64).optional(),
  description: z.string().max(500).optional(),
});
export type CardTransaction = z.infer<typeof CardTransaction>;

/** An earlier payment offered for CE 3.0: it only counts when never disputed and never reported as fraud. */
export const PriorTransaction = CardTransaction.extend({
  disputed: z.boolean(),
  fraudReported: z.boolean().optional(),
});
export type PriorTransaction = z.infer<typeof PriorTransaction>;

/** The placeholders a defence template may use; anything else is rejected when a template is saved. */
export const DEFENCE_PLACEHOLDERS = [
  'sellerName',
  'orderId',
  'disputeId',
  'reasonLabel',
  'reasonCode',
  'amount',
  'filedAt',
  'purchasedAt',
  'itemTitles',
  'shippingAddress',
  'carrier',
  'trackingNumber',
  'shippedAt',
  'deliveredAt',
  'messageCount',
  'lastBuyerMessageAt',
  'refundAmount',
  'refundedAt',
  'returnReceivedAt',
  'ce3Summary',
] as const;
export const DefencePlaceholder = z.enum(DEFENCE_PLACEHOLDERS);
export type DefencePlaceholder = z.infer<typeof DefencePlaceholder>;

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * The reason-specific argument of a defence, editable by a lead. `argument` is plain text with
 * `{{placeholders}}`; a line whose placeholder has no value is left out of the defence, so a template
 * can name every kind of evidence and the defence only claims what the case has.
 */
export const DefenceTemplate = z
  .strictObject({
    reason: DisputeReason,
    language: Language,
    title: z.string().min(1).max(200),
    argument: z.string().min(1).max(8000),
    version: z.number().int().positive().optional(),
  })
  .superRefine((t, ctx) => {
    for (const match of t.argument.matchAll(PLACEHOLDER_RE)) {
      const name = match[1] ?? '';
      if (!(DEFENCE_PLACEHOLDERS as readonly string[]).includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['argument'], message: `unknown placeholder {{${name}}}` });
      }
    }
  });
export type DefenceTemplate = z.infer<typeof DefenceTemplate>;

export const DefenceSection = z.strictObject({ title: z.string(), body: z.string() });
export type DefenceSection = z.infer<typeof DefenceSection>;

export const Defence = z.strictObject({
  title: z.string(),
  /** Plain text for portals that take only text (A-to-z), within the requested length. */
  text: z.string(),
  /** The full defence, untruncated (the PDF is drawn from these). */
  sections: z.array(DefenceSection),
  truncated: z.boolean(),
  /** Plain sentences for the agent: a template fell back to English, a placeholder had no value ... */
  warnings: z.array(z.string()),
});
export type Defence = z.infer<typeof Defence>;

export const DisputeAction = z.enum(['fight', 'refund', 'accept']);
export type DisputeAction = z.infer<typeof DisputeAction>;

export const DisputeRecommendation = z.strictObject({
  action: DisputeAction,
  /** 0..1: how sure the engine is; the reasons say why. */
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
});
export type DisputeRecommendation = z.infer<typeof DisputeRecommendation>;

/** A pre-dispute alert: the card was used by a fraudster, or the cardholder is about to dispute. */
export const AlertKind = z.enum(['confirmed_fraud', 'customer_dispute']);
export type AlertKind = z.infer<typeof AlertKind>;

/** What a team can do with an alert: refund it away, cancel the shipment, or let it become a chargeback. */
export const AlertAction = z.enum(['refund', 'stop_fulfilment', 'decline']);
export type AlertAction = z.infer<typeof AlertAction>;

export const AlertRecommendation = z.strictObject({
  action: AlertAction,
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
});
export type AlertRecommendation = z.infer<typeof AlertRecommendation>;
