import type { PageKind } from '../../schemas';

/**
 * Pure URL predicates for Seller Central, refined-github style: each predicate has its example URLs
 * right under it, and pages.test.ts checks that every predicate accepts its own examples and rejects
 * every other predicate's. Paths may carry `/ref=xx_..._xx` segments and query strings.
 */

/** Path without `/ref=...` segments or a trailing slash. */
export function cleanPath(url: URL): string {
  return url.pathname.replace(/\/ref=[^/]*/g, '').replace(/\/+$/, '') || '/';
}

/** Marketplace orders `302-...`, test orders `000-...`, digital `D01-...`, and `S01-...` seen on order pages. */
export const ORDER_ID_SOURCE = '(?:\\d{3}|D01|S01)-\\d{7}-\\d{7}';
const ORDER_ID = new RegExp(`^${ORDER_ID_SOURCE}$`);
/** An order id inside text (a heading, a breadcrumb, a link), not glued to other digits or letters. */
export const ORDER_ID_IN_TEXT = new RegExp(`(?<![\\w-])${ORDER_ID_SOURCE}(?![\\w-])`);

/** Amazon order id format check: `302-1234567-1234567`, digital `D01-...`, `S01-...`, test orders `000-...`. */
export function isAmazonOrderId(value: string | null | undefined): value is string {
  return typeof value === 'string' && ORDER_ID.test(value.trim());
}

export const isOrderDetails = (url: URL): boolean => /^\/orders-v3\/order\/[^/]+/.test(cleanPath(url));
export const ORDER_EXAMPLES = [
  'https://sellercentral.amazon.de/orders-v3/order/302-1234567-1234567',
  'https://sellercentral.amazon.com/orders-v3/order/111-2223334-4445556/confirm-shipment',
  'https://sellercentral.amazon.co.uk/orders-v3/order/206-5556667-7778889/ref=xx_myo_dnav_xx',
  'https://sellercentral-europe.amazon.com/orders-v3/order/305-9998887-7776665?marketplaceID=A13V1IB3VIYZZH',
  'https://sellercentral.amazon.com/orders-v3/order/D01-1234567-1234567/cancel-order?ref_=xx',
];

export const isOrderList = (url: URL): boolean => {
  const path = cleanPath(url);
  return (path === '/orders-v3' || path.startsWith('/orders-v3/')) && !isOrderDetails(url);
};
export const ORDER_LIST_EXAMPLES = [
  'https://sellercentral.amazon.com/orders-v3',
  'https://sellercentral.amazon.com/orders-v3/mfn/unshipped',
  'https://sellercentral.amazon.de/orders-v3/fba/all?page=2',
  'https://sellercentral.amazon.co.uk/orders-v3/search?q=Bennett&qt=buyername',
  'https://sellercentral.amazon.com/orders-v3/ref=xx_myo_favb_xx',
];

/** An open buyer thread (`cc=<uuid>`) or the contact-buyer form. An inbox without a thread is not a case page. */
export const isMessage = (url: URL): boolean => {
  const path = cleanPath(url);
  if (path.startsWith('/messaging/contact')) return true;
  return /^\/messaging\/inbox(-v\d+)?(\/|$)/.test(path) && Boolean(url.searchParams.get('cc'));
};
export const MESSAGE_EXAMPLES = [
  'https://sellercentral.amazon.co.uk/messaging/inbox?fi=RESPONSE_NEEDED&cc=6f1c2a9e-3b7d-4c5e-9a10-2f4b8c6d1e07',
  'https://sellercentral.amazon.com/messaging/inbox-v3?fi=RESPONSE_NEEDED&cc=0b9e7d44-5a31-4f6a-8c2d-93e1f0a7b655',
  'https://sellercentral.amazon.de/messaging/contact?orderID=302-1234567-1234567&marketplaceID=A1PA6795UKMFR9',
  'https://sellercentral.amazon.com/messaging/contact/returns?orderID=111-2223334-4445556',
];

export const isClaim = (url: URL): boolean => cleanPath(url).startsWith('/gp/guarantee-claims/');
export const CLAIM_EXAMPLES = [
  'https://sellercentral.amazon.com/gp/guarantee-claims/home.html',
  'https://sellercentral.amazon.fr/gp/guarantee-claims/home.html?claimId=AZ7QK2LX9M',
  'https://sellercentral.amazon.de/gp/guarantee-claims/home.html/ref=xx_azclaim_dnav_xx',
];

export const isChargeback = (url: URL): boolean => cleanPath(url).startsWith('/gp/chargebacks/');
export const CHARGEBACK_EXAMPLES = [
  'https://sellercentral.amazon.com/gp/chargebacks/home.html',
  'https://sellercentral.amazon.com/gp/chargebacks/home.html#/details?chargebackId=CB-9F3K2Q7ZL1',
];

export const isReturn = (url: URL): boolean => {
  const path = cleanPath(url);
  return path.startsWith('/gp/returns/') || path.startsWith('/manage/returns');
};
export const RETURN_EXAMPLES = [
  'https://sellercentral.amazon.it/gp/returns/list/v2?returnRequestState=pendingAction&orderId=405-2223334-5556667',
  'https://sellercentral.amazon.com/gp/returns/list?searchType=orderId&keywordSearch=111-2223334-4445556',
  'https://sellercentral.amazon.com/manage/returns/mfn?returnRequestState=authorized',
];

export const isRefund = (url: URL): boolean => /^\/gp\/orders-v2\/refund(\.html)?$/.test(cleanPath(url));
export const REFUND_EXAMPLES = [
  'https://sellercentral.amazon.es/gp/orders-v2/refund?orderID=406-3334445-6667778',
  'https://sellercentral.amazon.com/gp/orders-v2/refund/ref=xx_refund_xx?orderID=111-2223334-4445556',
];

/** Not work pages: every predicate above must reject these. */
export const UNKNOWN_EXAMPLES = [
  'https://sellercentral.amazon.com/ap/signin?openid.return_to=https%3A%2F%2Fsellercentral.amazon.com%2Fhome',
  'https://sellercentral.amazon.de/account-switcher/default/merchantMarketplace',
  'https://sellercentral.amazon.com/inventory?viewId=FBA',
  'https://sellercentral.amazon.com/reportcentral/FlatFileAllOrdersReport/1',
  'https://sellercentral.amazon.com/messaging/inbox?fi=RESPONSE_NEEDED',
  'https://sellercentral.amazon.com/home',
];

/** Page kind from the URL alone; order matters (order details before the order list). */
export const URL_PREDICATES: ReadonlyArray<readonly [Exclude<PageKind, 'unknown'>, (url: URL) => boolean]> = [
  ['order', isOrderDetails],
  ['order-list', isOrderList],
  ['message', isMessage],
  ['claim', isClaim],
  ['chargeback', isChargeback],
  ['return', isReturn],
  ['refund', isRefund],
];

export const EXAMPLES: Readonly<Record<PageKind, readonly string[]>> = {
  order: ORDER_EXAMPLES,
  'order-list': ORDER_LIST_EXAMPLES,
  message: MESSAGE_EXAMPLES,
  claim: CLAIM_EXAMPLES,
  chargeback: CHARGEBACK_EXAMPLES,
  return: RETURN_EXAMPLES,
  refund: REFUND_EXAMPLES,
  unknown: UNKNOWN_EXAMPLES,
};

export function pageKindFromUrl(url: URL): PageKind {
  return URL_PREDICATES.find(([, matches]) => matches(url))?.[0] ?? 'unknown';
}
