import { z } from 'zod';
import { Instant, Money } from './common';
import { PageContext } from './page';

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
  'portal_risk_high',
  'portal_risk_medium',
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

// ---------------------------------------------------------------------------------------------------
// The team's scoring matrix (utils/fraud/matrix.ts validates it and holds the default).

/** Which orders an indicator scores: marketplace orders (abuse), own-shop orders (card), or both. */
export const IndicatorScope = z.enum(['abuse', 'card', 'both']);
export type IndicatorScope = z.infer<typeof IndicatorScope>;

export const IndicatorRule = z.strictObject({
  /** Points added when the indicator fires. */
  weight: z.number().int().min(0).max(100),
  enabled: z.boolean(),
  /** Decide this whatever the total says (the strongest forced decision wins: hold > review > release). */
  forces: Recommendation.optional(),
  scope: IndicatorScope,
});
export type IndicatorRule = z.infer<typeof IndicatorRule>;

const HourOfDay = z.number().int().min(0).max(23);
const MinorUnits = z.number().int().min(0);

export const FraudParameters = z.strictObject({
  velocity: z.strictObject({
    /** Orders within this many hours of the current one count towards velocity. */
    windowHours: z
      .number()
      .positive()
      .max(24 * 30),
    /** Orders (this one included) to one address / under one name / with one phone that fire the rule. */
    addressCount: z.number().int().min(2),
    nameCount: z.number().int().min(2),
    phoneCount: z.number().int().min(2),
  }),
  /** Distinct buyers (this one included) at one address that fire `shared_address`. */
  sharedAddressBuyerCount: z.number().int().min(2),
  /** Local hours [start, end) in the marketplace's zone; may wrap midnight (22 -> 4). */
  oddHours: z.strictObject({ start: HourOfDay, end: HourOfDay }),
  highDemand: z.strictObject({
    asins: z.array(z.string()),
    skus: z.array(z.string()),
    /** Matched against item titles, case and accent blind. */
    keywords: z.array(z.string()),
  }),
  newBuyer: z.strictObject({
    /** A buyer with at most this many earlier orders is new. */
    maxPriorOrders: z.number().int().min(0),
    /** Order total (minor units) from which a new buyer's order is high value, per ISO currency. */
    amountThresholdsMinor: z.record(z.string().regex(/^[A-Z]{3}$/), MinorUnits),
    /** Only fire when at least one item is high-demand goods. */
    requireHighDemand: z.boolean(),
  }),
  /** Shipping service text that marks expedited shipping (case and accent blind). */
  expeditedServiceKeywords: z.array(z.string()),
  /** Email domains of throwaway inboxes; subdomains match too. */
  disposableEmailDomains: z.array(z.string()),
  /** How many earlier claims, returns, chargebacks and fraud flags (buyer and address together) fire each rule. */
  historyMinimums: z.strictObject({
    claims: z.number().int().min(1),
    returns: z.number().int().min(1),
    chargebacks: z.number().int().min(1),
    fraudFlags: z.number().int().min(1),
  }),
});
export type FraudParameters = z.infer<typeof FraudParameters>;

export const FraudThresholds = z.strictObject({
  review: z.number().int().min(1).max(100),
  hold: z.number().int().min(1).max(100),
});

export const FraudMatrix = z.strictObject({
  version: z.number().int().min(1),
  indicators: z.record(FraudIndicatorId, IndicatorRule),
  thresholds: FraudThresholds,
  parameters: FraudParameters,
});
export type FraudMatrix = z.infer<typeof FraudMatrix>;

// ---------------------------------------------------------------------------------------------------
// What the engine scores: the page's order plus history facts the backend computes.

/** One of the team's other orders sharing address, name or phone within the backend's lookback. */
export const RelatedOrder = z.strictObject({
  orderId: z.string(),
  /** Keys from `fraudKeysFor` (utils/fraud/score.ts); an empty string never matches. */
  buyerKey: z.string(),
  addressKey: z.string(),
  phoneKey: z.string().optional(),
  purchasedAt: Instant,
  total: Money.optional(),
});
export type RelatedOrder = z.infer<typeof RelatedOrder>;

export const HistoryCount = z.strictObject({
  count: z.number().int().min(0),
  /** Ids of the claims, returns, chargebacks or flagged orders, for the evidence line. */
  ids: z.array(z.string()).default([]),
});
export type HistoryCount = z.infer<typeof HistoryCount>;

const emptyCount = () => ({ count: 0, ids: [] });
export const PartyHistory = z.strictObject({
  claims: HistoryCount.default(emptyCount),
  returns: HistoryCount.default(emptyCount),
  chargebacks: HistoryCount.default(emptyCount),
  fraudFlags: HistoryCount.default(emptyCount),
});
export type PartyHistory = z.infer<typeof PartyHistory>;

export const FraudInput = z.strictObject({
  context: PageContext,
  /** Own-shop orders are scored for card fraud, marketplace orders for buyer abuse. */
  isOwnShop: z.boolean(),
  relatedOrders: z.array(RelatedOrder).default([]),
  /** Earlier orders of this buyer with the team. */
  buyerOrderCount: z.number().int().min(0).default(0),
  buyerHistory: PartyHistory.default(() => PartyHistory.parse({})),
  addressHistory: PartyHistory.default(() => PartyHistory.parse({})),
  addressChangedAfterPurchase: z.boolean().optional(),
  now: Instant,
});
export type FraudInput = z.infer<typeof FraudInput>;
