import * as z from 'zod/mini';
import { LIMITS } from '../limits';
import { Instant, Money, PageKind, PageText, PortalId } from './fields';

/**
 * PageContext (utils/schemas/page.ts) in zod/mini, for the adapters' finalizeContext in the panel
 * script. Field for field the same checks, in the same order; see fields.ts for why and how it is tested.
 */
const text = () => z.optional(PageText());

export const Marketplace = z.strictObject({
  code: z.string().check(z.minLength(2), z.maxLength(27)),
  amazonId: text(),
  domain: text(),
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
  timeZone: text(),
  language: z.optional(z.enum(['en', 'de', 'fr', 'es', 'it', 'ja', 'nl', 'pl', 'sv', 'pt'])),
});

export const Address = z.strictObject({
  name: text(),
  lines: z.array(PageText()).check(z.maxLength(LIMITS.listItems)),
  city: text(),
  region: text(),
  postalCode: text(),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  type: text(),
  phone: text(),
});

export const OrderItem = z.strictObject({
  title: text(),
  asin: text(),
  sku: text(),
  articleId: text(),
  quantity: z.number().check(z.int(), z.nonnegative(), z.maximum(1_000_000)),
  unitPrice: z.optional(Money),
  status: text(),
  variant: text(),
});

const Totals = z.strictObject({ subtotal: z.optional(Money), shipping: z.optional(Money), total: z.optional(Money) });

const ClaimInfo = z.strictObject({
  id: text(),
  amount: z.optional(Money),
  reason: text(),
  filedAt: z.optional(Instant),
  stage: text(),
  status: text(),
});

const ChargebackInfo = z.strictObject({
  id: text(),
  amount: z.optional(Money),
  reason: text(),
  notifiedAt: z.optional(Instant),
  respondBy: z.optional(Instant),
  status: text(),
  stage: z.optional(z.enum(['inquiry', 'chargeback'])),
});

const ReturnInfo = z.strictObject({
  id: text(),
  reason: text(),
  requestedAt: z.optional(Instant),
  receivedAt: z.optional(Instant),
  status: text(),
  amount: z.optional(Money),
});

const MessageInfo = z.strictObject({
  threadId: text(),
  subject: text(),
  body: z.optional(PageText(LIMITS.pageLongText)),
  receivedAt: z.optional(Instant),
  from: text(),
});

const FieldTier = z.enum(['hook', 'label', 'structure', 'url']);

export const Recognition = z.strictObject({
  status: z.enum(['full', 'partial', 'unrecognized']),
  missing: z.array(PageText(LIMITS.shortText)).check(z.maxLength(LIMITS.listItems)),
  lowerTier: z.optional(z.array(PageText(80)).check(z.maxLength(60))),
});

const ClockStart = z.strictObject({
  at: z.optional(Instant),
  endsAt: z.optional(Instant),
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

export const PageContext = z.strictObject({
  portal: PortalId,
  pageKind: PageKind,
  url: z.string().check(z.maxLength(LIMITS.url), z.url()),
  marketplace: z.optional(Marketplace),
  orderId: z.optional(PageText(LIMITS.orderId)),
  orderNumber: text(),
  orderRef: z.optional(PageText(100)),
  buyer: z.optional(z.strictObject({ name: text(), customerNumber: text(), email: text() })),
  shipTo: z.optional(Address),
  billTo: z.optional(Address),
  items: z._default(z.array(OrderItem).check(z.maxLength(LIMITS.listItems)), []),
  totals: z.optional(Totals),
  purchasedAt: z.optional(Instant),
  shipBy: z.optional(Instant),
  acceptBy: z.optional(Instant),
  deliverBy: z.optional(Instant),
  portalTimeZone: text(),
  fulfilmentChannel: text(),
  shippingService: text(),
  trackingNumber: text(),
  orderStatus: text(),
  claim: z.optional(ClaimInfo),
  chargeback: z.optional(ChargebackInfo),
  portalRisk: z.optional(
    z.strictObject({
      level: z.enum(['HIGH', 'MEDIUM', 'LOW', 'NONE', 'PENDING']),
      recommendation: z.optional(z.enum(['CANCEL', 'INVESTIGATE', 'ACCEPT', 'NONE'])),
      indicators: z.optional(z.array(PageText()).check(z.maxLength(20))),
    }),
  ),
  return: z.optional(ReturnInfo),
  message: z.optional(MessageInfo),
  clockStart: z.optional(ClockStart),
  fieldTiers: z.optional(z.record(PageText(60), FieldTier)),
  recognition: Recognition,
});
