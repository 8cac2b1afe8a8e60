import type { Marketplace, PageContext, PageContextInput, PageKind } from '../../schemas';
import { deepQuery, deepText, pageDocuments } from '../deep-dom';
import { queryFirst, safely } from '../dom';
import type { FocusScope } from '../focus';
import { finalizeContext, recognitionOf } from '../recognition';
import { readChargeback, readClaim, readMessage, readRefund, readReturn } from './extract-cases';
import { readOrderDetails } from './extract-order';
import { amazonPageFocus } from './focus';
import { LABELS } from './labels';
import { type MarketplaceSignals, resolveAmazonMarketplace } from './marketplaces';
import { ORDER_ID_IN_TEXT } from './pages';
import { AmazonPageReader } from './read';
import { CHARGEBACK, CLAIM, MESSAGE, ORDER, ORDER_LIST, REFUND, RETURN, SPINNERS } from './selectors';

/** Hooks whose presence says the page kind's content is there (not a spinner, not a redesign). */
export const ANCHORS: Readonly<Record<PageKind, readonly string[]>> = {
  order: ORDER.anchors,
  'order-list': ORDER_LIST.anchors,
  message: MESSAGE.anchors,
  claim: CLAIM.anchors,
  chargeback: CHARGEBACK.anchors,
  return: RETURN.anchors,
  refund: REFUND.anchors,
  unknown: [],
};

/** Kinds whose hooks were seen on the real pages: without them the page is a redesign. */
const HOOKED_KINDS: ReadonlySet<PageKind> = new Set(['order', 'order-list']);

export function hasAnchors(kind: PageKind, doc: Document): boolean {
  const anchors = ANCHORS[kind];
  if (anchors.length === 0) return true;
  return pageDocuments(doc).some((d) => queryFirst(d, anchors) !== null || anchors.some((a) => deepQuery(d, a) !== null));
}

/** Case pages have no reliable hooks: their content is there once an order shows in it. */
function showsAnOrder(doc: Document): boolean {
  return pageDocuments(doc).some((d) => ORDER_ID_IN_TEXT.test(deepText(d.body) ?? '') || d.querySelector('a[href*="/orders-v3/order/"]') !== null);
}

/** Content is ready when the kind's anchors (or, on case pages, an order) exist and no spinner shows. */
export function isAmazonContentReady(kind: PageKind, doc: Document): boolean {
  if (kind === 'unknown') return true;
  if (pageDocuments(doc).some((d) => queryFirst(d, SPINNERS) !== null)) return false;
  if (hasAnchors(kind, doc)) return true;
  // An order page without its hooks: rendered once one order shows and no order list does.
  if (kind === 'order') return showsOneOrder(doc);
  return !HOOKED_KINDS.has(kind) && showsAnOrder(doc);
}

function showsOneOrder(doc: Document): boolean {
  const text = deepText(doc.body) ?? '';
  const ids = new Set(text.match(new RegExp(ORDER_ID_IN_TEXT.source, 'g')) ?? []);
  return ids.size === 1;
}

const READERS: Partial<Record<PageKind, (reader: AmazonPageReader) => Partial<PageContextInput>>> = {
  order: readOrderDetails,
  message: readMessage,
  claim: readClaim,
  chargeback: readChargeback,
  return: readReturn,
  refund: readRefund,
};

/** What the page tells about the order's marketplace, read in the item in focus. */
function marketplaceSignals(url: URL, doc: Document, scope: FocusScope, fields: Partial<PageContextInput> | undefined): MarketplaceSignals {
  const probe = new AmazonPageReader(url, doc, undefined, scope);
  const channel = probe.log.read('salesChannel', { hook: () => probe.hook(ORDER.salesChannel), label: () => probe.label(LABELS.salesChannel) });
  const linkIds = probe
    .all('a[href*="marketplaceID="], a[href*="marketplaceId="], a[href*="mons_sel_mkid="], a[href*="mp="]')
    .map((a) => {
      try {
        const link = new URL(a.getAttribute('href') ?? '', url);
        return (
          link.searchParams.get('marketplaceID') ??
          link.searchParams.get('marketplaceId') ??
          link.searchParams.get('mons_sel_mkid') ??
          link.searchParams.get('mp') ??
          ''
        );
      } catch {
        return '';
      }
    })
    .filter(Boolean);
  const amounts = [
    fields?.totals?.total,
    fields?.claim?.amount,
    fields?.chargeback?.amount,
    fields?.return?.amount,
    ...(fields?.items ?? []).map((i) => i.unitPrice),
  ];
  return {
    ...(channel ? { salesChannel: { text: channel, tier: probe.log.tiers.salesChannel ?? 'hook' } } : {}),
    linkIds,
    ...(fields?.shipTo?.country ? { shipToCountry: fields.shipTo.country } : {}),
    currencies: amounts.filter((m) => m !== undefined).map((m) => m!.currency),
  };
}

/** Reads a Seller Central page into a PageContext; never throws. */
export function extractAmazonPage(url: URL, doc: Document, kind: PageKind): PageContext {
  const focus = safely(() => amazonPageFocus(kind, url, doc)) ?? { scope: [doc.body].filter(Boolean) as Element[], listOnly: false };
  const hostOnly = safely(() => resolveAmazonMarketplace(url, undefined));
  if (focus.listOnly) return listPage(url, kind, hostOnly?.marketplace);

  const read = (marketplace: Marketplace | undefined) => {
    const reader = new AmazonPageReader(url, doc, marketplace, focus.scope);
    const fields = safely(() => READERS[kind]?.(reader)) ?? {};
    return { reader, fields };
  };
  // First pass with what the page says before any amount is parsed; a second pass once the order's
  // marketplace is known, so amounts and dates are read in its currency and zone.
  const preliminary = safely(() => resolveAmazonMarketplace(url, marketplaceSignals(url, doc, focus.scope, undefined)));
  let pass = read(preliminary?.marketplace);
  const resolved = safely(() => resolveAmazonMarketplace(url, marketplaceSignals(url, doc, focus.scope, pass.fields))) ?? preliminary;
  if (resolved && resolved.marketplace.code !== preliminary?.marketplace.code) pass = read(resolved.marketplace);
  const { reader, fields } = pass;
  // Any of the marketplace's sources is a healthy page (a unified EU account's order page may only say it
  // in the URL), so its tier is counted for fidelity but never reported as fallen.
  if (resolved) reader.log.found('marketplace', resolved.tier, 'url');
  else reader.log.miss('marketplace');

  const anchorsFound = safely(() => hasAnchors(kind, doc)) ?? false;
  // Without its hooks a page is still recognised when its order and buyer were read from the page itself
  // (labels, structure): the redesign is then reported field by field in lowerTier, not as unrecognised.
  const fromPage = (name: string) => reader.log.tiers[name] !== undefined && reader.log.tiers[name] !== 'url';
  const readFromPage = HOOKED_KINDS.has(kind)
    ? fromPage('orderId') && fromPage('buyer.name')
    : Object.keys(reader.log.tiers).some((name) => name !== 'marketplace' && fromPage(name));
  const recognized = anchorsFound || readFromPage;
  const input: PageContextInput = {
    ...fields,
    portal: 'amazon',
    pageKind: kind,
    url: url.href,
    marketplace: resolved?.marketplace,
    items: fields.items ?? [],
    fieldTiers: { ...reader.log.tiers },
    recognition: {
      ...recognitionOf(
        recognized,
        ANCHORS[kind].map((a) => `selector ${a}`),
        reader.log.missing,
      ),
      ...(reader.log.lowerTier.length ? { lowerTier: reader.log.lowerTier.slice(0, 60) } : {}),
    },
  };
  return finalizeContext(input);
}

/** A list with nothing in focus: no single order, no case; the order is named missing (no item in focus). */
function listPage(url: URL, kind: PageKind, marketplace: Marketplace | undefined): PageContext {
  return finalizeContext({
    portal: 'amazon',
    pageKind: kind,
    url: url.href,
    marketplace,
    items: [],
    ...(marketplace ? { fieldTiers: { marketplace: 'url' as const } } : {}),
    recognition: { status: 'partial', missing: ['orderId (no item in focus)'] },
  });
}
