import type { PageContext, PageContextInput, PageKind } from '../../schemas';
import { deepText } from '../deep-dom';
import { compact, queryFirst } from '../dom';
import { finalizeContext } from '../recognition';
import { zalandoFocus, type ZalandoFocus } from './focus';
import { findOrderNumber, findUuid, isOrderNumber, isUuid, orderUuidOfHref } from './ids';
import { zalandoMarketplace } from './marketplaces';
import { ZalandoReader } from './read';
import { readAddress, readArticles } from './read-order';
import { readCustomerCareRequest, readReturn } from './read-case';
import { HOOKS, LABELS, PAGE_HOOKS, SPINNERS } from './selectors';
import { classifyByContent } from './detect';

/**
 * Reads a zDirect page into a PageContext. The order number people quote (16 digits) is the order id;
 * the API's UUID, when the page shows it, is kept as `orderRef`. Fields come from the part of the page
 * that shows the case (focus.ts) and each records the tier that found it.
 */

/** Content ready: the spinner is gone and the page shows what its kind shows (its hooks or its content signs). */
export function isZalandoContentReady(kind: PageKind, doc: Document): boolean {
  if (kind === 'unknown') return true;
  if (queryFirst(doc, SPINNERS) !== null) return false;
  return queryFirst(doc, PAGE_HOOKS) !== null || classifyByContent(doc) === kind;
}

type Fields = Partial<PageContextInput>;

function readOrderNumber(reader: ZalandoReader): string | undefined {
  const inHeadings = () => {
    const texts = Array.from(reader.scope.querySelectorAll('h1, h2, h3, h4, nav[aria-label]')).map((h) => deepText(h) ?? '');
    if (reader.scope.matches('[role="dialog"]')) texts.unshift(reader.scope.getAttribute('aria-label') ?? '');
    return texts.map(findOrderNumber).find(Boolean);
  };
  const inLinks = () => {
    const numbers = new Set(
      Array.from(reader.scope.querySelectorAll('a'))
        .map((a) => deepText(a))
        .filter((t): t is string => isOrderNumber(t)),
    );
    return numbers.size === 1 ? [...numbers][0] : undefined;
  };
  return reader.read(
    'orderId',
    {
      hook: () => findOrderNumber(reader.hook(HOOKS.orderNumber)),
      label: () => findOrderNumber(reader.label(LABELS.orderNumber)),
      structure: () => inHeadings() ?? inLinks(),
      url: () => [reader.url.searchParams.get('orderNumber'), /\/orders\/(\d+)$/.exec(reader.url.pathname)?.[1]].find(isOrderNumber),
    },
    { required: true },
  );
}

/** The order's UUID: an attribute or text hook, the "Order ID" label, a link to the order, the URL. */
function readOrderRef(reader: ZalandoReader, orderNumber: string | undefined): string | undefined {
  const fromLinks = () => {
    const links = Array.from(reader.scope.querySelectorAll('a[href]'));
    const ids = links.map((a) => ({ id: orderUuidOfHref(a.getAttribute('href')), text: deepText(a) ?? '' })).filter((l) => l.id);
    return (ids.find((l) => orderNumber && l.text.includes(orderNumber)) ?? (new Set(ids.map((l) => l.id)).size === 1 ? ids[0] : undefined))?.id;
  };
  return reader.read('orderRef', {
    hook: () => findUuid(reader.hookElement([HOOKS.orderUuidAttribute])?.getAttribute('data-order-id')) ?? findUuid(reader.hook(HOOKS.orderUuidText)),
    label: () => {
      const v = reader.label(LABELS.orderUuid);
      return isUuid(v) ? v.toLowerCase() : undefined;
    },
    structure: fromLinks,
    url: () => orderUuidOfHref(reader.url.href),
  });
}

const plausibleName = (v: string | undefined) => (v && v.length <= 80 && !/^\d+$/.test(v) && !/[:：]/.test(v) ? v : undefined);

function readCustomer(reader: ZalandoReader, required: boolean) {
  const name = reader.read(
    'buyer.name',
    {
      hook: () => plausibleName(reader.hook(HOOKS.customerName)),
      label: () => plausibleName(reader.label(LABELS.customerName)),
    },
    { required },
  );
  const number = reader.read('buyer.customerNumber', {
    hook: () => reader.hook(HOOKS.customerNumber),
    label: () => reader.label(LABELS.customerNumber),
  });
  return compact({ name, customerNumber: number && /^\d+$/.test(number) ? number : undefined });
}

/** The shop the order came from ("Zalando DE"): the sales channel of the order in focus, never the host. */
function readSalesChannel(reader: ZalandoReader): string | undefined {
  const isChannel = (v: string | undefined) => (v && /zalando/i.test(v) ? v : undefined);
  return reader.read('marketplace', {
    hook: () => isChannel(reader.hook(HOOKS.salesChannel)),
    label: () => isChannel(reader.label(LABELS.salesChannel)),
    structure: () => /\bZalando[\s.]+(?:co\.)?[A-Za-z]{2}\b/.exec(deepText(reader.scope) ?? '')?.[0],
  });
}

function readOrder(reader: ZalandoReader): Fields {
  const text = (name: string, hooks: readonly string[], labels: readonly string[]) =>
    reader.read(name, { hook: () => reader.hook(hooks), label: () => reader.label(labels) });
  const total = text('totals.total', HOOKS.total, LABELS.total);
  return {
    buyer: readCustomer(reader, true),
    shipTo: readAddress(reader, 'shippingAddress', true),
    billTo: readAddress(reader, 'billingAddress', false),
    items: readArticles(reader, true),
    totals: compact({ total: reader.money(total) }),
    purchasedAt: reader.instant(text('purchasedAt', HOOKS.orderDate, LABELS.orderDate)),
    orderStatus: text('orderStatus', HOOKS.status, LABELS.status),
    fulfilmentChannel: reader.hook(HOOKS.orderType),
    trackingNumber: text('trackingNumber', HOOKS.tracking, LABELS.tracking),
  };
}

const READERS: Partial<Record<PageKind, (reader: ZalandoReader) => Fields>> = {
  order: readOrder,
  return: (reader) => ({ buyer: readCustomer(reader, true), ...readReturn(reader), items: readArticles(reader, false) }),
  message: (reader) => ({ buyer: readCustomer(reader, true), ...readCustomerCareRequest(reader) }),
};

function recognitionFor(kind: PageKind, doc: Document, focus: ZalandoFocus, reader: ZalandoReader): PageContext['recognition'] {
  const ready = isZalandoContentReady(kind, doc);
  const lowerTier = reader.log.lowerTier.slice(0, 60);
  if (!ready) return { status: 'unrecognized', missing: [`content of a ${kind} page`, ...reader.log.missing] };
  if (focus.listWithoutFocus) return { status: kind === 'order-list' ? 'full' : 'partial', missing: kind === 'order-list' ? [] : ['item in focus'], lowerTier };
  const missing = [...reader.log.missing];
  return { status: missing.length ? 'partial' : 'full', missing, ...(lowerTier.length ? { lowerTier } : {}) };
}

export function extractZalandoPage(url: URL, doc: Document, kind: PageKind): PageContext {
  const focus = zalandoFocus(doc, kind);
  const reader = new ZalandoReader(url, doc, focus.scope, zalandoMarketplace(undefined));
  let fields: Fields = {};
  let orderId: string | undefined;
  let orderRef: string | undefined;
  const reads = READERS[kind];
  if (reads && !focus.listWithoutFocus && isZalandoContentReady(kind, doc)) {
    try {
      reader.marketplace = zalandoMarketplace(readSalesChannel(reader));
      orderId = readOrderNumber(reader);
      orderRef = readOrderRef(reader, orderId);
      fields = reads(reader);
    } catch {
      reader.log.miss('page (unreadable)');
    }
  }
  const { fieldTiers: _unused, ...rest } = fields;
  return finalizeContext({
    ...rest,
    portal: 'zalando',
    pageKind: kind,
    url: url.href,
    marketplace: reader.marketplace,
    orderId,
    // The order number is also the customer-facing number templates quote.
    orderNumber: orderId,
    orderRef,
    items: fields.items ?? [],
    portalTimeZone: reader.marketplace.timeZone,
    fieldTiers: Object.keys(reader.log.tiers).length ? reader.log.tiers : undefined,
    recognition: recognitionFor(kind, doc, focus, reader),
  });
}
