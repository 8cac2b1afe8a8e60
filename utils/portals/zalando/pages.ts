import type { PageKind } from '../../schemas';

/**
 * zDirect paths are not publicly documented, so these predicates are plausible guesses (the
 * fixtures use them) and `classifyByContent` in detect.ts recognises the same pages on any path.
 * Example URLs sit right under each predicate; pages.test.ts cross-checks them.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const cleanPath = (url: URL) => url.pathname.replace(/\/+$/, '') || '/';

export const isUuid = (value: string | null | undefined): value is string => typeof value === 'string' && new RegExp(`^${UUID}$`, 'i').test(value.trim());

export const isOrderDetails = (url: URL): boolean => new RegExp(`^/orders/(${UUID}|\\d{10,20})$`, 'i').test(cleanPath(url));
export const ORDER_EXAMPLES = [
  'https://zdirect.zalando.com/orders/8f0c6a52-1d2e-4b7a-9c3f-5e6d7a8b9c01',
  'https://zdirect.zalando.com/orders/1040970000502251',
];

export const isOrderList = (url: URL): boolean => cleanPath(url) === '/orders';
export const ORDER_LIST_EXAMPLES = ['https://zdirect.zalando.com/orders?status=approved', 'https://zdirect.zalando.com/orders/'];

export const isReturn = (url: URL): boolean => /^\/returns(\/|$)/.test(cleanPath(url));
export const RETURN_EXAMPLES = [
  'https://zdirect.zalando.com/returns/4d3c2b1a-0f9e-4d8c-b7a6-958473625140',
  'https://zdirect.zalando.com/returns?orderNumber=1040970000502251',
];

export const isMessage = (url: URL): boolean => /^\/customer-care\/requests\/[^/]+$/.test(cleanPath(url));
export const MESSAGE_EXAMPLES = ['https://zdirect.zalando.com/customer-care/requests/CC-20251102-4711'];

export const UNKNOWN_EXAMPLES = [
  'https://zdirect.zalando.com/',
  'https://zdirect.zalando.com/dashboard',
  'https://zdirect.zalando.com/articles?status=online',
  'https://zdirect.zalando.com/customer-care',
  'https://zdirect.zalando.com/settings/users',
];

export const URL_PREDICATES: ReadonlyArray<readonly [Exclude<PageKind, 'unknown'>, (url: URL) => boolean]> = [
  ['order', isOrderDetails],
  ['order-list', isOrderList],
  ['return', isReturn],
  ['message', isMessage],
];

export const EXAMPLES: Readonly<Partial<Record<PageKind, readonly string[]>>> = {
  order: ORDER_EXAMPLES,
  'order-list': ORDER_LIST_EXAMPLES,
  return: RETURN_EXAMPLES,
  message: MESSAGE_EXAMPLES,
  unknown: UNKNOWN_EXAMPLES,
};

export function pageKindFromUrl(url: URL): PageKind {
  return URL_PREDICATES.find(([, matches]) => matches(url))?.[0] ?? 'unknown';
}
