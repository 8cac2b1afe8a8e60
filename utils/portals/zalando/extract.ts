import { parseAddressLines } from '../../parse/address';
import { parsePortalDate } from '../../parse/dates';
import { parseMoney } from '../../parse/money';
import type { Address, Marketplace, OrderItem, PageContext, PageContextInput, PageKind } from '../../schemas';
import { compact, MissingFields, queryFirst, safely, textFirst, textLines, textOf, valueByLabel } from '../dom';
import { finalizeContext, recognitionOf } from '../recognition';
import { zalandoMarketplace } from './marketplaces';
import { isUuid } from './pages';
import { LABELS, MESSAGE, ORDER, ORDER_LIST, RETURN, SPINNERS } from './selectors';

export const ANCHORS: Readonly<Record<PageKind, readonly string[]>> = {
  order: ORDER.anchors,
  'order-list': ORDER_LIST.anchors,
  return: RETURN.anchors,
  message: MESSAGE.anchors,
  claim: [],
  chargeback: [],
  refund: [],
  unknown: [],
};

export function isZalandoContentReady(kind: PageKind, doc: Document): boolean {
  if (kind === 'unknown') return true;
  return queryFirst(doc, ANCHORS[kind]) !== null && queryFirst(doc, SPINNERS) === null;
}

class ZalandoReader {
  readonly missing = new MissingFields();
  constructor(readonly url: URL, readonly doc: Document, readonly marketplace: Marketplace) {}
  text(selectors: readonly string[], labels?: readonly string[]): string | undefined {
    return safely(() => textFirst(this.doc, selectors) ?? (labels ? valueByLabel(this.doc, labels) : undefined));
  }
  money(text: string | undefined) {
    return text === undefined ? undefined : safely(() => parseMoney(text, { currency: this.marketplace.currency }));
  }
  instant(text: string | undefined) {
    return text === undefined ? undefined : safely(() => parsePortalDate(text, { timeZone: this.marketplace.timeZone }))?.instant;
  }
}

function readAddress(section: Element | null): Address | undefined {
  if (!section) return undefined;
  const block = section.querySelector('address') ?? section;
  const lines = Array.from(block.querySelectorAll(':scope > span')).map((s) => textOf(s)).filter((l): l is string => Boolean(l));
  if (!lines.length) return undefined;
  return parseAddressLines(lines, compact({ type: textOf(section.querySelector(ORDER.addressType)) }) ?? {});
}

function columnOf(headers: string[], labels: readonly string[]): number {
  return headers.findIndex((h) => labels.some((l) => l.toLowerCase() === h));
}

/** Rows of the "Article details" table, columns found by header text; each line keeps its own status. */
function readArticles(reader: ZalandoReader): OrderItem[] {
  const table = queryFirst(reader.doc, ORDER.articleTable);
  if (!table) return [];
  const headers = Array.from(table.querySelectorAll('thead th')).map((th) => (textOf(th) ?? '').toLowerCase());
  const col = {
    article: columnOf(headers, LABELS.article),
    ean: columnOf(headers, LABELS.ean),
    quantity: columnOf(headers, LABELS.quantity),
    price: columnOf(headers, LABELS.price),
    status: columnOf(headers, LABELS.lineStatus),
  };
  return Array.from(table.querySelectorAll('tbody > tr')).flatMap((row): OrderItem[] => {
    const cells = Array.from(row.querySelectorAll(':scope > td'));
    const cell = (i: number) => (i >= 0 ? textOf(cells[i]) : undefined);
    const articleCell = col.article >= 0 ? cells[col.article] : undefined;
    const title = textOf(articleCell?.querySelector('.article-name')) ?? cell(col.article);
    const sku = /SKU\s*[:：]\s*(\S+)/.exec(articleCell ? textLines(articleCell).join('\n') : '')?.[1];
    const quantity = Number(cell(col.quantity) ?? NaN);
    if (!title && !sku) return [];
    const unitPrice = reader.money(cell(col.price));
    return [compactItem({ title, sku, articleId: cell(col.ean), quantity: Number.isInteger(quantity) ? quantity : 1, unitPrice, status: cell(col.status) })];
  });
}

const compactItem = (item: OrderItem): OrderItem => compact(item as unknown as Record<string, unknown>) as unknown as OrderItem;

type Fields = Partial<PageContextInput>;

/** Order number (digits) and order id (UUID) from hooks, labels, links and the URL, in that order. */
function readOrderIds(reader: ZalandoReader): { orderId?: string; orderNumber?: string } {
  const linked = safely(() => Array.from(reader.doc.querySelectorAll('a[href*="/orders/"]')).map((a) => /\/orders\/([^/?#]+)/.exec(a.getAttribute('href') ?? '')?.[1]).find(isUuid));
  const fromUrl = [/\/orders\/([^/?#]+)/.exec(reader.url.pathname)?.[1], reader.url.searchParams.get('id'), reader.url.searchParams.get('orderId')].find(isUuid);
  const idText = reader.text(ORDER.orderId, LABELS.orderId);
  const orderId = (isUuid(idText) ? idText : undefined) ?? linked ?? fromUrl;
  const numberText = reader.text(ORDER.orderNumber, LABELS.orderNumber);
  const orderNumber = numberText && /\b\d{10,20}\b/.exec(numberText)?.[0];
  return { orderId: orderId?.toLowerCase(), orderNumber: orderNumber || undefined };
}

function readCustomer(reader: ZalandoReader, expectName: boolean) {
  const name = reader.text(ORDER.customerName, LABELS.customerName);
  if (expectName) reader.missing.expect('buyer.name', name);
  const customerNumber = reader.text(ORDER.customerNumber, LABELS.customerNumber);
  return compact({ name, customerNumber: customerNumber && /^\d+$/.test(customerNumber) ? customerNumber : undefined });
}

function readOrder(reader: ZalandoReader): Fields {
  const { missing, doc } = reader;
  const ids = readOrderIds(reader);
  missing.expect('orderId', ids.orderId);
  missing.expect('orderNumber', ids.orderNumber);
  const items = safely(() => readArticles(reader)) ?? [];
  missing.expect('items', items);
  return {
    ...ids,
    buyer: readCustomer(reader, true),
    shipTo: missing.expect('shipTo', safely(() => readAddress(queryFirst(doc, ORDER.shippingAddress)))),
    billTo: safely(() => readAddress(queryFirst(doc, ORDER.billingAddress))),
    items,
    totals: compact({ total: reader.money(reader.text(ORDER.total, LABELS.total)) }),
    purchasedAt: missing.expect('purchasedAt', reader.instant(reader.text(ORDER.orderDate, LABELS.orderDate))),
    orderStatus: reader.text(ORDER.status, LABELS.status),
    fulfilmentChannel: reader.text(ORDER.orderType),
    trackingNumber: reader.text(ORDER.tracking, LABELS.tracking),
    portalTimeZone: reader.marketplace.timeZone,
  };
}

function readReturn(reader: ZalandoReader): Fields {
  const { missing } = reader;
  const fromUrl = /\/returns\/([^/?#]+)/.exec(reader.url.pathname)?.[1];
  const ids = readOrderIds(reader);
  missing.expect('orderId', ids.orderId);
  return {
    ...ids,
    buyer: readCustomer(reader, true),
    items: safely(() => readArticles(reader)) ?? [],
    return: compact({
      id: missing.expect('return.id', reader.text(RETURN.id) ?? fromUrl),
      reason: missing.expect('return.reason', reader.text(RETURN.reason)),
      requestedAt: missing.expect('return.requestedAt', reader.instant(reader.text(RETURN.requestedAt))),
      receivedAt: reader.instant(reader.text(RETURN.receivedAt)),
      status: reader.text(RETURN.status),
      amount: reader.money(reader.text(RETURN.amount)),
    }),
    portalTimeZone: reader.marketplace.timeZone,
  };
}

function readCustomerCareRequest(reader: ZalandoReader): Fields {
  const { missing } = reader;
  const ids = readOrderIds(reader);
  missing.expect('orderId', ids.orderId);
  return {
    ...ids,
    buyer: readCustomer(reader, true),
    message: compact({
      threadId: reader.text(MESSAGE.id) ?? /\/requests\/([^/?#]+)/.exec(reader.url.pathname)?.[1],
      subject: reader.text(MESSAGE.subject),
      body: missing.expect('message.body', reader.text(MESSAGE.body)),
      receivedAt: missing.expect('message.receivedAt', reader.instant(reader.text(MESSAGE.receivedAt))),
      from: reader.text(MESSAGE.from) ?? 'Zalando Customer Care',
    }),
    portalTimeZone: reader.marketplace.timeZone,
  };
}

const READERS: Partial<Record<PageKind, (reader: ZalandoReader) => Fields>> = {
  order: readOrder,
  return: readReturn,
  message: readCustomerCareRequest,
};

export function extractZalandoPage(url: URL, doc: Document, kind: PageKind): PageContext {
  const salesChannel = safely(() => textFirst(doc, ORDER.salesChannel) ?? valueByLabel(doc, LABELS.salesChannel));
  const marketplace = zalandoMarketplace(salesChannel);
  const reader = new ZalandoReader(url, doc, marketplace);
  const fields = safely(() => READERS[kind]?.(reader)) ?? {};
  const anchorsFound = safely(() => ANCHORS[kind].length === 0 || queryFirst(doc, ANCHORS[kind]) !== null) ?? false;
  return finalizeContext({
    ...fields,
    portal: 'zalando',
    pageKind: kind,
    url: url.href,
    marketplace,
    items: fields.items ?? [],
    recognition: recognitionOf(anchorsFound, ANCHORS[kind].map((a) => `selector ${a}`), reader.missing.names),
  });
}
