import { parseAddressLines } from '../../parse/address';
import type { Address, OrderItem, PageContextInput } from '../../schemas';
import { compact, queryFirst, safely, textOf, valueByLabel } from '../dom';
import { type AmazonPageReader, columnIndex, readItemRow } from './read';
import { LABELS, ORDER } from './selectors';

type OrderFields = Omit<PageContextInput, 'portal' | 'pageKind' | 'url' | 'recognition' | 'marketplace'>;

/** The order details page (`/orders-v3/order/<id>`), field by field; each reader fails alone. */
export function readOrderDetails(reader: AmazonPageReader): OrderFields {
  const { missing } = reader;
  const orderId = missing.expect('orderId', reader.orderId(ORDER.orderId));
  const buyerName = missing.expect('buyer.name', reader.text(ORDER.buyerName, LABELS.buyerName));
  const shipTo = missing.expect('shipTo', safely(() => readShipTo(reader)));
  const items = safely(() => readItems(reader)) ?? [];
  missing.expect('items', items);
  const purchasedAt = missing.expect('purchasedAt', reader.instant(reader.text(ORDER.purchaseDate, LABELS.purchaseDate)));
  const shipBy = missing.expect('shipBy', reader.instant(reader.text(ORDER.shipBy, LABELS.shipBy)));
  const totals = safely(() => readTotals(reader));
  if (!totals?.total) missing.add('totals.total');
  return {
    orderId,
    buyer: compact({ name: buyerName }),
    shipTo,
    items,
    totals,
    purchasedAt,
    shipBy,
    deliverBy: reader.instant(reader.text(ORDER.deliverBy)),
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
    fulfilmentChannel: reader.text(ORDER.fulfilmentChannel),
    shippingService: reader.text(ORDER.shippingService),
    trackingNumber: reader.text(ORDER.tracking),
    orderStatus: reader.text(ORDER.itemStatus),
  };
}

/** Ship-to from the address block, one `<span>` per line. Exported for pages that repeat it (threads). */
export function readAddressBlock(block: Element | null, extra: Partial<Address> = {}): Address | undefined {
  if (!block) return undefined;
  const spans = Array.from(block.querySelectorAll(':scope > span, :scope > div'));
  const lines = (spans.length ? spans.map((s) => textOf(s)) : (block.textContent ?? '').split('\n').map((l) => l.trim()))
    .filter((l): l is string => Boolean(l));
  return lines.length ? parseAddressLines(lines, compact(extra) ?? {}) : undefined;
}

function readShipTo(reader: AmazonPageReader): Address | undefined {
  const block = queryFirst(reader.doc, ORDER.address);
  return readAddressBlock(block, {
    name: reader.text(ORDER.recipientName),
    type: reader.text(ORDER.addressType),
    phone: reader.text(ORDER.phone),
  });
}

function readItems(reader: AmazonPageReader): OrderItem[] {
  const table = queryFirst(reader.doc, ORDER.itemsTable);
  if (!table) return [];
  const columns = { quantity: columnIndex(table, LABELS.quantity), unitPrice: columnIndex(table, LABELS.unitPrice) };
  return Array.from(table.querySelectorAll('tbody > tr, :scope > tr'))
    .map((row) => safely(() => readItemRow(reader, row, columns)))
    .filter((item): item is OrderItem => item !== undefined);
}

function readTotals(reader: AmazonPageReader) {
  const box = queryFirst(reader.doc, ORDER.totalsBox) ?? reader.doc;
  const moneyOf = (labels: readonly string[]) => reader.money(valueByLabel(box, labels));
  return compact({ subtotal: moneyOf(LABELS.subtotal), shipping: moneyOf(LABELS.shipping), total: moneyOf(LABELS.total) });
}
