import type { PageKind } from '../../schemas';
import { adminLocation } from './hosts';

/**
 * The admin's work pages by URL [Shopify help]: an order is `/orders/<legacy id>` (digits), the list is
 * `/orders`. An order page with an open Shopify Payments dispute is a chargeback page, which only its
 * banner tells (detect.ts); draft orders, abandoned checkouts and the fraud-analysis sub-page are not
 * work pages. Example URLs sit under each predicate; conventions.test.ts cross-checks them.
 */
const pathOf = (url: URL) => adminLocation(url)?.path;

export const isOrderDetails = (url: URL): boolean => /^\/orders\/\d{1,20}$/.test(pathOf(url) ?? '');
export const ORDER_EXAMPLES = [
  'https://admin.shopify.com/store/northwind-outfitters/orders/5843217690123',
  'https://admin.shopify.com/store/harbour-lane-tea/orders/6650012983321/',
  'https://admin.shopify.com/store/casa-marea/orders/5520987713301?orderListBeta=true',
  'https://maison-lenoir.myshopify.com/admin/orders/5390012876544',
];

export const isOrderList = (url: URL): boolean => pathOf(url) === '/orders';
export const ORDER_LIST_EXAMPLES = [
  'https://admin.shopify.com/store/northwind-outfitters/orders',
  'https://admin.shopify.com/store/northwind-outfitters/orders?inContextTimeframe=today&status=open',
  'https://maison-lenoir.myshopify.com/admin/orders/',
];

export const UNKNOWN_EXAMPLES = [
  'https://admin.shopify.com/store/northwind-outfitters',
  'https://admin.shopify.com/store/northwind-outfitters/products/8812001234',
  'https://admin.shopify.com/store/northwind-outfitters/orders/5843217690123/fraud_analysis',
  'https://admin.shopify.com/store/northwind-outfitters/draft_orders/1021',
  'https://admin.shopify.com/store/northwind-outfitters/checkouts',
  'https://admin.shopify.com/store/northwind-outfitters/payments/disputes/88120044',
  'https://maison-lenoir.myshopify.com/admin/customers/6620193384',
  'https://maison-lenoir.myshopify.com/products/bougie-figuier',
];

export const URL_PREDICATES: ReadonlyArray<readonly [Exclude<PageKind, 'unknown'>, (url: URL) => boolean]> = [
  ['order', isOrderDetails],
  ['order-list', isOrderList],
];

export const EXAMPLES: Readonly<Partial<Record<PageKind, readonly string[]>>> = {
  order: ORDER_EXAMPLES,
  'order-list': ORDER_LIST_EXAMPLES,
  unknown: UNKNOWN_EXAMPLES,
};

export function pageKindFromUrl(url: URL): PageKind {
  return URL_PREDICATES.find(([, matches]) => matches(url))?.[0] ?? 'unknown';
}

/** The order's legacy id from an order URL. */
export const orderRefOfUrl = (url: URL): string | undefined => /^\/orders\/(\d{1,20})$/.exec(pathOf(url) ?? '')?.[1];
