import { fraudKeysFor, type FraudKeys } from '../../utils/fraud/keys';
import { PORTAL_DEFINITIONS } from '../../utils/portals/catalogue';
import type { CasePortal, PortalId } from '../../utils/schemas/common';
import { normalizeName } from '../../utils/fraud/normalize';
import type { CaseKind } from '../../utils/schemas/api';
import type { PageContext } from '../../utils/schemas/page';
import type { CaseKey } from '../repositories/cases';
import type { OrderSnapshotInput } from '../repositories/orders';

/**
 * Turns what an adapter read from a portal page into the rows the backend keeps: the order snapshot
 * with its matching keys, and the key of the case the page is about. Pure, so it is tested directly.
 */

/** Zalando shows a UUID order id and a digit order number; either identifies the order. */
export function orderKeyOf(ctx: PageContext): string | undefined {
  return ctx.orderId ?? ctx.orderNumber;
}

const nonEmpty = (s: string | undefined | null): string | null => (s && s.trim() !== '' ? s : null);

export function buyerNameOf(ctx: PageContext): string | null {
  return nonEmpty(ctx.buyer?.name) ?? nonEmpty(ctx.shipTo?.name);
}

/**
 * The page context as used for matching: an address is where, not who, but Amazon's address block
 * (and so the adapter's `lines`) starts with the recipient's name. Left in, "Max Mustermann" and
 * "Anna Schmidt" at one door would get different address keys. Lines equal to the address's name
 * (compared as name keys) are dropped; everything else is unchanged.
 */
export function contextForMatching(ctx: PageContext): PageContext {
  const clean = (address: PageContext['shipTo']): PageContext['shipTo'] => {
    if (!address?.name) return address;
    const nameKey = normalizeName(address.name);
    if (nameKey === '') return address;
    const lines = address.lines.filter((line) => normalizeName(line) !== nameKey);
    return lines.length === address.lines.length ? address : { ...address, lines };
  };
  if (!ctx.shipTo?.name && !ctx.billTo?.name) return ctx;
  return { ...ctx, shipTo: clean(ctx.shipTo), billTo: clean(ctx.billTo) };
}

/**
 * Everything the backend derives from one page context, computed once per request: the context as
 * matched (names dropped from address lines), its fraud keys (names, address and phone normalised once),
 * the order snapshot to keep and the page's case.
 */
export interface PageKeys {
  orderId: string | null;
  matching: PageContext;
  keys: FraudKeys;
  buyerKey: string | null;
  snapshot: OrderSnapshotInput | undefined;
  caseKey: CaseKey | undefined;
}

export function pageKeysOf(ctx: PageContext): PageKeys {
  const matching = contextForMatching(ctx);
  const keys = fraudKeysFor(matching);
  const buyerKey = keys.buyerKey ?? null;
  return { orderId: orderKeyOf(ctx) ?? null, matching, keys, buyerKey, snapshot: snapshotWithKeys(ctx, keys), caseKey: caseKeyWith(ctx, buyerKey) };
}

/** The buyer's matching key, the same one the fraud engine compares (name, else customer number/email). */
export function buyerKeyOf(ctx: PageContext): string | null {
  return fraudKeysFor(contextForMatching(ctx)).buyerKey ?? null;
}

/** The order snapshot to upsert, or undefined when the page names no order. */
export function orderSnapshotOf(ctx: PageContext): OrderSnapshotInput | undefined {
  return pageKeysOf(ctx).snapshot;
}

function snapshotWithKeys(ctx: PageContext, keys: FraudKeys): OrderSnapshotInput | undefined {
  const orderId = orderKeyOf(ctx);
  if (!orderId) return undefined;
  const total = ctx.totals?.total;
  // The recognition report is about the page, not the order; everything else is what the agent saw.
  // An empty list means "not shown on this page" (a claim page lists no items), not "the order has none":
  // leaving it out keeps what an order page recorded, since snapshots are merged key by key.
  const { recognition: _recognition, items, ...rest } = ctx;
  const seen = items.length > 0 ? { ...rest, items } : rest;
  return {
    portal: ctx.portal,
    marketplace: ctx.marketplace?.code ?? null,
    orderId,
    buyerName: buyerNameOf(ctx),
    buyerKey: keys.buyerKey ?? null,
    addressKey: keys.addressKey ?? null,
    phoneKey: keys.phoneKey ?? null,
    country: ctx.shipTo?.country ?? null,
    totalMinor: total?.amountMinor ?? null,
    currency: total?.currency ?? null,
    purchasedAt: ctx.purchasedAt ? new Date(ctx.purchasedAt) : null,
    shipService: ctx.shippingService ?? null,
    snapshot: seen as Record<string, unknown>,
  };
}

/** The case a page is about: kind from the page kind, ref from the page's own id (else the order id). */
export function caseKeyOf(ctx: PageContext): CaseKey | undefined {
  return caseKeyWith(ctx, buyerKeyOf(ctx));
}

function caseKeyWith(ctx: PageContext, buyerKey: string | null): CaseKey | undefined {
  const orderId = orderKeyOf(ctx) ?? null;
  let kind: CaseKind;
  let ref: string | null | undefined;
  switch (ctx.pageKind) {
    case 'order':
      [kind, ref] = ['order', orderId];
      break;
    case 'claim':
      [kind, ref] = ['claim', ctx.claim?.id ?? orderId];
      break;
    case 'chargeback':
      [kind, ref] = ['chargeback', ctx.chargeback?.id ?? orderId];
      break;
    case 'return':
      [kind, ref] = ['return', ctx.return?.id ?? orderId];
      break;
    case 'message':
      [kind, ref] = ['message', ctx.message?.threadId ?? orderId];
      break;
    case 'refund':
      [kind, ref] = ['refund', orderId];
      break;
    case 'order-list':
    case 'unknown':
      return undefined;
  }
  if (!ref) return undefined;
  return { kind, portal: ctx.portal, marketplace: ctx.marketplace?.code ?? null, ref, orderId, buyerKey };
}

/**
 * The portal of an order known only by its id (a note written before any page load): the first portal
 * whose order ids have that shape (its folder says); anything else is the team's own shop.
 */
export function guessPortalOfOrderId(orderId: string): CasePortal {
  return (PORTAL_DEFINITIONS.find((p) => p.isOrderId(orderId))?.id as PortalId | undefined) ?? 'shop';
}
