import type { PageContext, PageContextInput, PageKind } from '../../schemas';
import { finalizeContext } from '../recognition';
import { readDispute } from './dispute';
import { isShopifyContentReady } from './detect';
import { adminLocation } from './hosts';
import { shopifyMarketplace } from './marketplaces';
import { orderRefOfUrl } from './pages';
import { ShopifyReader } from './read';
import { orderCurrency, readAddress, readCustomer, readHeader, readItems, readOrderName, readTotals } from './read-order';
import { readRisk } from './risk';
import { readTracking } from './tracking';

/**
 * Reads an admin order page into a PageContext. The order id is the order's name ("#1047"), which is
 * what buyers and staff quote; the number in the URL (the legacy id) is kept as `orderRef`. The store is
 * the marketplace (`SHOPIFY`, its `<handle>.myshopify.com` domain); its currency is the one the order
 * shows. An order list has no single order to read.
 */
const READS_ORDER: ReadonlySet<PageKind> = new Set(['order', 'chargeback']);

/** The admin's UI language: the document's, else undefined (English wording then decides little). */
function pageLanguage(doc: Document): string | undefined {
  return doc.documentElement?.getAttribute('lang')?.slice(0, 2).toLowerCase() || undefined;
}

function readOrder(reader: ShopifyReader, orderRef: string | undefined): Partial<PageContextInput> {
  const buyer = readCustomer(reader);
  const shipTo = readAddress(reader, 'shippingAddress');
  const billTo = readAddress(reader, 'billingAddress', shipTo);
  const totals = readTotals(reader);
  const portalRisk = readRisk(reader);
  return {
    ...readHeader(reader),
    buyer,
    shipTo,
    billTo,
    items: readItems(reader),
    ...readTracking(reader),
    totals,
    portalRisk,
    ...readDispute(reader, orderRef, totals),
  };
}

export function extractShopifyPage(url: URL, doc: Document, kind: PageKind): PageContext {
  const language = pageLanguage(doc);
  const store = adminLocation(url)?.store;
  const scope = doc.querySelector('main') ?? doc.body ?? doc.documentElement;
  const reader = new ShopifyReader(url, doc, scope, language, shopifyMarketplace(store, language, undefined));
  const ready = isShopifyContentReady(kind, doc);
  let fields: Partial<PageContextInput> = {};
  let orderId: string | undefined;
  let orderRef: string | undefined;
  if (READS_ORDER.has(kind) && ready) {
    try {
      orderRef = reader.read('orderRef', { url: () => orderRefOfUrl(url) }, { expected: 'url' });
      // The currency the order is in decides the store's zone, which the dates need.
      reader.marketplace = shopifyMarketplace(store, language, orderCurrency(reader));
      orderId = readOrderName(reader);
      fields = readOrder(reader, orderRef);
    } catch {
      reader.log.miss('page (unreadable)');
    }
  }
  const lowerTier = reader.log.lowerTier.slice(0, 60);
  const recognition: PageContext['recognition'] = !ready
    ? { status: 'unrecognized', missing: [`content of a ${kind} page`] }
    : { status: reader.log.missing.length ? 'partial' : 'full', missing: [...reader.log.missing], ...(lowerTier.length ? { lowerTier } : {}) };
  return finalizeContext({
    ...fields,
    portal: 'shopify',
    pageKind: kind,
    url: url.href,
    marketplace: reader.marketplace,
    orderId,
    orderNumber: orderId,
    orderRef,
    items: fields.items ?? [],
    portalTimeZone: reader.marketplace.timeZone,
    fieldTiers: Object.keys(reader.log.tiers).length ? reader.log.tiers : undefined,
    recognition,
  });
}
