import { z } from 'zod';
import type { DisputeReason, DisputeStage, DisputeStatus, ProcessorSource } from '../schemas/disputes';
import type { CardNetwork } from '../schemas/sla';

/**
 * What a processor's dispute notification says, in one shape for every processor: the schemas of the
 * parts of Stripe's and Adyen's payloads the backend reads (processors add fields all the time, so
 * unknown fields pass), and pure functions turning a verified event into a ProcessorDisputeEvent.
 */

const Id = z.string().min(1).max(255);
const Text = z.string().max(5000);
const Currency3 = z.string().regex(/^[A-Za-z]{3}$/, 'expected a three-letter currency code');
const UnixSeconds = z.number().int().min(0).max(4_102_444_800);
const Metadata = z.record(z.string().max(500), z.string().max(500)).optional();

/** An expandable Stripe reference: the id, or the object with its id. */
const StripeRef = z.union([Id, z.looseObject({ id: Id })]).nullish();

const StripeCharge = z.looseObject({
  id: Id,
  amount: z.number().int().min(0).optional(),
  currency: Currency3.optional(),
  description: Text.nullish(),
  metadata: Metadata,
  billing_details: z.looseObject({ email: Text.nullish(), name: Text.nullish() }).optional(),
  receipt_email: Text.nullish(),
});

export const StripeDispute = z.looseObject({
  id: Id,
  object: z.literal('dispute'),
  amount: z.number().int().min(0).max(900_000_000_000_000),
  currency: Currency3,
  charge: z.union([Id, StripeCharge]),
  payment_intent: StripeRef,
  created: UnixSeconds,
  reason: z.string().max(100),
  status: z.enum(['warning_needs_response', 'warning_under_review', 'warning_closed', 'needs_response', 'under_review', 'won', 'lost', 'prevented']),
  metadata: Metadata,
  evidence: z.looseObject({ customer_email_address: Text.nullish(), customer_name: Text.nullish() }).nullish(),
  evidence_details: z
    .looseObject({
      due_by: UnixSeconds.nullish(),
      has_evidence: z.boolean().optional(),
      past_due: z.boolean().optional(),
      submission_count: z.number().int().optional(),
    })
    .nullish(),
  network_reason_code: z.string().max(40).nullish(),
  payment_method_details: z
    .looseObject({ card: z.looseObject({ brand: z.string().max(40).nullish(), network_reason_code: z.string().max(40).nullish() }).nullish() })
    .nullish(),
});
export type StripeDispute = z.infer<typeof StripeDispute>;

export const StripeEarlyFraudWarning = z.looseObject({
  id: Id,
  object: z.literal('radar.early_fraud_warning'),
  actionable: z.boolean(),
  charge: z.union([Id, StripeCharge]),
  payment_intent: StripeRef,
  created: UnixSeconds,
  fraud_type: z.string().max(100),
});
export type StripeEarlyFraudWarning = z.infer<typeof StripeEarlyFraudWarning>;

export const STRIPE_DISPUTE_EVENTS = [
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.closed',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
] as const;
export const STRIPE_EFW_EVENTS = ['radar.early_fraud_warning.created', 'radar.early_fraud_warning.updated'] as const;
export const STRIPE_EVENT_TYPES: readonly string[] = [...STRIPE_DISPUTE_EVENTS, ...STRIPE_EFW_EVENTS];

export const StripeEvent = z.looseObject({
  id: Id,
  object: z.literal('event'),
  type: z.string().min(1).max(200),
  created: UnixSeconds,
  livemode: z.boolean().optional(),
  data: z.looseObject({ object: z.unknown() }),
});
export type StripeEvent = z.infer<typeof StripeEvent>;

/** One dispute or alert event from any processor, normalised. */
export interface ProcessorDisputeEvent {
  source: ProcessorSource;
  /** The processor's event id; the same id twice is one event (retries). */
  eventId: string;
  /** The processor's id of the dispute or alert; every event about it carries the same one. */
  externalId: string;
  /** The payment disputed: Stripe charge, Adyen originalReference, PayPal transaction. */
  paymentRef: string | null;
  /** The merchant's own order reference, when the processor carried one. */
  orderRef: string | null;
  email: string | null;
  buyerName: string | null;
  stage: DisputeStage;
  status: DisputeStatus;
  /** The event adds information but says nothing about stage or status (Adyen INFORMATION_SUPPLIED ...). */
  keepState: boolean;
  reversal: boolean;
  processorStatus: string;
  network: CardNetwork | null;
  reasonCode: string | null;
  reasonText: string | null;
  /** The processor's own category, used when no network code decides. */
  reasonHint: DisputeReason | null;
  /** Null when the processor does not say (a Stripe early fraud warning names only the charge). */
  amount: { amountMinor: number; currency: string } | null;
  filedAt: Date;
  eventAt: Date;
  /** The processor's own respond-by date, which binds over any computed window. */
  dueBy: Date | null;
  /** A short line for the case history ("Stripe: chargeback opened, 13.1 product_not_received"). */
  summary: string;
  details: Record<string, string | number | boolean>;
}

/** Card brands as processors write them, to the four networks the engine knows. */
export function networkOfBrand(brand: string | null | undefined): CardNetwork | null {
  const b = (brand ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  if (b === 'visa' || b.startsWith('visa')) return 'visa';
  if (b === 'mc' || b === 'mastercard' || b === 'maestro' || b.startsWith('mc')) return 'mastercard';
  if (b === 'amex' || b === 'americanexpress') return 'amex';
  if (b === 'discover' || b === 'diners' || b === 'dinersclub') return 'discover';
  return null;
}

/** Stripe's reasons as the engine's categories (the network's code, when Stripe sends it, decides first). */
export const STRIPE_REASONS: Record<string, DisputeReason> = {
  fraudulent: 'fraud_card_absent',
  unrecognized: 'fraud_card_absent',
  debit_not_authorized: 'fraud_card_absent',
  product_not_received: 'not_received',
  product_unacceptable: 'not_as_described',
  duplicate: 'duplicate',
  credit_not_processed: 'credit_not_processed',
  subscription_canceled: 'cancelled_recurring',
  incorrect_account_details: 'processing_error',
  bank_cannot_process: 'processing_error',
  insufficient_funds: 'authorization',
};

/** Stripe's dispute status as a stage and a status (the webhook and the CSV export use the same words). */
export const STRIPE_STATUS: Record<StripeDispute['status'], { stage: DisputeStage; status: DisputeStatus }> = {
  warning_needs_response: { stage: 'inquiry', status: 'open' },
  warning_under_review: { stage: 'inquiry', status: 'responded' },
  // The inquiry closed without becoming a chargeback: the money never left.
  warning_closed: { stage: 'inquiry', status: 'won' },
  needs_response: { stage: 'chargeback', status: 'open' },
  under_review: { stage: 'chargeback', status: 'responded' },
  won: { stage: 'chargeback', status: 'won' },
  lost: { stage: 'chargeback', status: 'lost' },
  // Prevented (an alert or RDR refunded it before it became a chargeback).
  prevented: { stage: 'chargeback', status: 'refunded' },
};

const clean = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);
const fromUnix = (s: number) => new Date(s * 1000);

function chargeFacts(charge: string | z.infer<typeof StripeCharge>) {
  if (typeof charge === 'string') return { id: charge, orderRef: null, email: null, name: null, amount: null };
  const orderRef = clean(charge.metadata?.['order_id']) ?? clean(charge.metadata?.['orderId']) ?? clean(charge.description);
  const amount = charge.amount !== undefined && charge.currency ? { amountMinor: charge.amount, currency: charge.currency.toUpperCase() } : null;
  return {
    id: charge.id,
    orderRef,
    email: clean(charge.billing_details?.email) ?? clean(charge.receipt_email),
    name: clean(charge.billing_details?.name),
    amount,
  };
}

export function fromStripeDispute(event: StripeEvent, dispute: StripeDispute): ProcessorDisputeEvent {
  const mapped = STRIPE_STATUS[dispute.status];
  const charge = chargeFacts(dispute.charge);
  const card = dispute.payment_method_details?.card;
  const network = networkOfBrand(card?.brand);
  const reasonCode = clean(card?.network_reason_code) ?? clean(dispute.network_reason_code);
  const dueBy = dispute.evidence_details?.due_by ? fromUnix(dispute.evidence_details.due_by) : null;
  const reversal = event.type === 'charge.dispute.funds_reinstated';
  const words = `${mapped.stage === 'inquiry' ? 'inquiry' : 'chargeback'} ${dispute.status.replace(/_/g, ' ')}`;
  return {
    source: 'stripe',
    eventId: event.id,
    externalId: dispute.id,
    paymentRef: charge.id,
    orderRef: clean(dispute.metadata?.['order_id']) ?? clean(dispute.metadata?.['orderId']) ?? charge.orderRef,
    email: clean(dispute.evidence?.customer_email_address) ?? charge.email,
    buyerName: clean(dispute.evidence?.customer_name) ?? charge.name,
    ...mapped,
    keepState: false,
    reversal,
    processorStatus: dispute.status,
    network,
    reasonCode,
    reasonText: dispute.reason,
    reasonHint: STRIPE_REASONS[dispute.reason] ?? null,
    amount: { amountMinor: dispute.amount, currency: dispute.currency.toUpperCase() },
    filedAt: fromUnix(dispute.created),
    eventAt: fromUnix(event.created),
    dueBy,
    summary: `Stripe ${event.type.replace('charge.dispute.', 'dispute ')}: ${words}, reason ${dispute.reason}${reasonCode ? ` (${reasonCode})` : ''}`,
    details: {
      stripeReason: dispute.reason,
      ...(dispute.evidence_details?.has_evidence !== undefined ? { hasEvidence: dispute.evidence_details.has_evidence } : {}),
      ...(dispute.evidence_details?.due_by === 0 ? { noResponsePossible: true } : {}),
    },
  };
}

export function fromStripeEarlyFraudWarning(event: StripeEvent, warning: StripeEarlyFraudWarning): ProcessorDisputeEvent {
  const charge = chargeFacts(warning.charge);
  return {
    source: 'stripe',
    eventId: event.id,
    externalId: warning.id,
    paymentRef: charge.id,
    orderRef: charge.orderRef,
    email: charge.email,
    buyerName: charge.name,
    stage: 'alert',
    // No longer actionable: the charge was refunded or disputed already, so the alert needs nothing more.
    status: warning.actionable ? 'open' : 'accepted',
    keepState: false,
    reversal: false,
    processorStatus: warning.actionable ? 'actionable' : 'not_actionable',
    network: null,
    reasonCode: null,
    reasonText: `early fraud warning: ${warning.fraud_type}`,
    reasonHint: 'fraud_card_absent',
    amount: charge.amount,
    filedAt: fromUnix(warning.created),
    eventAt: fromUnix(event.created),
    dueBy: null,
    summary: `Stripe early fraud warning (${warning.fraud_type})${warning.actionable ? ', refund now to avoid a chargeback' : ', no longer actionable'}`,
    details: { fraudType: warning.fraud_type, actionable: warning.actionable },
  };
}

/**
 * Reads a verified Stripe event. `ignored` for event types this backend does not handle, `invalid`
 * (with the zod error) for a handled type whose object does not have the expected shape.
 */
export function readStripeEvent(
  event: StripeEvent,
): { kind: 'ignored' } | { kind: 'invalid'; error: z.ZodError } | { kind: 'dispute'; event: ProcessorDisputeEvent } {
  if ((STRIPE_DISPUTE_EVENTS as readonly string[]).includes(event.type)) {
    const parsed = StripeDispute.safeParse(event.data.object);
    return parsed.success ? { kind: 'dispute', event: fromStripeDispute(event, parsed.data) } : { kind: 'invalid', error: parsed.error };
  }
  if ((STRIPE_EFW_EVENTS as readonly string[]).includes(event.type)) {
    const parsed = StripeEarlyFraudWarning.safeParse(event.data.object);
    return parsed.success ? { kind: 'dispute', event: fromStripeEarlyFraudWarning(event, parsed.data) } : { kind: 'invalid', error: parsed.error };
  }
  return { kind: 'ignored' };
}

// ---- Adyen ----

const AdyenString = z.string().max(1000);

export const AdyenNotificationItem = z.looseObject({
  additionalData: z.record(z.string().max(200), AdyenString).optional(),
  amount: z.looseObject({ value: z.number().int().min(0).max(900_000_000_000_000), currency: Currency3 }),
  eventCode: z.string().min(1).max(100),
  eventDate: z.string().min(1).max(100),
  merchantAccountCode: AdyenString,
  merchantReference: AdyenString.optional(),
  originalReference: AdyenString.optional(),
  pspReference: Id,
  reason: AdyenString.optional(),
  success: z.enum(['true', 'false']),
  paymentMethod: z.string().max(100).optional(),
});
export type AdyenNotificationItem = z.infer<typeof AdyenNotificationItem>;

export const AdyenNotification = z.looseObject({
  live: z.enum(['true', 'false']).optional(),
  notificationItems: z
    .array(z.looseObject({ NotificationRequestItem: z.unknown() }))
    .min(1)
    .max(100),
});
export type AdyenNotification = z.infer<typeof AdyenNotification>;

type AdyenRule = { stage: DisputeStage; status: DisputeStatus; keepState?: boolean; reversal?: boolean; words: string };

/** Adyen's dispute event codes; every other event code (payments, refunds ...) is not a dispute. */
export const ADYEN_DISPUTE_EVENTS: Record<string, AdyenRule> = {
  NOTIFICATION_OF_FRAUD: { stage: 'alert', status: 'open', words: 'fraud notification (TC40/SAFE)' },
  REQUEST_FOR_INFORMATION: { stage: 'inquiry', status: 'open', words: 'request for information' },
  NOTIFICATION_OF_CHARGEBACK: { stage: 'chargeback', status: 'open', words: 'chargeback notified' },
  CHARGEBACK: { stage: 'chargeback', status: 'open', words: 'chargeback, funds debited' },
  CHARGEBACK_REVERSED: { stage: 'chargeback', status: 'won', reversal: true, words: 'chargeback reversed, funds returned' },
  SECOND_CHARGEBACK: { stage: 'pre_arbitration', status: 'open', words: 'second chargeback' },
  PREARBITRATION_WON: { stage: 'pre_arbitration', status: 'won', words: 'pre-arbitration won' },
  PREARBITRATION_LOST: { stage: 'pre_arbitration', status: 'lost', words: 'pre-arbitration lost' },
  INFORMATION_SUPPLIED: { stage: 'chargeback', status: 'responded', words: 'defence information supplied' },
  DISPUTE_DEFENSE_PERIOD_ENDED: { stage: 'chargeback', status: 'open', keepState: true, words: 'defence period ended' },
  ISSUER_COMMENTS: { stage: 'chargeback', status: 'open', keepState: true, words: 'issuer comments' },
  ISSUER_RESPONSE_TIMEFRAME_EXPIRED: { stage: 'chargeback', status: 'open', keepState: true, words: 'issuer response timeframe expired' },
};

/** Adyen's additionalData.disputeStatus, where it tells more than the event code. */
const ADYEN_DISPUTE_STATUS: Record<string, DisputeStatus> = {
  undefended: 'open',
  pending: 'responded',
  responded: 'responded',
  won: 'won',
  lost: 'lost',
  accepted: 'accepted',
  expired: 'lost',
};

function parseAdyenDate(value: string | undefined): Date | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

/** The event's key: Adyen sends no event id, and resends the same item (same code, dispute, date) on retry. */
export const adyenEventId = (item: AdyenNotificationItem) => `${item.eventCode}:${item.pspReference}:${item.eventDate}:${item.success}`;

export function fromAdyenItem(item: AdyenNotificationItem, now: Date): ProcessorDisputeEvent | undefined {
  const rule = ADYEN_DISPUTE_EVENTS[item.eventCode];
  if (!rule) return undefined;
  const extra = item.additionalData ?? {};
  const disputeStatus = ADYEN_DISPUTE_STATUS[(extra['disputeStatus'] ?? '').toLowerCase()];
  // The event code names the stage; disputeStatus only refines the status within the chargeback stage.
  const status = disputeStatus && !rule.reversal && rule.stage !== 'alert' && rule.stage !== 'inquiry' && !rule.keepState ? disputeStatus : rule.status;
  const eventAt = parseAdyenDate(item.eventDate) ?? now;
  const reasonCode = clean(extra['chargebackReasonCode']) ?? clean(extra['rfiReasonCode']) ?? clean(extra['nofReasonCode']);
  const network = networkOfBrand(extra['chargebackSchemeCode'] ?? item.paymentMethod);
  return {
    source: 'adyen',
    eventId: adyenEventId(item),
    externalId: item.pspReference,
    paymentRef: clean(item.originalReference),
    orderRef: clean(item.merchantReference),
    email: clean(extra['shopperEmail']),
    buyerName: clean(extra['shopperName']),
    stage: rule.stage,
    status,
    keepState: rule.keepState === true,
    reversal: rule.reversal === true,
    processorStatus: extra['disputeStatus'] ? `${item.eventCode}/${extra['disputeStatus']}` : item.eventCode,
    network,
    reasonCode,
    reasonText: clean(item.reason),
    reasonHint: item.eventCode === 'NOTIFICATION_OF_FRAUD' ? 'fraud_card_absent' : null,
    amount: { amountMinor: item.amount.value, currency: item.amount.currency.toUpperCase() },
    filedAt: eventAt,
    eventAt,
    dueBy: parseAdyenDate(extra['defensePeriodEndsAt']),
    summary: `Adyen ${rule.words}${reasonCode ? `, reason ${reasonCode}` : ''}${item.reason ? ` (${item.reason.slice(0, 200)})` : ''}`,
    details: {
      eventCode: item.eventCode,
      ...(extra['defendable'] ? { defendable: extra['defendable'] === 'true' } : {}),
      ...(extra['disputeStatus'] ? { disputeStatus: extra['disputeStatus'] } : {}),
    },
  };
}
