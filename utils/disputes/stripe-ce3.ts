import type { CardTransaction, Ce3Field } from '../schemas/disputes';

/**
 * Stripe's `evidence.enhanced_evidence.visa_compelling_evidence_3` from the team's own payments: the
 * disputed payment's identifiers and exactly two qualifying earlier payments (Stripe takes exactly two),
 * the most recent first. Only the elements Stripe accepts are sent: a device identifier goes as
 * `customer_device_fingerprint` when it has 20 characters or more, as `customer_device_id` from 15,
 * and not at all when shorter (said in the warnings); the shipping address is kept as one line here and
 * Stripe wants every address field, so it is never sent (also said). Pure.
 */

export type Ce3Payment = CardTransaction & { email?: string };

export interface StripeCe3Identifiers {
  customer_account_id?: string;
  customer_device_fingerprint?: string;
  customer_device_id?: string;
  customer_email_address?: string;
  customer_purchase_ip?: string;
  product_description?: string;
}

export interface StripeCe3 {
  disputed_transaction: StripeCe3Identifiers & { merchandise_or_services: 'merchandise' | 'services' };
  prior_undisputed_transactions: Array<StripeCe3Identifiers & { charge: string }>;
}

export const STRIPE_DEVICE_FINGERPRINT_MIN = 20;
export const STRIPE_DEVICE_ID_MIN = 15;

function identifiers(p: Ce3Payment, productDescription: string | undefined, warn: (w: string) => void): StripeCe3Identifiers {
  const out: StripeCe3Identifiers = {};
  if (p.accountId) out.customer_account_id = p.accountId;
  if (p.email) out.customer_email_address = p.email;
  if (p.ipAddress) out.customer_purchase_ip = p.ipAddress;
  if (p.deviceId) {
    if (p.deviceId.length >= STRIPE_DEVICE_FINGERPRINT_MIN) out.customer_device_fingerprint = p.deviceId;
    else if (p.deviceId.length >= STRIPE_DEVICE_ID_MIN) out.customer_device_id = p.deviceId;
    else warn(`The device identifier of ${p.id} has ${p.deviceId.length} characters; Stripe takes 15 or more, so it is not sent.`);
  }
  if (productDescription) out.product_description = productDescription;
  return out;
}

export function stripeCe3(input: {
  disputed: Ce3Payment;
  /** The qualifying earlier payments, as ce3Eligibility found them (with what each matched on). */
  qualifying: ReadonlyArray<{ payment: Ce3Payment; matched: readonly Ce3Field[] }>;
  productDescription?: string;
  /** Goods shipped (merchandise) or a service. */
  shipped: boolean;
}): { ce3?: StripeCe3; warnings: string[] } {
  const warnings: string[] = [];
  if (input.qualifying.length < 2) return { warnings };
  const two = [...input.qualifying].sort((a, b) => Date.parse(b.payment.at) - Date.parse(a.payment.at)).slice(0, 2);
  const warn = (w: string) => warnings.push(w);
  const ce3: StripeCe3 = {
    disputed_transaction: {
      ...identifiers(input.disputed, input.productDescription, warn),
      merchandise_or_services: input.shipped ? 'merchandise' : 'services',
    },
    prior_undisputed_transactions: two.map(({ payment }) => ({ charge: payment.id, ...identifiers(payment, undefined, warn) })),
  };
  if (two.some((q) => q.matched.includes('shippingAddress')))
    warnings.push(
      "A qualifying payment matches on the shipping address, which is kept as one line: add the address fields in Stripe's Dashboard if the match relies on it.",
    );
  for (const { payment } of two)
    if (!/^(ch|py)_/.test(payment.id))
      warnings.push(`${payment.id} is not a Stripe charge id (ch_ or py_): Stripe takes only its own charges as prior transactions.`);
  return { ce3, warnings };
}
