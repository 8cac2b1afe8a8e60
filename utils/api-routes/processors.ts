import { z } from 'zod';
import { Instant } from '../schemas/common';
import { DisputeStage, DisputeStatus, ProcessorSource } from '../schemas/disputes';
import { IdempotencyKey } from '../schemas/api';
import { LIMITS } from '../schemas/fields';
import { IdempotencyHeaders } from './cases';
import { defineRoutes } from './types';
import { DisputeView } from './disputes';

/**
 * Payment processors: the lead's webhook signing secrets (never sent back, only whether and when one
 * was set), linking a processor dispute to an order, and the dispute import's answers.
 */

export const ProcessorName = z.enum(['stripe', 'adyen']);
export type ProcessorName = z.infer<typeof ProcessorName>;

export const ProcessorParams = z.strictObject({ processor: ProcessorName });

/** Stripe's endpoint secrets start with whsec_; Adyen's HMAC keys are hex (64 characters as Adyen makes them). */
export const SecretBody = z.strictObject({ secret: z.string().trim().min(1, 'secret must not be empty').max(500) });
export type SecretBody = z.infer<typeof SecretBody>;

export const SecretStatus = z.strictObject({
  processor: ProcessorName,
  set: z.boolean(),
  setAt: Instant.nullable(),
  setBy: z.uuid().nullable(),
  /**
   * Whether this server can open the stored secret (null when none is set). False means it was sealed
   * with a key this host was not given: every host needs the same CASESIDE_SECRETS_KEY.
   */
  readable: z.boolean().nullable(),
  /** The path to give the processor, after the backend's public address. */
  webhookPath: z.string(),
  /** The events (Stripe) or event codes (Adyen) to enable for it. */
  events: z.array(z.string()),
});
export type SecretStatus = z.infer<typeof SecretStatus>;
export const SecretStatusList = z.strictObject({ processors: z.array(SecretStatus) });
export type SecretStatusList = z.infer<typeof SecretStatusList>;

export const LinkOrderBody = z.strictObject({ orderId: z.string().trim().min(1, 'orderId must not be empty').max(LIMITS.orderId) });
export type LinkOrderBody = z.infer<typeof LinkOrderBody>;

export const WebhookAnswer = z.strictObject({
  received: z.literal(true),
  /** created, updated, noted (information only), stale (older than what is stored), replayed, ignored (not a dispute event). */
  outcome: z.enum(['created', 'updated', 'noted', 'stale', 'replayed', 'ignored']),
  disputeId: z.uuid().nullable(),
});
export type WebhookAnswer = z.infer<typeof WebhookAnswer>;

export const DisputeImportQuery = z.strictObject({
  /** true (the default) only reports what the import would do. */
  dryRun: z.enum(['true', 'false']).default('true'),
  /** Read the header as this format instead of detecting it. */
  format: z.enum(['stripe', 'adyen', 'paypal', 'alerts']).optional(),
});

export const ImportProblem = z.strictObject({ row: z.number().int().positive(), column: z.string(), message: z.string() });

export const DisputeImportAnswer = z.strictObject({
  format: z.enum(['stripe', 'adyen', 'paypal', 'alerts']),
  dryRun: z.boolean(),
  /** Data rows in the file (the header not counted). */
  rows: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  /** Rows with nothing newer than what is stored (imported before, or older than a webhook's news). */
  skipped: z.number().int().nonnegative(),
  invalidRows: z.number().int().nonnegative(),
  results: z.array(
    z.strictObject({
      row: z.number().int().positive(),
      source: ProcessorSource,
      externalId: z.string(),
      stage: DisputeStage,
      status: DisputeStatus,
      action: z.enum(['create', 'update', 'skip']),
    }),
  ),
  /** Each bad row by its number (the header is row 1) and column. */
  problems: z.array(ImportProblem),
  /** More rows or problems than listed (the counts are complete). */
  truncated: z.boolean(),
});
export type DisputeImportAnswer = z.infer<typeof DisputeImportAnswer>;

const StripeText = z.string().max(20_000);
const Ce3Identifiers = {
  customer_account_id: z.string().optional(),
  customer_device_fingerprint: z.string().optional(),
  customer_device_id: z.string().optional(),
  customer_email_address: z.string().optional(),
  customer_purchase_ip: z.string().optional(),
  product_description: z.string().optional(),
};
/** Visa CE 3.0 as Stripe takes it: the disputed payment and exactly two earlier undisputed ones. */
const StripeEnhancedEvidence = z.strictObject({
  visa_compelling_evidence_3: z.strictObject({
    disputed_transaction: z.strictObject({ ...Ce3Identifiers, merchandise_or_services: z.enum(['merchandise', 'services']) }),
    prior_undisputed_transactions: z.array(z.strictObject({ charge: z.string(), ...Ce3Identifiers })).length(2),
  }),
});
/** The Stripe dispute update body the backend prepared for review; never sent by the backend. */
export const StripeEvidenceView = z.strictObject({
  stripeDisputeId: z.string(),
  body: z.strictObject({
    /** Stripe's text fields by name, and `enhanced_evidence` (Visa CE 3.0) as Stripe nests it. */
    evidence: z
      .record(z.string(), z.union([StripeText, StripeEnhancedEvidence]))
      .refine((fields) => Object.entries(fields).every(([field, value]) => typeof value === 'string' || field === 'enhanced_evidence'), {
        message: 'only enhanced_evidence holds an object',
      }),
    submit: z.literal(false),
  }),
  files: z.array(z.strictObject({ field: z.string(), attachmentId: z.uuid(), filename: z.string() })),
  sources: z.record(z.string(), z.enum(['page', 'history', 'agent'])),
  missing: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type StripeEvidenceView = z.infer<typeof StripeEvidenceView>;

const AdyenCode = z.string().max(80);
/** Adyen's supplyDefenseDocument documents and defence reasons prepared for review; never sent by this route. */
export const AdyenDefenceView = z.strictObject({
  disputePspReference: z.string(),
  /** adyen: Adyen's own answer for this dispute; not_retrieved: Adyen was not asked and no reason is offered. */
  reasonsFrom: z.enum(['adyen', 'not_retrieved']),
  defenseReasons: z.array(
    z.strictObject({
      defenseReasonCode: AdyenCode,
      satisfied: z.boolean(),
      documentTypes: z.array(z.strictObject({ defenseDocumentTypeCode: AdyenCode, requirementLevel: z.string().max(40), available: z.boolean() })),
    }),
  ),
  defenseDocuments: z.array(z.strictObject({ defenseDocumentTypeCode: AdyenCode, contentType: z.literal('application/pdf'), content: z.base64() })),
  documents: z.array(z.strictObject({ defenseDocumentTypeCode: AdyenCode, filename: z.string(), size: z.number().int().nonnegative() })),
  network: z.string().nullable(),
  reasonCode: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type AdyenDefenceView = z.infer<typeof AdyenDefenceView>;

/** A lead's processor API key for submitting defences (Stripe sk_/rk_; Adyen's key with its merchant account). */
export const ApiKeyBody = z.strictObject({
  apiKey: z.string().trim().min(1, 'apiKey must not be empty').max(500),
  /** Adyen only: the merchant account the disputes belong to. */
  merchantAccount: z.string().trim().min(1).max(100).optional(),
  /** Adyen only: test (the default) or live. */
  environment: z.enum(['test', 'live']).optional(),
});
export type ApiKeyBody = z.infer<typeof ApiKeyBody>;

export const ApiKeyStatus = z.strictObject({
  processor: ProcessorName,
  set: z.boolean(),
  setAt: Instant.nullable(),
  setBy: z.uuid().nullable(),
  environment: z.enum(['test', 'live']).nullable(),
  merchantAccount: z.string().nullable(),
});
export type ApiKeyStatus = z.infer<typeof ApiKeyStatus>;
export const ApiKeyStatusList = z.strictObject({ processors: z.array(ApiKeyStatus) });

/** Send the reviewed body: final false saves a draft (Stripe submit false; Adyen supplies the document only). */
export const SubmitBody = z.strictObject({
  idempotencyKey: IdempotencyKey,
  final: z.boolean(),
  /** Adyen, final: the defence reason Adyen offers for the dispute. */
  defenseReasonCode: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,80}$/, 'defenseReasonCode is one of the codes Adyen offers for the dispute')
    .optional(),
});
export type SubmitBody = z.infer<typeof SubmitBody>;

export const SubmitAnswer = z.strictObject({
  processor: ProcessorName,
  final: z.boolean(),
  sentAt: Instant,
  /** Each call made, in plain words. */
  sent: z.array(z.string()),
  /** The processor's answer in plain words. */
  processorAnswer: z.string(),
  note: z.string().optional(),
});
export type SubmitAnswer = z.infer<typeof SubmitAnswer>;

const IdParams = z.strictObject({ id: z.uuid() });
const TeamParams = z.strictObject({ teamId: z.uuid() });
const SECRET = '/v1/processors/:processor/secret';
const API_KEY = '/v1/processors/:processor/api-key';

export const PROCESSOR_ROUTES = defineRoutes({
  'processors.secrets': {
    method: 'GET',
    path: '/v1/processors/secrets',
    summary: "Whether and when each processor's webhook secret was set",
    access: 'lead',
    response: SecretStatusList,
    pages: true,
  },
  'processors.setSecret': {
    method: 'PUT',
    path: SECRET,
    summary: "Set or rotate a processor's webhook signing secret",
    access: 'lead',
    params: ProcessorParams,
    body: SecretBody,
    response: SecretStatus,
    pages: true,
  },
  'processors.deleteSecret': {
    method: 'DELETE',
    path: SECRET,
    summary: "Remove a processor's webhook signing secret",
    access: 'lead',
    params: ProcessorParams,
    response: SecretStatus,
    pages: true,
  },
  'disputes.linkOrder': {
    method: 'POST',
    path: '/v1/disputes/:id/order',
    summary: 'Link a processor dispute to its order',
    params: IdParams,
    body: LinkOrderBody,
    response: DisputeView,
    errors: [409],
    pages: true,
  },
  'disputes.stripeEvidence': {
    method: 'GET',
    path: '/v1/disputes/:id/stripe-evidence',
    summary: 'The Stripe evidence body prepared for review (never sent to Stripe)',
    params: IdParams,
    response: StripeEvidenceView,
    errors: [409],
    pages: true,
  },
  'disputes.adyenDefence': {
    method: 'GET',
    path: '/v1/disputes/:id/adyen-defence',
    summary: "Adyen's defence documents and reasons prepared for review (never sent to Adyen)",
    params: IdParams,
    response: AdyenDefenceView,
    errors: [409],
    pages: true,
  },
  'processors.apiKeys': {
    method: 'GET',
    path: '/v1/processors/api-keys',
    summary: "Whether each processor's API key for submitting defences is set (never the key)",
    access: 'lead',
    response: ApiKeyStatusList,
    pages: true,
  },
  'processors.setApiKey': {
    method: 'PUT',
    path: API_KEY,
    summary: "Set or replace a processor's API key for submitting defences (sealed at rest)",
    access: 'lead',
    params: ProcessorParams,
    body: ApiKeyBody,
    response: ApiKeyStatus,
    pages: true,
  },
  'processors.deleteApiKey': {
    method: 'DELETE',
    path: API_KEY,
    summary: "Remove a processor's API key: submitting is off again",
    access: 'lead',
    params: ProcessorParams,
    response: ApiKeyStatus,
    pages: true,
  },
  'disputes.submit': {
    method: 'POST',
    path: '/v1/disputes/:id/submit',
    headers: IdempotencyHeaders,
    summary: "Send the reviewed defence to Stripe or Adyen (409 until a lead stores an API key; 502 with the processor's refusal)",
    params: IdParams,
    body: SubmitBody,
    response: SubmitAnswer,
    success: [200, 201],
    errors: [409, 502],
    pages: true,
  },
  'disputes.import': {
    method: 'POST',
    path: '/v1/disputes/import',
    summary: "Import a processor's dispute export (the CSV file as the body)",
    access: 'lead',
    query: DisputeImportQuery,
    consumes: 'text/csv',
    response: DisputeImportAnswer,
    // A batch failed: the rows before it are imported; the same file again finishes the rest.
    errors: [503],
  },
  'webhooks.stripe': {
    method: 'POST',
    path: '/v1/webhooks/stripe/:teamId',
    summary: "Stripe's dispute events for a team, verified with the team's signing secret",
    access: 'public',
    params: TeamParams,
    consumes: 'application/json',
    response: WebhookAnswer,
    errors: [503],
  },
  'webhooks.adyen': {
    method: 'POST',
    path: '/v1/webhooks/adyen/:teamId',
    summary: "Adyen's dispute notifications for a team, verified with the team's HMAC key (answers [accepted])",
    access: 'public',
    params: TeamParams,
    consumes: 'application/json',
    produces: 'text/plain',
    errors: [503],
  },
});
