import { parseAddressLines } from '../../parse/address';
import type { Address, OrderItem } from '../../schemas';
import { deepText } from '../deep-dom';
import { compact, textLines } from '../dom';
import type { ZalandoReader } from './read';
import { HOOKS, LABELS, PAGE_SIGNS } from './selectors';

/**
 * The order's address blocks and its "Article details" lines. Both are read by hook first, then by the
 * label or heading that introduces them, then by their shape (one span or line per address line; a
 * table whose rows carry a status drop-down).
 */

/** Address lines from a block: one span per line, lines split by `<br>`, or one comma-separated line. */
function addressLines(block: Element): string[] {
  const holder = block.querySelector('address') ?? block;
  const spans = Array.from(holder.querySelectorAll(':scope > span'))
    .map((s) => deepText(s))
    .filter((l): l is string => Boolean(l));
  if (spans.length > 1) return spans;
  const lines = textLines(holder);
  if (lines.length > 1) return lines;
  return (lines[0] ?? '').split(/\s*,\s*/).filter(Boolean);
}

/** The element that holds a label's value: the dd/td beside it, or the rest of the card under a heading. */
function valueElementOf(label: Element): Element | null {
  const cell = label.closest('dt, th, td') ?? label;
  if (cell.nextElementSibling) return cell.nextElementSibling;
  if (/^H[1-6]$/.test(label.tagName)) return label.parentElement;
  return null;
}

function parseBlock(block: Element | null, typeText: string | undefined): Address | undefined {
  if (!block) return undefined;
  const lines = addressLines(block).filter((l) => !/^(HOME_ADDRESS|PACK_STATION|PICKUP_POINT)$/.test(l) && !LABELS.shippingAddress.includes(l as never));
  if (!lines.length) return undefined;
  return parseAddressLines(lines, compact({ type: typeText }) ?? {});
}

export function readAddress(reader: ZalandoReader, which: 'shippingAddress' | 'billingAddress', required: boolean): Address | undefined {
  const hooked = () => {
    const section = reader.hookElement(HOOKS[which]);
    return section ? parseBlock(section, deepText(section.querySelector(HOOKS.addressType))) : undefined;
  };
  const labelled = () => {
    for (const label of reader.labelElements(LABELS[which])) {
      const address = parseBlock(valueElementOf(label), reader.label(LABELS.addressType));
      if (address) return address;
    }
    return undefined;
  };
  const name = which === 'shippingAddress' ? 'shipTo' : 'billTo';
  return reader.read(name, { hook: hooked, label: labelled }, { required });
}

const LINE_STATES: Readonly<Record<string, string>> = {
  initial: 'initial',
  reserved: 'reserved',
  reserviert: 'reserved',
  shipped: 'shipped',
  versendet: 'shipped',
  returned: 'returned',
  retourniert: 'returned',
  canceled: 'canceled',
  cancelled: 'canceled',
  storniert: 'canceled',
};

/** A line's status: the chosen option of its drop-down, else the cell's text; API state names when known. */
function lineStatus(cell: Element | undefined): string | undefined {
  if (!cell) return undefined;
  const select = cell.querySelector('select');
  const text = select
    ? deepText(select.selectedOptions?.[0] ?? select.querySelector('option[selected]') ?? select.options[select.selectedIndex])
    : deepText(cell);
  if (!text) return undefined;
  return LINE_STATES[text.toLowerCase()] ?? text;
}

/** The table under the "Article details" heading (in the same card, or right after the heading). */
function articleTable(reader: ZalandoReader): { table: Element; tier: 'hook' | 'label' } | undefined {
  const hooked = reader.hookElement(HOOKS.articleTable);
  if (hooked) return { table: hooked.tagName === 'TABLE' ? hooked : (hooked.querySelector('table') ?? hooked), tier: 'hook' };
  for (const heading of reader.labelElements(PAGE_SIGNS.articleDetails)) {
    for (let next = heading.nextElementSibling; next; next = next.nextElementSibling) {
      const table = next.tagName === 'TABLE' ? next : next.querySelector('table');
      if (table) return { table, tier: 'label' };
    }
    const inCard = heading.parentElement?.querySelector('table');
    if (inCard) return { table: inCard, tier: 'label' };
  }
  return undefined;
}

const columnOf = (headers: string[], labels: readonly string[]) => headers.findIndex((h) => labels.some((l) => l.toLowerCase() === h));

export function readArticles(reader: ZalandoReader, required: boolean): OrderItem[] {
  const found = articleTable(reader);
  if (!found) {
    if (required) reader.log.miss('items');
    return [];
  }
  const { table, tier } = found;
  const headers = Array.from(table.querySelectorAll('thead th')).map((th) => (deepText(th) ?? '').toLowerCase());
  const col = {
    article: columnOf(headers, LABELS.article),
    ean: columnOf(headers, LABELS.ean),
    quantity: columnOf(headers, LABELS.quantity),
    price: columnOf(headers, LABELS.price),
    status: columnOf(headers, LABELS.lineStatus),
  };
  const rows = Array.from(table.querySelectorAll('tr')).filter((row) => !row.closest('thead') && row.querySelector('td'));
  const items = rows.flatMap((row): OrderItem[] => {
    const cells = Array.from(row.querySelectorAll(':scope > td'));
    // Without a header row the columns are told by their content: a drop-down is the status, money the price.
    const statusCell = col.status >= 0 ? cells[col.status] : cells.find((c) => c.querySelector('select'));
    const articleCell = cells[col.article >= 0 ? col.article : 0];
    const priceCell = col.price >= 0 ? cells[col.price] : cells.find((c) => c !== statusCell && c !== articleCell && reader.money(deepText(c)) !== undefined);
    const title = deepText(articleCell?.querySelector('.article-name')) ?? textLines(articleCell ?? row)[0];
    const sku = /SKU\s*[:：]\s*(\S+)/.exec(articleCell ? textLines(articleCell).join('\n') : '')?.[1];
    const ean = col.ean >= 0 ? deepText(cells[col.ean]) : cells.map((c) => deepText(c)).find((t) => t !== undefined && /^\d{13}$/.test(t));
    const quantity = Number(col.quantity >= 0 ? deepText(cells[col.quantity]) : NaN);
    if (!title && !sku) return [];
    return [
      compact({
        title,
        sku,
        articleId: ean,
        quantity: Number.isInteger(quantity) && quantity >= 0 ? quantity : 1,
        unitPrice: reader.money(deepText(priceCell)),
        status: lineStatus(statusCell),
      }) as unknown as OrderItem,
    ];
  });
  if (items.length) reader.found('items', tier);
  else if (required) reader.log.miss('items');
  return items;
}
