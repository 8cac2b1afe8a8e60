import { z } from 'zod';
import { Instant, Money, PageKind, PortalId } from './common';
import { LIMITS, PageText } from './fields';

/**
 * What an adapter read from a portal page. Every field but the first few is optional: a page that
 * does not show a value leaves it undefined and names it in `recognition.missing`.
 * All text is plain text, never markup; the panel renders it as text.
 */
export const Marketplace = z.strictObject({
  /** Short code: US, UK, DE, FR, IT, ES, JP, ... ; a portal's own form such as `ZALANDO-DE` or an operator's `<OPERATOR>-<COUNTRY>`. */
  code: z.string().min(2).max(27),
  /** Amazon marketplace id such as A1PA6795UKMFR9, when known. */
  amazonId: PageText().optional(),
  /** The storefront domain (Amazon.de) when shown on the page. */
  domain: PageText().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** IANA zone that the marketplace's deadlines and odd-hour checks use. */
  timeZone: PageText().optional(),
  /** Default buyer language for this marketplace. */
  language: z.enum(['en', 'de', 'fr', 'es', 'it', 'ja', 'nl', 'pl', 'sv', 'pt']).optional(),
});
export type Marketplace = z.infer<typeof Marketplace>;

export const Address = z.strictObject({
  name: PageText().optional(),
  /** One entry per address line as shown on the page. */
  lines: z.array(PageText()).max(LIMITS.listItems),
  city: PageText().optional(),
  /** State or province code as printed (US `WA`, CA `ON`). */
  region: PageText().optional(),
  postalCode: PageText().optional(),
  /** ISO 3166-1 alpha-2 when it can be told, else undefined. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** Amazon's address type text (Residential/Commercial) or Zalando's HOME_ADDRESS/PACK_STATION/PICKUP_POINT. */
  type: PageText().optional(),
  phone: PageText().optional(),
});
export type Address = z.infer<typeof Address>;

export const OrderItem = z.strictObject({
  title: PageText().optional(),
  asin: PageText().optional(),
  sku: PageText().optional(),
  /** Zalando article/EAN or line id. */
  articleId: PageText().optional(),
  quantity: z.number().int().nonnegative().max(1_000_000),
  unitPrice: Money.optional(),
  status: PageText().optional(),
  /** The variant of the product ordered, as the page names it (Shopify: "Charcoal / L"). */
  variant: PageText().optional(),
});
export type OrderItem = z.infer<typeof OrderItem>;

export const Totals = z.strictObject({
  subtotal: Money.optional(),
  shipping: Money.optional(),
  total: Money.optional(),
});

export const ClaimInfo = z.strictObject({
  id: PageText().optional(),
  amount: Money.optional(),
  reason: PageText().optional(),
  filedAt: Instant.optional(),
  /** A-to-z claims: information request, appeal ... */
  stage: PageText().optional(),
  status: PageText().optional(),
});

export const ChargebackInfo = z.strictObject({
  id: PageText().optional(),
  amount: Money.optional(),
  /** Reason text or card network reason code (10.4, 13.1, 4853 ...). */
  reason: PageText().optional(),
  notifiedAt: Instant.optional(),
  respondBy: Instant.optional(),
  status: PageText().optional(),
  /** Where the dispute stands in the card process when the page says: an inquiry (nothing reversed yet) or a chargeback. */
  stage: z.enum(['inquiry', 'chargeback']).optional(),
});

export const ReturnInfo = z.strictObject({
  id: PageText().optional(),
  reason: PageText().optional(),
  requestedAt: Instant.optional(),
  receivedAt: Instant.optional(),
  status: PageText().optional(),
  amount: Money.optional(),
});

export const MessageInfo = z.strictObject({
  threadId: PageText().optional(),
  subject: PageText().optional(),
  /** Latest buyer message as plain text. */
  body: PageText(LIMITS.pageLongText).optional(),
  receivedAt: Instant.optional(),
  /** Customer Care (Zalando) or buyer (Amazon). */
  from: PageText().optional(),
});

/**
 * How a field was found, best first: a known hook (`data-test-id`, a class seen on the real page), its
 * label in one of the portal's UI languages, a structural cue (an order link inside the item in focus,
 * an id pattern in the heading), or the URL.
 */
export const FieldTier = z.enum(['hook', 'label', 'structure', 'url']);
export type FieldTier = z.infer<typeof FieldTier>;

export const Recognition = z.strictObject({
  /** full: every expected hook found; partial: some missing; unrecognized: the page no longer looks as expected. */
  status: z.enum(['full', 'partial', 'unrecognized']),
  /** Names of fields or selectors that were expected on this page kind and not found. */
  missing: z.array(PageText(LIMITS.shortText)).max(LIMITS.listItems),
  /**
   * Fields found, but below the tier they are expected at (`buyer.name: label` when its hook vanished):
   * a redesign shows here before anything breaks.
   */
  lowerTier: z.array(PageText(80)).max(60).optional(),
});
export type Recognition = z.infer<typeof Recognition>;

/**
 * When the case's clock started, as the page shows it. `at` is the start (the buyer's oldest unanswered
 * message, see docs/decisions/0005, the chargeback notice, the claim or Amazon's information request); `endsAt` is a deadline the
 * page itself shows (a chargeback's respond-by date), which wins over the policy's duration. Absent when
 * the page shows neither: the clock then starts when the case is first seen, and the panel says so.
 */
export const ClockStart = z.strictObject({
  at: Instant.optional(),
  endsAt: Instant.optional(),
  source: z.enum([
    'buyer-message',
    'customer-care-request',
    'notice',
    'respond-by',
    'claim',
    'information-request',
    'return-request',
    'return-received',
    'purchase',
  ]),
});
export type ClockStart = z.infer<typeof ClockStart>;

export const PageContext = z.strictObject({
  portal: PortalId,
  pageKind: PageKind,
  url: z.string().max(LIMITS.url).url(),
  marketplace: Marketplace.optional(),
  /** Stored as the case's order id, which every answer bounds to LIMITS.orderId. */
  orderId: PageText(LIMITS.orderId).optional(),
  /** Zalando's customer-facing order number (digits) when the order id is a UUID, and vice versa. */
  orderNumber: PageText().optional(),
  /** zDirect: the order's UUID (the Orders API's id), kept as the internal key while orderId is the order number people quote. */
  orderRef: PageText(100).optional(),
  buyer: z
    .strictObject({
      name: PageText().optional(),
      customerNumber: PageText().optional(),
      email: PageText().optional(),
    })
    .optional(),
  shipTo: Address.optional(),
  billTo: Address.optional(),
  items: z.array(OrderItem).max(LIMITS.listItems).default([]),
  totals: Totals.optional(),
  purchasedAt: Instant.optional(),
  shipBy: Instant.optional(),
  /** The date an order must be accepted by, on marketplaces where the seller accepts each order (else it is refused). */
  acceptBy: Instant.optional(),
  deliverBy: Instant.optional(),
  /** IANA zone of the times as the portal showed them (from the zone abbreviation or the marketplace). */
  portalTimeZone: PageText().optional(),
  fulfilmentChannel: PageText().optional(),
  shippingService: PageText().optional(),
  trackingNumber: PageText().optional(),
  orderStatus: PageText().optional(),
  claim: ClaimInfo.optional(),
  chargeback: ChargebackInfo.optional(),
  return: ReturnInfo.optional(),
  message: MessageInfo.optional(),
  clockStart: ClockStart.optional(),
  /** The portal's own fraud assessment of the order, when the page shows one (Shopify's fraud analysis). */
  portalRisk: z
    .strictObject({
      level: z.enum(['HIGH', 'MEDIUM', 'LOW', 'NONE', 'PENDING']),
      /** What the portal recommends; absent while it has not said (a pending analysis). */
      recommendation: z.enum(['CANCEL', 'INVESTIGATE', 'ACCEPT', 'NONE']).optional(),
      /** The indicators it lists, as shown. */
      indicators: z.array(PageText()).max(20).optional(),
    })
    .optional(),
  /** Which tier read each field (field name, e.g. `orderId`, `buyer.name`, to tier). */
  fieldTiers: z.record(PageText(60), FieldTier).optional(),
  recognition: Recognition,
});
export type PageContext = z.infer<typeof PageContext>;
export type PageContextInput = z.input<typeof PageContext>;
