import type { Money } from '../schemas/common';
import type { AlertAction, AlertKind, AlertRecommendation, ProcessorSource } from '../schemas/disputes';
import { formatMoney } from '../money';

/**
 * Pre-dispute alerts (Ethoca, Verifi CDRN/RDR, a processor's early fraud warning): the issuer tells the
 * merchant a cardholder is about to dispute, or the card was used by a fraudster, and gives 24-72 hours
 * to refund or stop the shipment before it becomes a chargeback. Pure: what kind of alert it is, what to
 * do, and what to answer the alert provider.
 */

/** Confirmed fraud (Ethoca CONFIRMEDFRAUD, TC40/SAFE, a processor's fraud warning) or a cardholder's complaint. */
export function alertKindOf(source: ProcessorSource | string, reasonText: string | null | undefined): AlertKind {
  const text = (reasonText ?? '').toLowerCase();
  if (/fraud/.test(text) || source === 'stripe' || source === 'adyen') return 'confirmed_fraud';
  return 'customer_dispute';
}

/**
 * The outcome to report back to the alert provider (Ethoca's outcome codes; Verifi's portal asks
 * whether the transaction was refunded), or null where there is nobody to answer: a processor's own
 * fraud warning is settled by refunding through the processor.
 */
export function providerOutcome(
  source: ProcessorSource | string,
  kind: AlertKind,
  action: AlertAction,
  facts: { shipped: boolean; alreadyRefunded?: boolean },
): string | null {
  if (source === 'ethoca') {
    if (kind === 'customer_dispute') {
      if (facts.alreadyRefunded) return 'RESOLVED_PREVIOUSLY_REFUNDED';
      return action === 'decline' ? 'UNRESOLVED_DISPUTE' : 'RESOLVED';
    }
    if (action === 'stop_fulfilment') return 'STOPPED';
    if (action === 'refund') return facts.shipped ? 'MISSED' : 'STOPPED';
    return 'MISSED';
  }
  if (source === 'verifi') return action === 'decline' ? 'declined' : 'refunded';
  return null;
}

export type AlertFacts = {
  amount: Money;
  kind: AlertKind;
  /** The order's last fraud score (0-100), when the team scored it. */
  fraudScore?: number | null;
  /** Whether the goods have left the warehouse (tracking number or a shipped status). */
  shipped: boolean;
  /** The buyer's earlier orders with the team, and their disputes (this one excluded). */
  buyerOrders: number;
  buyerDisputes: number;
  /** What a chargeback costs on top of the amount (the network's fee); default 20 in the alert's currency. */
  chargebackFee?: Money;
};

export const ALERT_TUNING = {
  /** Default chargeback fee (minor units) when the team has not set one. */
  chargebackFeeMinor: 2000,
  /** A fraud score at or above this makes a refund the safe answer. */
  highScore: 60,
  /** Below this, the buyer looks genuine. */
  lowScore: 30,
  /** Declining is only worth it for amounts of at least this many chargeback fees. */
  declineFromFees: 5,
  /** A buyer with this many earlier orders and no dispute is a known customer. */
  knownBuyerOrders: 2,
} as const;

/**
 * Refund, stop the shipment, or let the alert go. An alert left alone becomes a chargeback that costs
 * the amount plus the fee and counts in the card network's dispute ratio, so refunding is the default;
 * stopping the shipment is better when the goods have not left and the card was used by a fraudster;
 * declining is only suggested for a large amount from a known, low-risk buyer, where the team would
 * rather defend the chargeback than hand the money back.
 */
export function recommendAlert(f: AlertFacts): AlertRecommendation {
  const fee = f.chargebackFee ?? { amountMinor: ALERT_TUNING.chargebackFeeMinor, currency: f.amount.currency };
  const reasons: string[] = [];
  const score = f.fraudScore ?? null;
  if (f.kind === 'confirmed_fraud') {
    if (!f.shipped) {
      reasons.push('The card was reported as used by a fraudster and the goods have not shipped: cancelling loses nothing but the sale.');
      return { action: 'stop_fulfilment', confidence: 0.9, reasons };
    }
    reasons.push('The card was reported as used by a fraudster and the goods have shipped: a fraud chargeback would almost certainly follow.');
    reasons.push(`Refunding ${formatMoney(f.amount)} now avoids the ${formatMoney(fee)} chargeback fee and a dispute on the team's ratio.`);
    return { action: 'refund', confidence: 0.85, reasons };
  }
  const known = f.buyerOrders >= ALERT_TUNING.knownBuyerOrders && f.buyerDisputes === 0;
  const large = f.amount.amountMinor >= fee.amountMinor * ALERT_TUNING.declineFromFees;
  if (score !== null && score >= ALERT_TUNING.highScore) {
    reasons.push(`The order's fraud score is ${score}: a chargeback would be hard to win.`);
  }
  if (f.buyerDisputes > 0) reasons.push(`The buyer has disputed ${f.buyerDisputes === 1 ? 'one earlier order' : `${f.buyerDisputes} earlier orders`}.`);
  if (known && large && (score === null || score < ALERT_TUNING.lowScore)) {
    reasons.push(
      `A known buyer (${f.buyerOrders} earlier orders, no dispute)${score !== null ? ` with a low fraud score (${score})` : ''} and a large amount (${formatMoney(f.amount)}): contacting the buyer and defending a chargeback if it comes can be worth it.`,
    );
    return { action: 'decline', confidence: 0.55, reasons };
  }
  if (!large) reasons.push(`${formatMoney(f.amount)} is less than ${ALERT_TUNING.declineFromFees} chargeback fees: a refund costs less than a defence.`);
  else if (!known)
    reasons.push(
      f.buyerOrders === 0
        ? "A first-time buyer: nothing in the team's records speaks for the purchase."
        : `Only ${f.buyerOrders} earlier order${f.buyerOrders === 1 ? '' : 's'} from this buyer.`,
    );
  reasons.push(`A refund now prevents the chargeback, its ${formatMoney(fee)} fee and a dispute on the team's ratio.`);
  return { action: 'refund', confidence: score !== null && score >= ALERT_TUNING.highScore ? 0.85 : 0.7, reasons };
}
