import type { PageKind } from '../../schemas';

/**
 * The back office's pages by URL (Mirakl's connector docs and operators' help pages, grade A/B):
 * `/mmp/shop/order/{id}` with tabs, `/mmp/shop/order/all`, `/mmp/shop/incident`, the inbox. Hosts are the
 * team's, so the predicates read the path only. Example URLs sit under each predicate; conventions.test.ts
 * cross-checks them.
 */
const cleanPath = (url: URL) => url.pathname.replace(/\/+$/, '') || '/';

/** Mirakl order ids: the commercial id and a letter per shop (`8817455903-A`); ids are free text in the API, so letters and digits. */
export const ORDER_ID_SOURCE = String.raw`[A-Za-z0-9][A-Za-z0-9_.]{3,40}-[A-Z]{1,2}`;
export const ORDER_ID_RE = new RegExp(`(?<![\\w-])(${ORDER_ID_SOURCE})(?![\\w-])`);
const ORDER_PATH = new RegExp(`^/mmp/shop/order/(${ORDER_ID_SOURCE})(?:/([a-z-]+))?$`);

/** The order id of an order's page (any tab), from its path. */
export function orderIdOfPath(url: URL): string | undefined {
  return ORDER_PATH.exec(cleanPath(url))?.[1];
}
const orderTab = (url: URL) => {
  const m = ORDER_PATH.exec(cleanPath(url));
  return m ? (m[2] ?? 'information') : undefined;
};

const ORDER_TABS = new Set(['information', 'details', 'shipping', 'shipments', 'documents', 'history', 'evaluation']);

export const isOrderDetails = (url: URL): boolean => ORDER_TABS.has(orderTab(url) ?? '');
export const ORDER_EXAMPLES = [
  'https://secretsales-prod.mirakl.net/mmp/shop/order/8817455903-A',
  'https://secretsales-prod.mirakl.net/mmp/shop/order/8817455903-A/information',
  'https://secretsales-prod.mirakl.net/mmp/shop/order/6120934417-A/documents',
];

export const isOrderList = (url: URL): boolean => /^\/mmp\/shop\/order(?:s)?(?:\/all)?$/.test(cleanPath(url));
export const ORDER_LIST_EXAMPLES = [
  'https://secretsales-prod.mirakl.net/mmp/shop/order/all?limit=50',
  'https://secretsales-prod.mirakl.net/mmp/shop/order/all?limit=25&order_state=SHIPPING',
  'https://secretsales-prod.mirakl.net/mmp/shop/order',
];

export const isMessage = (url: URL): boolean => orderTab(url) === 'messages' || /^\/mmp\/shop\/(?:inbox|messages?)(?:\/[^/]+)?$/.test(cleanPath(url));
export const MESSAGE_EXAMPLES = [
  'https://secretsales-prod.mirakl.net/mmp/shop/order/8817455903-A/messages',
  'https://secretsales-prod.mirakl.net/mmp/shop/inbox?thread=9d8c7b6a-5f4e-4d3c-8b2a-190f8e7d6c5b',
  'https://secretsales-prod.mirakl.net/mmp/shop/inbox',
];

/** Incidents: the shop's incident list (one expanded is the case) and an order's incident tab. */
export const isIncident = (url: URL): boolean => orderTab(url) === 'incidents' || /^\/mmp\/shop\/incidents?$/.test(cleanPath(url));
export const INCIDENT_EXAMPLES = [
  'https://secretsales-prod.mirakl.net/mmp/shop/incident?limit=50',
  'https://secretsales-prod.mirakl.net/mmp/shop/order/7730544120-A/incidents',
];

export const UNKNOWN_EXAMPLES = [
  'https://secretsales-prod.mirakl.net/',
  'https://secretsales-prod.mirakl.net/login',
  'https://secretsales-prod.mirakl.net/mmp/shop/home',
  'https://secretsales-prod.mirakl.net/mmp/shop/offer',
  'https://secretsales-prod.mirakl.net/mmp/shop/accounting',
  'https://secretsales-prod.mirakl.net/mmp/shop/order/export',
];

export const URL_PREDICATES: ReadonlyArray<readonly [Exclude<PageKind, 'unknown'>, (url: URL) => boolean]> = [
  ['order', isOrderDetails],
  ['order-list', isOrderList],
  ['message', isMessage],
  ['claim', isIncident],
];

export const EXAMPLES: Readonly<Partial<Record<PageKind, readonly string[]>>> = {
  order: ORDER_EXAMPLES,
  'order-list': ORDER_LIST_EXAMPLES,
  message: MESSAGE_EXAMPLES,
  claim: INCIDENT_EXAMPLES,
  unknown: UNKNOWN_EXAMPLES,
};

export function pageKindFromUrl(url: URL): PageKind {
  return URL_PREDICATES.find(([, matches]) => matches(url))?.[0] ?? 'unknown';
}
