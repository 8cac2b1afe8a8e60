import type { Ce3Field, DisputeReason, EvidenceItem } from '../schemas/disputes';
import { stripeCe3, type Ce3Payment, type StripeCe3 } from './stripe-ce3';
import type { PageContext } from '../schemas/page';
import type { DisputeHistory, DisputeLike } from './case-history';

/**
 * The body of Stripe's dispute update (POST /v1/disputes/{id}: `evidence[...]` and `submit`) filled
 * from what the team knows about the case, for an agent to review before anything is sent. Stripe's
 * text fields are filled here; its file fields (customer_communication, receipt, refund_policy,
 * shipping_documentation, uncategorized_file) take Stripe file ids, so they are listed with the
 * attachments to upload for them. `submit` is always false: the export never submits. Pure.
 */

export const STRIPE_TEXT_FIELDS = [
  'access_activity_log',
  'billing_address',
  'cancellation_policy_disclosure',
  'cancellation_rebuttal',
  'customer_email_address',
  'customer_name',
  'customer_purchase_ip',
  'duplicate_charge_explanation',
  'product_description',
  'refund_policy_disclosure',
  'refund_refusal_explanation',
  'service_date',
  'shipping_address',
  'shipping_carrier',
  'shipping_date',
  'shipping_tracking_number',
  'uncategorized_text',
] as const;
export type StripeTextField = (typeof STRIPE_TEXT_FIELDS)[number];

export const STRIPE_FILE_FIELDS = [
  'customer_communication',
  'receipt',
  'refund_policy',
  'shipping_documentation',
  'uncategorized_file',
  'cancellation_policy',
] as const;
export type StripeFileField = (typeof STRIPE_FILE_FIELDS)[number];

/** Stripe's limit for all text evidence together. */
export const STRIPE_TEXT_LIMIT = 150_000;
const FIELD_LIMIT = 20_000;

/** The fields Stripe's guidance asks for first, per reason; the export names the ones still empty. */
export const STRIPE_FIELDS_BY_REASON: Record<DisputeReason, readonly (StripeTextField | StripeFileField)[]> = {
  not_received: ['shipping_tracking_number', 'shipping_carrier', 'shipping_date', 'shipping_address', 'product_description', 'customer_communication'],
  not_as_described: ['product_description', 'refund_policy_disclosure', 'customer_communication', 'refund_refusal_explanation'],
  credit_not_processed: ['refund_policy_disclosure', 'refund_refusal_explanation', 'customer_communication'],
  fraud_card_absent: [
    'customer_name',
    'customer_email_address',
    'billing_address',
    'shipping_address',
    'shipping_tracking_number',
    'customer_purchase_ip',
    'product_description',
  ],
  authorization: ['uncategorized_text', 'receipt'],
  processing_error: ['uncategorized_text', 'receipt'],
  duplicate: ['duplicate_charge_explanation', 'receipt'],
  cancelled_recurring: ['cancellation_policy_disclosure', 'cancellation_rebuttal', 'customer_communication'],
  other: ['product_description', 'uncategorized_text'],
};

/** Checklist items whose files answer a Stripe file field. */
const FILE_FOR_EVIDENCE: Record<string, StripeFileField> = {
  message_history: 'customer_communication',
  transaction_receipt: 'receipt',
  order_details: 'receipt',
  return_policy: 'refund_policy',
  proof_of_delivery: 'shipping_documentation',
  signature_confirmation: 'shipping_documentation',
  cancellation_policy: 'cancellation_policy',
};

export interface StripeEvidenceInput {
  dispute: DisputeLike;
  context?: PageContext;
  history: DisputeHistory;
  checklist: EvidenceItem[];
  attachments: Array<{ id: string; filename: string; evidenceKey: string | null }>;
  /** Visa CE 3.0 from the team's imported payments, when two or more earlier payments qualify. */
  ce3?: { disputed: Ce3Payment; qualifying: Array<{ payment: Ce3Payment; matched: Ce3Field[] }> };
}

export type StripeEvidenceFields = Partial<Record<StripeTextField, string>> & { enhanced_evidence?: { visa_compelling_evidence_3: StripeCe3 } };

export interface StripeEvidenceExport {
  /** Stripe's dispute id (dp_...), the one the update goes to. */
  stripeDisputeId: string;
  body: { evidence: StripeEvidenceFields; submit: false };
  /** Attachments to upload to Stripe (purpose dispute_evidence) and put in these fields as file ids. */
  files: Array<{ field: StripeFileField; attachmentId: string; filename: string }>;
  /** Where each filled field came from. */
  sources: Partial<Record<StripeTextField, 'page' | 'history' | 'agent'>>;
  /** Fields Stripe asks for with this reason that are still empty. */
  missing: Array<StripeTextField | StripeFileField>;
  warnings: string[];
}

function addressText(a: NonNullable<PageContext['shipTo']>): string {
  const place = [a.postalCode, a.city, a.region].filter(Boolean).join(' ');
  return [a.name, ...a.lines, place, a.country].filter((x) => x && x.trim() !== '').join(', ');
}

const day = (iso: string | undefined) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined);

export function buildStripeEvidence(input: StripeEvidenceInput): StripeEvidenceExport {
  const { dispute, context: ctx, history, checklist } = input;
  const evidence: Partial<Record<StripeTextField, string>> = {};
  const sources: StripeEvidenceExport['sources'] = {};
  const warnings: string[] = [];
  const item = (key: string) => checklist.find((i) => i.key === key && i.status === 'present' && i.value && !i.internal);
  const set = (field: StripeTextField, value: string | undefined, source: 'page' | 'history' | 'agent') => {
    const v = value?.trim();
    if (!v || evidence[field] !== undefined) return;
    evidence[field] = v.length > FIELD_LIMIT ? `${v.slice(0, FIELD_LIMIT - 1)}…` : v;
    sources[field] = source;
  };
  const fromChecklist = (field: StripeTextField, key: string) => {
    const found = item(key);
    if (found) set(field, found.value, found.source === 'agent' || found.source === 'attachment' ? 'agent' : found.source === 'history' ? 'history' : 'page');
  };

  set('shipping_tracking_number', history.trackingNumber, 'history');
  set('shipping_tracking_number', ctx?.trackingNumber, 'page');
  set('shipping_carrier', history.carrier, 'history');
  set('shipping_carrier', ctx?.shippingService, 'page');
  set('shipping_date', day(history.shippedAt), 'history');
  if (ctx?.shipTo) set('shipping_address', addressText(ctx.shipTo), 'page');
  fromChecklist('shipping_address', 'shipping_address');
  if (ctx?.billTo) set('billing_address', addressText(ctx.billTo), 'page');
  set('customer_name', ctx?.buyer?.name ?? ctx?.shipTo?.name, 'page');
  set('customer_email_address', ctx?.buyer?.email, 'page');
  const items = ctx?.items ?? [];
  if (items.length > 0) set('product_description', items.map((i) => `${i.quantity} x ${i.title ?? i.sku ?? i.asin ?? 'item'}`).join('; '), 'page');
  fromChecklist('product_description', 'item_description');
  fromChecklist('refund_policy_disclosure', 'return_policy');
  fromChecklist('cancellation_policy_disclosure', 'cancellation_policy');
  fromChecklist('cancellation_rebuttal', 'no_cancellation_request');
  fromChecklist('duplicate_charge_explanation', 'separate_transactions');
  if (dispute.reason === 'credit_not_processed') fromChecklist('refund_refusal_explanation', 'return_status');

  // What has no field of its own goes into the free text, each under its name.
  const extra: string[] = [];
  for (const key of ['proof_of_delivery', 'avs_cvv_result', 'authorization_record', 'ce3_prior_transactions', 'refund_proof']) {
    const found = item(key);
    if (found) extra.push(`${found.label}: ${found.value}`);
  }
  if (history.deliveredAt) extra.push(`Delivered: ${day(history.deliveredAt)}`);
  const messages = (history.messages ?? []).slice(-10);
  if (messages.length > 0)
    extra.push(`Messages with the customer:\n${messages.map((m) => `${m.at.slice(0, 10)} ${m.from}: ${m.text.slice(0, 1000)}`).join('\n')}`);
  if (extra.length > 0) set('uncategorized_text', extra.join('\n\n'), 'history');

  const files: StripeEvidenceExport['files'] = [];
  for (const a of input.attachments) {
    const field = a.evidenceKey ? FILE_FOR_EVIDENCE[a.evidenceKey] : undefined;
    files.push({ field: field ?? 'uncategorized_file', attachmentId: a.id, filename: a.filename });
  }
  const total = Object.values(evidence).reduce((n, v) => n + (v?.length ?? 0), 0);
  if (total > STRIPE_TEXT_LIMIT) warnings.push(`The text evidence is ${total} characters; Stripe accepts ${STRIPE_TEXT_LIMIT} in all. Shorten the free text.`);
  const perField = new Map<string, number>();
  for (const f of files) perField.set(f.field, (perField.get(f.field) ?? 0) + 1);
  if ([...perField.values()].some((n) => n > 1)) {
    warnings.push('Stripe takes one file per field: combine the files listed for the same field into one PDF before uploading.');
  }
  const filled = new Set<string>([...Object.keys(evidence), ...files.map((f) => f.field)]);
  const missing = STRIPE_FIELDS_BY_REASON[dispute.reason].filter((f) => !filled.has(f));
  const body: StripeEvidenceExport['body'] = { evidence, submit: false };
  if (input.ce3) {
    // The teams Caseside serves sell goods: a disputed payment is for merchandise.
    const { ce3, warnings: ce3Warnings } = stripeCe3({
      ...input.ce3,
      ...(evidence.product_description ? { productDescription: evidence.product_description } : {}),
      shipped: true,
    });
    if (ce3) body.evidence = { ...evidence, enhanced_evidence: { visa_compelling_evidence_3: ce3 } };
    warnings.push(...ce3Warnings);
  }
  return { stripeDisputeId: dispute.id, body, files, sources, missing, warnings };
}
