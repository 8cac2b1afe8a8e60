import { parseAddressLines } from '../../parse/address';
import type { Address, OrderItem, PageContextInput } from '../../schemas';
import { deepText } from '../deep-dom';
import { compact, safely, textOf } from '../dom';
import { LabelIndex } from '../label-value';
import { type AmazonPageReader, columnIndex, readItemRow } from './read';
import { LABELS } from './labels';
import { ORDER } from './selectors';

type OrderFields = Omit<PageContextInput, 'portal' | 'pageKind' | 'url' | 'recognition' | 'marketplace'>;

/** EU order pages split the unit price into excl. / incl. VAT columns; the buyer paid the inclusive one. */
const UNIT_PRICE_HEADINGS = [
  '[data-test-id="item-unit-price-inclusive-heading"]',
  '.item-unit-price-inclusive-heading',
  '[data-test-id="item-unit-price-exclusive-heading"]',
];

/** The order details page (`/orders-v3/order/<id>`), field by field in tiers; each reader fails alone. */
export function readOrderDetails(reader: AmazonPageReader): OrderFields {
  const { log } = reader;
  const orderId = reader.orderId(ORDER.orderId);
  const buyerName = reader.field('buyer.name', ORDER.buyerName, LABELS.buyerName, { required: true });
  const shipTo = log.read('shipTo', { hook: () => readShipTo(reader), label: () => readShipToByLabel(reader) }, { required: true });
  const items =
    log.read(
      'items',
      { hook: () => readItems(reader, reader.first(ORDER.itemsTable)), structure: () => readItems(reader, itemsTableByContent(reader)) },
      { required: true },
    ) ?? [];
  const purchasedAt = reader.instantField('purchasedAt', ORDER.purchaseDate, LABELS.purchaseDate, { required: true });
  // A ship-by date without a time means by the end of that day in the marketplace's zone.
  const shipBy = reader.instantField('shipBy', ORDER.shipBy, LABELS.shipBy, { required: true, dateOnly: 'end' });
  const totals = log.read('totals', { hook: () => readTotals(reader, true), label: () => readTotals(reader, false) });
  if (!totals?.total) log.miss('totals.total');
  return {
    orderId,
    buyer: compact({ name: buyerName }),
    shipTo,
    items,
    totals,
    purchasedAt,
    shipBy,
    deliverBy: reader.instant(reader.hook(ORDER.deliverBy)),
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
    fulfilmentChannel: reader.hook(ORDER.fulfilmentChannel),
    shippingService: reader.hook(ORDER.shippingService),
    trackingNumber: reader.hook(ORDER.tracking),
    orderStatus: reader.hook(ORDER.itemStatus),
  };
}

/** "Address Type: Residential" -> "Residential": the label is the page's, the value is the type. */
export function stripLabel(text: string | undefined, labels: readonly string[]): string | undefined {
  if (!text) return undefined;
  for (const label of labels) {
    if (text.toLowerCase().startsWith(label.toLowerCase())) {
      const rest = text
        .slice(label.length)
        .replace(/^\s*[:：]\s*/, '')
        .trim();
      return rest || undefined;
    }
  }
  return text;
}

/**
 * Ship-to from an address block: one `<span>` per component (US `City,` `ST` `ZIP+4`; CA with province
 * and country; DE with ZIP and city apart), or one element per line. Exported for pages that repeat it.
 */
export function readAddressBlock(block: Element | null | undefined, extra: Partial<Address> = {}): Address | undefined {
  if (!block) return undefined;
  const container = innermostWrapper(block);
  const parts = Array.from(container.querySelectorAll(':scope > span, :scope > div, :scope > p, :scope > li'));
  const lines = (parts.length ? parts.map((s) => deepText(s)) : linesOf(container)).filter((l): l is string => Boolean(l));
  return lines.length ? parseAddressLines(lines, compact(extra) ?? {}) : undefined;
}

/** A value cell often wraps the block (`<td><address><span>…`): the components are the wrapper's children. */
function innermostWrapper(block: Element): Element {
  let el = block;
  while (el.children.length === 1 && !Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim())) el = el.children[0]!;
  return el;
}

/** One line per text node and per line break: adjacent elements' texts are never run together. */
function linesOf(el: Element): string[] {
  const lines: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) lines.push(...(node.textContent ?? '').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()));
    else if (node.nodeType === 1 && !['SCRIPT', 'STYLE', 'TEMPLATE'].includes((node as Element).tagName)) node.childNodes.forEach(walk);
  };
  walk(el);
  return lines;
}

function readShipTo(reader: AmazonPageReader): Address | undefined {
  const block = reader.first(ORDER.address);
  return readAddressBlock(block, {
    // The recipient hook is often present but empty; the block's first span is the name then.
    name: reader.hook(ORDER.recipientName),
    type: stripLabel(reader.hook(ORDER.addressType), LABELS.addressType),
    phone: reader.hook(ORDER.phone),
  });
}

/** Without hooks: the block after a "Ship to" label or heading, or the spans in the "Ship to: ..." line. */
export function readShipToByLabel(reader: AmazonPageReader): Address | undefined {
  const wanted = LABELS.shipTo.map((l) => l.toLowerCase());
  for (const root of reader.scope) {
    const label = new LabelIndex(root).labelElements(LABELS.shipTo)[0];
    const block = label?.nextElementSibling;
    if (block) return readAddressBlock(block);
    for (const line of Array.from(root.querySelectorAll('div, p, li, td'))) {
      const text = (line.firstChild?.textContent ?? '')
        .trim()
        .toLowerCase()
        .replace(/\s*[:：]$/, '');
      if (wanted.includes(text) && line.querySelector(':scope > span')) {
        const spans = Array.from(line.querySelectorAll(':scope > span'))
          .map((s) => deepText(s))
          .filter((t): t is string => Boolean(t));
        return parseAddressLines(spans);
      }
    }
  }
  return undefined;
}

/** Without hooks: the table whose rows name an ASIN or SKU. */
function itemsTableByContent(reader: AmazonPageReader): Element | undefined {
  return reader.all('table').find((table) => /ASIN\s*[:：]|SKU\s*[:：]/.test(table.textContent ?? ''));
}

function readItems(reader: AmazonPageReader, table: Element | undefined): OrderItem[] {
  if (!table) return [];
  const columns = {
    quantity: columnIndex(table, LABELS.quantity),
    unitPrice: columnIndex(table, LABELS.unitPrice, UNIT_PRICE_HEADINGS),
  };
  return Array.from(table.querySelectorAll('tbody > tr, :scope > tr'))
    .map((row) => safely(() => readItemRow(reader, row, columns)))
    .filter((item): item is OrderItem => item !== undefined);
}

/** Totals as label/value rows in the sale-proceeds box (hook) or anywhere on the page (label tier). */
function readTotals(reader: AmazonPageReader, inBox: boolean) {
  const box = inBox ? reader.first(ORDER.totalsBox.slice(0, -1)) : reader.scope[0];
  if (!box) return undefined;
  const index = new LabelIndex(box);
  const moneyOf = (labels: readonly string[]) => reader.money(index.value(labels) ?? valueInRow(box, labels));
  return compact({ subtotal: moneyOf(LABELS.subtotal), shipping: moneyOf(LABELS.shipping), total: moneyOf(LABELS.total) });
}

/** A table row whose first cell is the label and whose last cell is the value. */
function valueInRow(box: Element, labels: readonly string[]): string | undefined {
  const wanted = labels.map((l) => l.toLowerCase());
  for (const row of Array.from(box.querySelectorAll('tr'))) {
    const cells = Array.from(row.children);
    const label = textOf(cells[0])
      ?.replace(/[:：]\s*$/, '')
      .toLowerCase();
    if (label && wanted.includes(label) && cells.length > 1) return textOf(cells[cells.length - 1]);
  }
  return undefined;
}
