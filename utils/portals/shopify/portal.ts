import type { PageContext } from '../../schemas';
import type { PageClock } from '../../sla/page-clock';
import type { PortalDefinition } from '../definition';
import { SHOPIFY_HOSTS, SHOPIFY_MATCHES } from './hosts';

const CODE_RE = /^SHOPIFY(?:-([A-Z]{2}))?$/;

/**
 * A dispute that needs a response runs on the card networks' clock, ending on Shopify's evidence due date
 * (the countdown ends when Shopify closes the response, and a dispute's deadline is the earlier of that and
 * the team's card window). Other disputes take the card window from the notice; orders have no deadline.
 * The card clock is generic, not one of this portal's own, hence the widening cast.
 */
function shopifyClockFor(ctx: PageContext): PageClock<never> | null | undefined {
  if (ctx.pageKind !== 'chargeback') return null;
  const due = ctx.chargeback?.respondBy;
  return due ? ({ caseKind: 'card_dispute', endsAt: due } as PageClock as unknown as PageClock<never>) : undefined;
}

/**
 * The Shopify admin of a team's own store: what the rest of Caseside knows about it (the DOM side is
 * ./index.ts). Its pages are orders; a Shopify Payments dispute shown on an order is the shop's own card
 * dispute (no marketplace in between), so it runs on the card networks' window unless Shopify's
 * evidence due date comes first.
 */
export const shopifyPortal: PortalDefinition<'shopify', never, never> = {
  id: 'shopify',
  name: 'Shopify',
  hosts: SHOPIFY_HOSTS,
  matches: SHOPIFY_MATCHES,
  detector: { entrypoint: 'shopify-detector', file: 'shopify' },
  panel: { entrypoint: 'panel-shopify' },
  marketplaces: {
    // `SHOPIFY`, or `SHOPIFY-<country>` for a team that tells its stores apart by country.
    codePattern: /^SHOPIFY(-[A-Z]{2})?$/,
    owns: (code) => CODE_RE.test(code.trim().toUpperCase()),
    country: (code) => CODE_RE.exec(code.trim().toUpperCase())?.[1] ?? '',
  },
  sla: {
    policies: {},
    fixedClocks: [],
    clockFor: shopifyClockFor,
    clockOfCaseKind: {},
  },
  disputes: { kinds: {}, kindForPage: () => undefined },
  templates: {
    // The store's name is not the storefront buyers know reliably; its myshopify domain is.
    storefrontName: (ctx) => ctx.marketplace?.domain,
    orderId: (ctx) => ctx.orderId ?? ctx.orderNumber,
    // Templates go into the timeline as staff-only notes, never to the buyer: no buyer-messaging rules.
    messagingRules: [],
  },
  messagesFrom: 'buyer',
  // Order names in Shopify's default form ("#1001"); a store's own prefix ("HL-4471") looks like any id.
  isOrderId: (orderId) => /^#\d{1,12}$/.test(orderId),
};
