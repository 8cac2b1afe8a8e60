import { ce3Eligibility, type Ce3Result } from '../../utils/disputes/ce3';
import { networkFromCode } from '../../utils/disputes/reasons';
import { routePath } from '../../utils/api-routes';
import type { DisputeView } from '../../utils/api-routes/disputes';
import type { Ce3Payment } from '../../utils/disputes/stripe-ce3';
import type { Ce3Field, PriorTransaction } from '../../utils/schemas/disputes';
import type { Database } from '../db/open';
import type { DisputeRow } from '../repositories/disputes';
import { disputedPayments, findCardPayments, paymentsOnCard, type CardPaymentRow } from '../repositories/card-payments';

const DAY_MS = 86_400_000;
/** Earlier payments read per dispute: CE 3.0 needs two; the rest are shown with why they do not count. */
const PRIOR_LIMIT = 50;
/** Read a little past the 365-day window, so a payment just too old is shown as such rather than hidden. */
const LOOKBACK_DAYS = 400;

export type Ce3Inputs = {
  disputedTransaction?: Ce3Payment;
  priorTransactions?: Array<PriorTransaction & Ce3Payment>;
  /** Why CE 3.0 could not be judged from the team's payments (shown on the checklist item). */
  ce3Note?: string;
};

/** Visa reason 10.4 (card-absent fraud) on a card dispute: the only case CE 3.0 applies to. */
export function ce3Applies(row: Pick<DisputeRow, 'kind' | 'network' | 'reasonCode' | 'reason'>): boolean {
  if (row.kind !== 'card_dispute') return false;
  const code = row.reasonCode?.trim();
  const network = row.network ?? (code ? networkFromCode(code) : undefined);
  if (network !== 'visa') return false;
  return code ? /^10\.4\b/.test(code) : row.reason === 'fraud_card_absent';
}

function transactionOf(p: CardPaymentRow): Ce3Payment {
  const t: Ce3Payment = { id: p.paymentId, at: p.paidAt.toISOString(), cardFingerprint: p.cardRef };
  if (p.email) t.email = p.email;
  if (p.ipAddress) t.ipAddress = p.ipAddress;
  if (p.deviceId) t.deviceId = p.deviceId;
  if (p.shippingAddress) t.shippingAddress = p.shippingAddress;
  if (p.accountId) t.accountId = p.accountId;
  if (p.orderId) t.orderId = p.orderId;
  if (p.amountMinor !== null && p.currency) t.amount = { amountMinor: p.amountMinor, currency: p.currency };
  return t;
}

/**
 * The disputed payment and the earlier payments on the same card from the team's imported payments,
 * for a dispute CE 3.0 applies to; else nothing (no query is made). An earlier payment counts as
 * disputed when the import said so or when the team holds a dispute on it.
 */
export async function ce3InputsFor(db: Database, teamId: string, row: DisputeRow): Promise<Ce3Inputs | undefined> {
  if (!ce3Applies(row)) return undefined;
  if (!row.paymentRef) return { ce3Note: 'The processor named no payment for this dispute, so earlier payments on the same card cannot be looked up.' };
  const [disputed] = await findCardPayments(db, teamId, [row.paymentRef]);
  if (!disputed)
    return {
      ce3Note: `Payment ${row.paymentRef} is not among the team's imported payments: a lead imports the payments export (${routePath('payments.import', {})}) to check earlier payments on the same card.`,
    };
  const filed = row.filedAt.getTime();
  const prior = await paymentsOnCard(db, teamId, disputed.cardRef, new Date(filed - LOOKBACK_DAYS * DAY_MS), row.filedAt, disputed.paymentId, PRIOR_LIMIT);
  if (prior.length === 0)
    return {
      disputedTransaction: transactionOf(disputed),
      ce3Note: `No earlier payment on the same card (${disputed.cardRef.slice(0, 40)}) in the team's imported payments before the dispute.`,
    };
  const withDisputes = await disputedPayments(
    db,
    teamId,
    prior.map((p) => p.paymentId),
  );
  return {
    disputedTransaction: transactionOf(disputed),
    priorTransactions: prior.map((p) => ({ ...transactionOf(p), disputed: p.disputed || withDisputes.has(p.paymentId), fraudReported: p.fraudReported })),
  };
}

/** The view's CE 3.0 part: each earlier payment with what it matches on, or why it does not count. */
export function ce3ViewOf(row: DisputeRow, inputs: Ce3Inputs | undefined): DisputeView['ce3'] {
  if (!inputs) return undefined;
  const base = { paymentRef: row.paymentRef ?? null };
  if (!inputs.disputedTransaction || !inputs.priorTransactions)
    return {
      ...base,
      status: inputs.disputedTransaction ? 'not_eligible' : 'payment_not_imported',
      qualifying: [],
      rejected: [],
      summary: inputs.ce3Note ?? '',
    };
  const result: Ce3Result = ce3Eligibility({ ...inputs.disputedTransaction, disputeFiledAt: row.filedAt.toISOString() }, inputs.priorTransactions);
  return {
    ...base,
    status: result.eligible ? 'eligible' : 'not_eligible',
    qualifying: result.qualifying.map((q) => ({ paymentId: q.transaction.id, paidAt: q.transaction.at, ageDays: q.ageDays, matched: q.matched })),
    rejected: result.rejected.map((r) => ({ paymentId: r.transaction.id, paidAt: r.transaction.at, why: r.why })),
    summary: result.summary,
  };
}

/** The disputed payment and the qualifying earlier ones with what each matched on, for Stripe's CE 3.0 block. */
export function ce3Qualifying(
  row: DisputeRow,
  inputs: Ce3Inputs | undefined,
): { disputed: Ce3Payment; qualifying: Array<{ payment: Ce3Payment; matched: Ce3Field[] }> } | undefined {
  if (!inputs?.disputedTransaction || !inputs.priorTransactions) return undefined;
  const result = ce3Eligibility({ ...inputs.disputedTransaction, disputeFiledAt: row.filedAt.toISOString() }, inputs.priorTransactions);
  if (!result.eligible) return undefined;
  return { disputed: inputs.disputedTransaction, qualifying: result.qualifying.map((q) => ({ payment: q.transaction as Ce3Payment, matched: q.matched })) };
}
