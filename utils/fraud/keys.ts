import type { PageContext } from '../schemas/page';
import { normalizeAddress, normalizeEmail, normalizeName, normalizePhone } from './normalize';

export type FraudKeys = { buyerKey?: string; addressKey?: string; phoneKey?: string };

/**
 * The keys the backend stores with each order so that later orders can find it (velocity, shared
 * address). The buyer key is the buyer's name key (ring detection is about names); without a name it
 * falls back to the customer number or email, prefixed so it can never equal a name key.
 */
export function fraudKeysFor(ctx: PageContext): FraudKeys {
  const keys: FraudKeys = {};
  const name = normalizeName(ctx.buyer?.name ?? ctx.shipTo?.name ?? '');
  if (name !== '') keys.buyerKey = name;
  else if (ctx.buyer?.customerNumber) keys.buyerKey = `cust:${ctx.buyer.customerNumber.trim()}`;
  else if (ctx.buyer?.email) keys.buyerKey = `email:${normalizeEmail(ctx.buyer.email)}`;

  const ship = ctx.shipTo;
  if (ship && (ship.lines.some((l) => l.trim() !== '') || ship.postalCode)) keys.addressKey = normalizeAddress(ship);

  const phone = normalizePhone(ship?.phone ?? ctx.billTo?.phone ?? '', ship?.country ?? ctx.billTo?.country);
  // Very short digit strings are placeholders ("0", "123"), not phone numbers.
  if (phone.length >= 6) keys.phoneKey = phone;
  return keys;
}
