import { z } from 'zod';
import { Instant } from '../schemas/common';
import { DisputeStage, DisputeStatus, ProcessorSource } from '../schemas/disputes';
import { LIMITS } from '../schemas/fields';
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
/** The Stripe dispute update body the backend prepared for review; never sent by the backend. */
export const StripeEvidenceView = z.strictObject({
  stripeDisputeId: z.string(),
  body: z.strictObject({ evidence: z.record(z.string(), StripeText), submit: z.literal(false) }),
  files: z.array(z.strictObject({ field: z.string(), attachmentId: z.uuid(), filename: z.string() })),
  sources: z.record(z.string(), z.enum(['page', 'history', 'agent'])),
  missing: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type StripeEvidenceView = z.infer<typeof StripeEvidenceView>;

export const PROCESSOR_ROUTES = defineRoutes({
  'processors.secrets': { method: 'GET', path: '/v1/processors/secrets', response: SecretStatusList },
  'processors.setSecret': { method: 'PUT', path: '/v1/processors/:processor/secret', response: SecretStatus, body: SecretBody },
  'processors.deleteSecret': { method: 'DELETE', path: '/v1/processors/:processor/secret', response: SecretStatus },
  'disputes.linkOrder': { method: 'POST', path: '/v1/disputes/:id/order', response: DisputeView, body: LinkOrderBody },
  'disputes.stripeEvidence': { method: 'GET', path: '/v1/disputes/:id/stripe-evidence', response: StripeEvidenceView },
});
