import type { PageKind } from '../../schemas';
import { isOrderNumber, isUuid } from './ids';

export { isUuid } from './ids';

/**
 * zDirect paths are not publicly documented: every predicate here is (speculative), a guess kept
 * because it lets a page be recognised while its content is still loading. detect.ts reads the page's
 * own headings, tabs and labels first; the URL decides only when the content does not (yet) say.
 * Example URLs sit under each predicate; pages.test.ts cross-checks them.
 */
const cleanPath = (url: URL) => url.pathname.replace(/\/+$/, '') || '/';
/** `/orders/...` with or without a section prefix such as `/order-management` (speculative). */
const ORDERS_ROOT = /^(?:\/order-management)?\/orders/;

const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export const isOrderDetails = (url: URL): boolean => {
  const path = cleanPath(url);
  if (ORDERS_ROOT.test(path) && path.split('/').length === (path.startsWith('/order-management') ? 4 : 3)) {
    const id = lastSegment(path);
    return isUuid(id) || isOrderNumber(id);
  }
  if (path === '/app/fulfillment/details') return isUuid(url.searchParams.get('id'));
  // The orders list with one order open (a drawer), or one order asked for by number.
  if (ORDERS_ROOT.test(path) && /^(?:\/order-management)?\/orders$/.test(path)) {
    return isUuid(url.searchParams.get('selected')) || isOrderNumber(url.searchParams.get('orderNumber'));
  }
  return false;
};
export const ORDER_EXAMPLES = [
  'https://zdirect.zalando.com/orders/8f0c6a52-1d2e-4b7a-9c3f-5e6d7a8b9c01',
  'https://zdirect.zalando.com/orders/1040970000502251',
  'https://zdirect.zalando.com/order-management/orders/5a1f3c7e-9b2d-4e8f-a0c1-3d5e7f9a1b2c',
  'https://zdirect.zalando.com/app/fulfillment/details?id=2b7e4c19-6a3d-4f80-b1c2-d3e4f5a6b7c8',
  'https://zdirect.zalando.com/orders?status=approved&selected=e1d2c3b4-a5f6-4e7d-9c8b-7a6f5e4d3c2b',
  'https://zdirect.zalando.com/orders?orderNumber=1041230009912345',
];

export const isOrderList = (url: URL): boolean => {
  const path = cleanPath(url);
  return (/^(?:\/order-management)?\/orders$/.test(path) && !isOrderDetails(url)) || path === '/app/fulfillment/overview';
};
export const ORDER_LIST_EXAMPLES = [
  'https://zdirect.zalando.com/orders?status=approved',
  'https://zdirect.zalando.com/orders/',
  'https://zdirect.zalando.com/order-management/orders?tab=initial',
  'https://zdirect.zalando.com/app/fulfillment/overview?state=all',
];

export const isReturn = (url: URL): boolean => /^(?:\/order-management)?\/returns(\/|$)/.test(cleanPath(url));
export const RETURN_EXAMPLES = [
  'https://zdirect.zalando.com/returns/4d3c2b1a-0f9e-4d8c-b7a6-958473625140',
  'https://zdirect.zalando.com/returns?orderNumber=1040970000502251',
  'https://zdirect.zalando.com/order-management/returns/c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f',
];

export const isMessage = (url: URL): boolean => {
  const path = cleanPath(url);
  return /^\/customer-care\/requests(\/[^/]+)?$/.test(path) || path === '/customer-care/inbox';
};
export const MESSAGE_EXAMPLES = [
  'https://zdirect.zalando.com/customer-care/requests/CC-20251102-4711',
  'https://zdirect.zalando.com/customer-care/requests?orderNumber=1041230009912345',
  'https://zdirect.zalando.com/customer-care/inbox?request=open',
];

export const UNKNOWN_EXAMPLES = [
  'https://zdirect.zalando.com/',
  'https://zdirect.zalando.com/dashboard',
  'https://zdirect.zalando.com/articles?status=online',
  'https://zdirect.zalando.com/customer-care',
  'https://zdirect.zalando.com/settings/users',
  'https://zdirect.zalando.com/orders/export/history',
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
