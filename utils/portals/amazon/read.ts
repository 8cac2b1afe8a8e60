import { parseMoney } from '../../parse/money';
import { parsePortalDate } from '../../parse/dates';
import type { Marketplace, Money, OrderItem } from '../../schemas';
import { MissingFields, safely, textFirst, textLines, textOf, valueByLabel } from '../dom';
import { amazonMarketplaceFor } from './marketplaces';
import { isAmazonOrderId } from './pages';
import { LABELS } from './selectors';

/** What every Amazon field reader needs: the page, its marketplace hints and the missing-field log. */
export class AmazonPageReader {
  readonly missing = new MissingFields();
  /** IANA zone of the last date read that named one; reported as `portalTimeZone`. */
  seenTimeZone: string | undefined;

  constructor(
    readonly url: URL,
    readonly doc: Document,
    readonly marketplace: Marketplace | undefined,
  ) {}

  private get locale(): string | undefined {
    return amazonMarketplaceFor(this.marketplace?.code)?.locale;
  }

  text(selectors: readonly string[], labels?: readonly string[]): string | undefined {
    return safely(() => textFirst(this.doc, selectors) ?? (labels ? valueByLabel(this.doc, labels) : undefined));
  }

  money(text: string | undefined): Money | undefined {
    return text === undefined ? undefined : safely(() => parseMoney(text, { currency: this.marketplace?.currency, locale: this.locale }));
  }

  instant(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    // Ranges ("Dec 4, 2019 to Dec 6, 2019") mean the deadline is the end; read the last date.
    const parts = text.split(/\s+(?:to|bis|au|–|-|〜|~)\s+/);
    const parsed = safely(() => parsePortalDate(parts[parts.length - 1] ?? text, { timeZone: this.marketplace?.timeZone, locale: this.locale }));
    if (parsed?.timeZone) this.seenTimeZone = parsed.timeZone;
    return parsed?.instant;
  }

  /** Order id from the page (format-checked), else from the URL; null when neither has a valid one. */
  orderId(selectors: readonly string[]): string | undefined {
    const fromPage = safely(() => {
      for (const text of [textFirst(this.doc, selectors), valueByLabel(this.doc, LABELS.orderId)]) {
        const match = text && /(?:\d{3}|D01)-\d{7}-\d{7}/.exec(text)?.[0];
        if (isAmazonOrderId(match)) return match;
      }
      return undefined;
    });
    return fromPage ?? orderIdFromUrl(this.url);
  }
}

/** `/orders-v3/order/<id>`, `?orderID=`, `?orderId=` */
export function orderIdFromUrl(url: URL): string | undefined {
  const fromPath = /\/orders-v3\/order\/([^/?#]+)/.exec(url.pathname)?.[1];
  const candidates = [fromPath, url.searchParams.get('orderID'), url.searchParams.get('orderId')];
  return candidates.find((c): c is string => isAmazonOrderId(c))?.trim();
}

/**
 * An item from a product cell and its row: `ASIN: ...` / `SKU: ...` text, the quantity column and the
 * unit price column (found by header label, falling back to the first integer / money cell).
 */
export function readItemRow(reader: AmazonPageReader, row: Element, columns: { quantity?: number; unitPrice?: number }): OrderItem | undefined {
  const cells = Array.from(row.querySelectorAll(':scope > td'));
  if (cells.length === 0) return undefined;
  // Line by line: `<div>SKU: X</div><div>Order Item ID: ...</div>` has no space between the lines.
  const rowText = textLines(row).join('\n');
  const asin = /ASIN\s*[:：]\s*([A-Z0-9]{10})/.exec(rowText)?.[1];
  const sku = /SKU\s*[:：]\s*(\S+)/.exec(rowText)?.[1];
  if (!asin && !sku) return undefined;
  const productCell = cells.find((c) => /ASIN|SKU/.test(c.textContent ?? ''));
  const title =
    textOf(productCell?.querySelector('a, .product-name, [data-test-id="product-name"]')) ??
    textOf(productCell)?.split(/ASIN|SKU/)[0]?.trim() ??
    undefined;
  const quantityText = columns.quantity !== undefined ? textOf(cells[columns.quantity]) : cells.map((c) => textOf(c)).find((t) => t && /^\d+$/.test(t));
  const quantity = Number(/\d+/.exec(quantityText ?? '')?.[0] ?? NaN);
  const priceText = columns.unitPrice !== undefined ? textOf(cells[columns.unitPrice]) : cells.map((c) => textOf(c)).find((t) => t && !/^\d+$/.test(t) && !/ASIN|SKU/.test(t) && reader.money(t));
  const status = textOf(row.querySelector('[data-test-id="item-status-label"]'));
  return {
    ...(title ? { title } : {}),
    ...(asin ? { asin } : {}),
    ...(sku ? { sku } : {}),
    quantity: Number.isInteger(quantity) ? quantity : 1,
    ...(reader.money(priceText) ? { unitPrice: reader.money(priceText)! } : {}),
    ...(status ? { status } : {}),
  };
}

/** Column index whose header matches any label. */
export function columnIndex(table: Element, labels: readonly string[]): number | undefined {
  const headers = Array.from(table.querySelectorAll('thead th, tr:first-child th'));
  const wanted = labels.map((l) => l.toLowerCase());
  const index = headers.findIndex((th) => wanted.includes((textOf(th) ?? '').toLowerCase()));
  return index >= 0 ? index : undefined;
}
