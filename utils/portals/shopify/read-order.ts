import { parseAddressLines } from '../../parse/address';
import type { Address, OrderItem, PageContextInput } from '../../schemas';
import { deepText } from '../deep-dom';
import { compact, textLines } from '../dom';
import { foldLabel } from '../label-value';
import { FINANCIAL_STATUS, FULFILLMENT_STATUS, PAYMENT_ROWS, SECTIONS } from './labels';
import type { ShopifyReader } from './read';

/**
 * The order's own parts: the name in the page heading ("#1001", or a custom prefix such as "HL-4471"),
 * the header's status badges and date, the line items with their variant and SKU, the payment card's
 * totals, the customer card with its addresses.
 */

/** An order name: an optional `#`, then letters, digits and dashes with at least one digit. */
const ORDER_NAME = /^#?\s?(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{0,30}$/;

export function pageHeading(reader: ShopifyReader): Element | undefined {
  return Array.from(reader.scope.querySelectorAll('h1')).find((h) => ORDER_NAME.test(deepText(h) ?? ''));
}

export function readOrderName(reader: ShopifyReader): string | undefined {
  const fromTitle = () => /(?:^|\s)(#\d{1,12})(?:\s|$)/.exec(reader.doc.title)?.[1];
  return reader.read(
    'orderId',
    { structure: () => deepText(pageHeading(reader))?.replace(/^#\s+/, '#'), url: fromTitle },
    { required: true, expected: 'structure' },
  );
}

const statusOf = (text: string, table: ReadonlyArray<readonly [string, readonly string[]]>) => {
  const folded = foldLabel(text);
  return table.find(([, words]) => words.some((w) => foldLabel(w) === folded))?.[0];
};

/** The header: `PAID/UNFULFILLED` from its badges, the date it was placed from its subtitle. */
export function readHeader(reader: ShopifyReader): Pick<PageContextInput, 'orderStatus' | 'purchasedAt'> {
  const header = pageHeading(reader)?.parentElement;
  const badges = header ? Array.from(header.querySelectorAll('span')).map((s) => deepText(s) ?? '') : [];
  const financial = badges.map((b) => statusOf(b, FINANCIAL_STATUS)).find(Boolean);
  const fulfillment = badges.map((b) => statusOf(b, FULFILLMENT_STATUS)).find(Boolean);
  const orderStatus = reader.read('orderStatus', { label: () => (financial || fulfillment ? [financial ?? '', fulfillment ?? ''].join('/') : undefined) });
  const purchasedAt = reader.read('purchasedAt', {
    label: () => {
      const lines = header ? Array.from(header.querySelectorAll('div, p')).map((el) => deepText(el) ?? '') : [];
      // "December 1, 2026 at 9:37 am from Online Store": the date before the sales channel.
      return lines.map((l) => reader.instant(l.split(/\s+(?:from|von|depuis|desde|da)\s+/)[0])).find(Boolean);
    },
  });
  return compact({ orderStatus, purchasedAt }) ?? {};
}

/** A line item: "Title" over "Variant · SKU: X", then "$129.00 × 1", then the line's total. */
export function readItems(reader: ShopifyReader): OrderItem[] {
  const priceCells = Array.from(reader.scope.querySelectorAll('span, td, div')).filter(
    (el) => el.children.length === 0 && /×\s*\d+\s*$/.test(deepText(el) ?? ''),
  );
  const items = priceCells.flatMap((cell): OrderItem[] => {
    const row = cell.parentElement;
    const product = row?.firstElementChild;
    if (!row || !product || product === cell) return [];
    const [title, ...rest] = textLines(product);
    const details = rest.join(' · ').split(/\s+·\s+/);
    const sku = details.map((d) => /^SKU\s*[:：]\s*(.+)$/i.exec(d)?.[1]).find(Boolean);
    const variant = details.find((d) => d && !/^SKU\b/i.test(d));
    const [, price, quantity] = /^(.*?)\s*×\s*(\d+)\s*$/.exec(deepText(cell) ?? '') ?? [];
    if (!title) return [];
    return [compact({ title, variant, sku, quantity: Number(quantity ?? 1), unitPrice: reader.money(price) }) as unknown as OrderItem];
  });
  if (items.length) reader.found('items', 'structure', 'structure');
  else reader.log.miss('items');
  return items;
}

/** A payment-card row whose first cell is one of the labels: the amount in its last cell. */
function paymentRow(reader: ShopifyReader, labels: readonly string[]): string | undefined {
  const wanted = new Set(labels.map(foldLabel));
  const row = Array.from(reader.scope.querySelectorAll('div, li, tr')).find(
    (el) => el.children.length >= 2 && wanted.has(foldLabel(deepText(el.firstElementChild) ?? '')),
  );
  return row ? deepText(row.lastElementChild) : undefined;
}

/** The currency of the order's total, read before anything else: the store's zone follows from it. */
export function orderCurrency(reader: ShopifyReader): string | undefined {
  return reader.money(paymentRow(reader, PAYMENT_ROWS.total))?.currency;
}

export function readTotals(reader: ShopifyReader): PageContextInput['totals'] {
  const money = (name: string, labels: readonly string[], required = false) =>
    reader.read(name, { label: () => reader.money(paymentRow(reader, labels)) }, { required });
  return compact({
    subtotal: money('totals.subtotal', PAYMENT_ROWS.subtotal),
    shipping: money('totals.shipping', PAYMENT_ROWS.shipping),
    total: money('totals.total', PAYMENT_ROWS.total, true),
  });
}

const plausibleName = (v: string | undefined) => (v && v.length <= 80 && !/[@:：]|^\d+$/.test(v) ? v : undefined);

export function readCustomer(reader: ShopifyReader): PageContextInput['buyer'] {
  const card = reader.section(SECTIONS.customer);
  const link = (root: Element | undefined) => deepText(root?.querySelector('a[href*="/customers/"]'));
  const name = reader.read('buyer.name', { label: () => plausibleName(link(card)), structure: () => plausibleName(link(reader.scope)) }, { required: true });
  const email = card ? textLines(card).find((l) => /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(l)) : undefined;
  return compact({ name, email });
}

/**
 * Shopify prints the city line in the country's own order: US "Seattle WA 98121", Italy "40125 Bologna
 * BO", Spain "46004 València Valencia" (postcode, city, province). The shared parser reads the postcode
 * and city; the region at the line's end is split off here.
 */
const US_LINE = /^(.+?)\s+([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/;
const SPANISH_PROVINCES = [
  'A Coruña',
  'Álava',
  'Albacete',
  'Alicante',
  'Almería',
  'Asturias',
  'Ávila',
  'Badajoz',
  'Balears',
  'Barcelona',
  'Burgos',
  'Cáceres',
  'Cádiz',
  'Cantabria',
  'Castellón',
  'Ceuta',
  'Ciudad Real',
  'Córdoba',
  'Cuenca',
  'Girona',
  'Granada',
  'Guadalajara',
  'Guipúzcoa',
  'Huelva',
  'Huesca',
  'Jaén',
  'La Rioja',
  'Las Palmas',
  'León',
  'Lleida',
  'Lugo',
  'Madrid',
  'Málaga',
  'Melilla',
  'Murcia',
  'Navarra',
  'Ourense',
  'Palencia',
  'Pontevedra',
  'Salamanca',
  'Santa Cruz de Tenerife',
  'Segovia',
  'Sevilla',
  'Soria',
  'Tarragona',
  'Teruel',
  'Toledo',
  'Valencia',
  'Valladolid',
  'Vizcaya',
  'Zamora',
  'Zaragoza',
];

function shopifyAddress(lines: string[]): Address | undefined {
  if (!lines.length) return undefined;
  const us = lines.map((l) => US_LINE.exec(l)).findIndex(Boolean);
  const prepared = us >= 0 ? lines.map((l, i) => (i === us ? l.replace(US_LINE, '$1, $2 $3') : l)) : lines;
  const address = parseAddressLines(prepared);
  const result: Address = { ...address, lines, ...(lines.length > 1 ? { name: lines[0] } : {}) };
  const city = address.city;
  if (city && !address.region) {
    const province = address.country === 'IT' ? /^(.+?)\s+([A-Z]{2})$/.exec(city) : undefined;
    const spanish = address.country === 'ES' ? SPANISH_PROVINCES.find((p) => city.endsWith(` ${p}`)) : undefined;
    if (province) return { ...result, city: province[1]!, region: province[2]! };
    if (spanish) return { ...result, city: city.slice(0, -spanish.length - 1), region: spanish };
  }
  return result;
}

/** The address under a heading of the customer card ("Shipping address" then an `<address>` or a paragraph). */
export function readAddress(reader: ShopifyReader, which: 'shippingAddress' | 'billingAddress', sameAs?: Address): Address | undefined {
  const name = which === 'shippingAddress' ? 'shipTo' : 'billTo';
  return reader.read(
    name,
    {
      label: () => {
        const block = reader.headings(SECTIONS[which])[0]?.nextElementSibling;
        if (!block) return undefined;
        const lines = textLines(block);
        // "Same as shipping address": one line naming the other block, not an address.
        if (block.tagName !== 'ADDRESS' && lines.length === 1) return sameAs;
        return shopifyAddress(lines);
      },
    },
    { required: which === 'shippingAddress' },
  );
}
