import { z } from 'zod';
import { Instant } from './common';

/** The case kinds that carry a deadline (../shared/portal-reference.md, "Deadlines"). */
export const SlaCaseKind = z.enum([
  'amazon_buyer_message',
  'amazon_atoz_info_request',
  'amazon_atoz_appeal',
  'amazon_chargeback',
  'amazon_return_authorization',
  'amazon_refund_after_return',
  'amazon_mfn_shipment',
  'zalando_customer_care',
  'zalando_order_export',
  'card_dispute',
]);
export type SlaCaseKind = z.infer<typeof SlaCaseKind>;

export const SlaState = z.enum(['ok', 'warning', 'breached', 'paused', 'none']);
export type SlaState = z.infer<typeof SlaState>;

/** What the panel needs to draw a countdown; the countdown itself ticks locally. */
export const SlaSnapshot = z.strictObject({
  caseKind: SlaCaseKind,
  /** Human label of the clock, e.g. "Buyer message reply". */
  label: z.string(),
  startedAt: Instant,
  deadline: Instant,
  /** Below this fraction of the total time left, the state is warning. */
  warningFraction: z.number().min(0).max(1),
  paused: z.boolean(),
  /** When paused, how much time was left at the pause (ms). */
  remainingAtPauseMs: z.number().int().optional(),
  /** Zone the marketplace's deadline is shown in. */
  marketplaceTimeZone: z.string().optional(),
  policyVersion: z.number().int(),
});
export type SlaSnapshot = z.infer<typeof SlaSnapshot>;
