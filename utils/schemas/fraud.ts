import { z } from 'zod';

/**
 * The fraud and abuse scoring matrix and its results. Abuse indicators apply to marketplace orders
 * (the marketplace carries card-fraud risk); card indicators apply to the team's own shop orders.
 * utils/fraud/ implements the engine; the backend stores one versioned matrix per team.
 */
export const FraudIndicatorId = z.enum([
  'billing_shipping_mismatch',
  'forwarder_address',
  'po_box',
  'pack_station',
  'address_changed',
  'new_buyer_high_value',
  'velocity_address',
  'velocity_name',
  'velocity_phone',
  'shared_address',
  'odd_hour',
  'expedited_shipping',
  'disposable_email',
  'prior_claims',
  'prior_returns',
  'prior_chargebacks',
  'prior_fraud_flags',
]);
export type FraudIndicatorId = z.infer<typeof FraudIndicatorId>;

export const Recommendation = z.enum(['release', 'review', 'hold']);
export type Recommendation = z.infer<typeof Recommendation>;

export const DecisionKind = z.enum(['hold', 'release', 'fraud']);
export type DecisionKind = z.infer<typeof DecisionKind>;

export const FraudScope = z.enum(['abuse', 'card']);

export const FiredIndicator = z.strictObject({
  indicator: FraudIndicatorId,
  /** Human label, e.g. "Several orders to this address". */
  label: z.string(),
  /** Points this indicator added to the total (before the 0-100 cap). */
  points: z.number().int(),
  /** Set when the rule forces a recommendation whatever the total. */
  forces: Recommendation.optional(),
  /** Plain-text evidence, e.g. "3 orders to this address in 24 h". */
  evidence: z.string(),
  relatedOrderIds: z.array(z.string()).default([]),
});
export type FiredIndicator = z.infer<typeof FiredIndicator>;

export const FraudScore = z.strictObject({
  score: z.number().int().min(0).max(100),
  recommendation: Recommendation,
  scope: FraudScope,
  fired: z.array(FiredIndicator),
  /** Sentences such as "12 more points would move this to hold". */
  whatWouldChange: z.array(z.string()),
  matrixVersion: z.number().int(),
});
export type FraudScore = z.infer<typeof FraudScore>;
