import type { PortalDefinition } from '../definition';
import { SELLER_CENTRAL_HOST_RE, SELLER_CENTRAL_HOSTS } from './hosts';
import { amazonMarketplaceFor } from './marketplaces';
import { AMAZON_MESSAGING_RULES, amazonStorefrontName } from './messaging';
import { AMAZON_POLICIES, amazonClockFor, type AmazonClock } from './sla';

export type AmazonDispute = 'amazon_chargeback' | 'amazon_atoz';

/** Amazon Seller Central: what the rest of Caseside knows about it (the DOM side is ./index.ts). */
export const amazonPortal: PortalDefinition<'amazon', AmazonClock, AmazonDispute> = {
  id: 'amazon',
  name: 'Amazon',
  hosts: SELLER_CENTRAL_HOSTS,
  detector: { entrypoint: 'seller-central-detector', file: 'seller-central' },
  panel: { entrypoint: 'panel-amazon' },
  marketplaces: {
    // Amazon's codes are the plain country codes (US, DE, UK ...), which the generic pattern covers.
    owns: (code) => amazonMarketplaceFor(code) !== undefined,
    country: (code) => code.trim().toUpperCase(),
  },
  sla: {
    policies: AMAZON_POLICIES,
    fixedClocks: ['amazon_mfn_shipment'],
    clockFor: amazonClockFor,
    // A claim without its stage counts as an information request; orders and refunds have no stored start.
    clockOfCaseKind: {
      message: 'amazon_buyer_message',
      claim: 'amazon_atoz_info_request',
      chargeback: 'amazon_chargeback',
      return: 'amazon_return_authorization',
    },
  },
  disputes: {
    kinds: {
      amazon_chargeback: {
        claim: false,
        labels: { en: 'Amazon chargeback', de: 'Amazon-Rückbuchung', fr: 'rétrofacturation Amazon', es: 'contracargo de Amazon', it: 'chargeback Amazon' },
      },
      amazon_atoz: {
        claim: true,
        labels: {
          en: 'A-to-z Guarantee claim',
          de: 'A-bis-z-Garantieantrag',
          fr: 'réclamation Garantie A à Z',
          es: 'reclamación de la Garantía de la A a la Z',
          it: 'reclamo Garanzia dalla A alla Z',
        },
        refundSentence: 'Refunding the buyer closes the A-to-z claim before Amazon decides it',
      },
    },
    kindForPage: (ctx) => (ctx.pageKind === 'chargeback' ? 'amazon_chargeback' : ctx.pageKind === 'claim' ? 'amazon_atoz' : undefined),
  },
  templates: {
    storefrontName: amazonStorefrontName,
    orderId: (ctx) => ctx.orderId ?? ctx.orderNumber,
    messagingRules: AMAZON_MESSAGING_RULES,
  },
  relayEmailDomain: /(^|\.)marketplace\.amazon\.[a-z.]+$/,
  messagesFrom: 'buyer',
  // Amazon's order ids have a fixed shape (digital orders start with D01).
  isOrderId: (orderId) => /^(\d{3}|D01)-\d{7}-\d{7}$/.test(orderId),
  // Order cases open on their order page, on the Seller Central host the team last used for it
  // (sellercentral-europe.amazon.com for a unified EU account) or else the marketplace's own.
  caseUrl: (c, seenHost) => {
    if (c.kind !== 'order' || !c.orderId) return undefined;
    const tld = amazonMarketplaceFor(c.marketplace ?? undefined)?.tld;
    const host = seenHost && SELLER_CENTRAL_HOST_RE.test(seenHost) ? seenHost : tld ? `sellercentral.amazon.${tld}` : undefined;
    return host ? `https://${host}/orders-v3/order/${encodeURIComponent(c.orderId)}` : undefined;
  },
};
