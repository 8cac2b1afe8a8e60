import type { FiredIndicator, FraudIndicatorId, FraudInput, FraudMatrix, FraudScore, Recommendation } from '../schemas/fraud';
import { CHECKS, collectFacts } from './indicators';
import type { FraudKeys } from './keys';

export { fraudKeysFor, type FraudKeys } from './keys';

/** The label an agent sees, and the phrase used in "without the ... this would be release". */
export const INDICATOR_TEXT: Record<FraudIndicatorId, { label: string; phrase: string }> = {
  billing_shipping_mismatch: { label: 'Billing and shipping addresses differ', phrase: 'the billing/shipping mismatch' },
  forwarder_address: { label: 'Freight-forwarder address', phrase: 'the forwarder address' },
  po_box: { label: 'PO box', phrase: 'the PO box' },
  pack_station: { label: 'Pack station or pickup point', phrase: 'the pack station' },
  address_changed: { label: 'Address changed after purchase', phrase: 'the address change' },
  new_buyer_high_value: { label: 'New buyer, high-value order', phrase: "the new buyer's high-value order" },
  velocity_address: { label: 'Several orders to this address', phrase: 'the orders to this address' },
  velocity_name: { label: 'Several orders under this name', phrase: 'the orders under this name' },
  velocity_phone: { label: 'Several orders with this phone', phrase: 'the orders with this phone' },
  shared_address: { label: 'Several buyers share this address', phrase: 'the shared address' },
  odd_hour: { label: 'Ordered at an odd hour', phrase: 'the odd hour' },
  expedited_shipping: { label: 'Expedited shipping to a risky address', phrase: 'the expedited shipping' },
  disposable_email: { label: 'Disposable or random-looking email', phrase: 'the email address' },
  prior_claims: { label: 'Earlier claims', phrase: 'the earlier claims' },
  prior_returns: { label: 'Earlier returns', phrase: 'the earlier returns' },
  prior_chargebacks: { label: 'Earlier chargebacks', phrase: 'the earlier chargebacks' },
  prior_fraud_flags: { label: 'Earlier fraud flags', phrase: 'the earlier fraud flags' },
  portal_risk_high: { label: "The portal's fraud analysis: high risk", phrase: "the portal's high-risk rating" },
  portal_risk_medium: { label: "The portal's fraud analysis: medium risk", phrase: "the portal's medium-risk rating" },
};

const INDICATOR_IDS = Object.keys(INDICATOR_TEXT) as FraudIndicatorId[];
const STRENGTH: Record<Recommendation, number> = { release: 0, review: 1, hold: 2 };

/** Total points to a recommendation; the strongest forced decision wins over the total. */
export function recommend(total: number, forced: Recommendation | undefined, thresholds: FraudMatrix['thresholds']): Recommendation {
  if (forced) return forced;
  const score = clampScore(total);
  return score >= thresholds.hold ? 'hold' : score >= thresholds.review ? 'review' : 'release';
}

function clampScore(total: number): number {
  return Math.min(100, Math.max(0, Math.round(total)));
}

function strongestForce(fired: FiredIndicator[], skip?: FiredIndicator): Recommendation | undefined {
  let forced: Recommendation | undefined;
  for (const f of fired) {
    if (f === skip || !f.forces) continue;
    if (!forced || STRENGTH[f.forces] > STRENGTH[forced]) forced = f.forces;
  }
  return forced;
}

/**
 * Scores one order against the team's matrix. Pure: the same input and matrix give the same score;
 * the input is trusted to be schema-shaped (the backend parses it once). Runs on every panel load.
 */
export function scoreOrder(input: FraudInput, matrix: FraudMatrix, keys?: FraudKeys): FraudScore {
  const scope = input.isOwnShop ? 'card' : 'abuse';
  const facts = collectFacts(input, matrix, keys);
  const fired: FiredIndicator[] = [];
  let total = 0;
  for (const id of INDICATOR_IDS) {
    const rule = matrix.indicators[id];
    if (!rule.enabled || (rule.scope !== 'both' && rule.scope !== scope)) continue;
    const hit = CHECKS[id](facts);
    if (!hit) continue;
    const indicator: FiredIndicator = {
      indicator: id,
      label: INDICATOR_TEXT[id].label,
      points: rule.weight,
      evidence: hit.evidence,
      relatedOrderIds: hit.relatedOrderIds,
    };
    if (rule.forces) indicator.forces = rule.forces;
    fired.push(indicator);
    total += rule.weight;
  }
  const forced = strongestForce(fired);
  const recommendation = recommend(total, forced, matrix.thresholds);
  return {
    score: clampScore(total),
    recommendation,
    scope,
    fired,
    whatWouldChange: explainChanges(fired, total, forced, recommendation, matrix.thresholds),
    matrixVersion: matrix.version,
  };
}

/** Sentences that tell an agent how close the order is to another outcome, and which rule decides it. */
function explainChanges(
  fired: FiredIndicator[],
  total: number,
  forced: Recommendation | undefined,
  recommendation: Recommendation,
  thresholds: FraudMatrix['thresholds'],
): string[] {
  const out: string[] = [];
  const score = clampScore(total);
  if (forced) {
    const forcing = fired.filter((f) => f.forces === forced).map((f) => f.label);
    const byScore = recommend(total, undefined, thresholds);
    out.push(`${forcing.join(', ')} force${forcing.length === 1 ? 's' : ''} ${forced}; the score alone (${score}) would give ${byScore}`);
  } else if (recommendation === 'release') {
    out.push(`${thresholds.review - score} more point${thresholds.review - score === 1 ? '' : 's'} would move this to review`);
  } else if (recommendation === 'review') {
    out.push(`${thresholds.hold - score} more point${thresholds.hold - score === 1 ? '' : 's'} would move this to hold`);
  } else {
    out.push(`${score - thresholds.hold + 1} fewer point${score - thresholds.hold + 1 === 1 ? '' : 's'} would move this to review`);
  }
  for (const f of fired) {
    const without = recommend(total - f.points, strongestForce(fired, f), thresholds);
    if (without !== recommendation) out.push(`Without ${INDICATOR_TEXT[f.indicator].phrase} this would be ${without}`);
  }
  return out;
}
