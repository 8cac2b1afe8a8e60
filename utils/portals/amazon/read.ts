import { parseMoney } from '../../parse/money';
import { parsePortalDate } from '../../parse/dates';
import type { Marketplace, Money, OrderItem } from '../../schemas';
import { deepQueryAll, deepText } from '../deep-dom';
import { safely, textLines, textOf } from '../dom';
import { FieldLog, type ReadOptions } from '../fields';
import type { FocusScope } from '../focus';
import { columnValue, LabelIndex } from '../label-value';
import { amazonMarketplaceFor } from './marketplaces';
import { isAmazonOrderId, ORDER_ID_IN_TEXT } from './pages';
import { LABELS } from './labels';
import { ORDER_LINKS } from './selectors';

/**
 * What every Amazon field reader needs: the page, the item in focus (the whole page on single-item
 * pages), the marketplace hints for money and dates, and the log of which tier read each field.
 */
export class AmazonPageReader {
  readonly log = new FieldLog();
  /** IANA zone of the last date read that named one; reported as `portalTimeZone`. */
  seenTimeZone: string | undefined;
  private indexes: LabelIndex[] | undefined;

  constructor(
    readonly url: URL,
    readonly doc: Document,
    readonly marketplace: Marketplace | undefined,
    /** Where the case's fields are: the item in focus, or the page's body (and its same-origin frames). */
    readonly scope: FocusScope,
  ) {}

  private get locale(): string | undefined {
    return amazonMarketplaceFor(this.marketplace?.code)?.locale;
  }

  /** Elements matching a selector inside the scope (shadow roots included), scope elements themselves too. */
  all(selector: string): Element[] {
    return this.scope.flatMap((root) => [...(root.matches(selector) ? [root] : []), ...deepQueryAll(root, selector)]);
  }

  first(selectors: readonly string[]): Element | undefined {
    for (const selector of selectors) {
      const found = safely(() => this.all(selector)[0]);
      if (found) return found;
    }
    return undefined;
  }

  /** Hook tier: the text of the first hook that has text. */
  hook(selectors: readonly string[]): string | undefined {
    for (const selector of selectors) {
      for (const el of safely(() => this.all(selector)) ?? []) {
        const text = deepText(el);
        if (text) return text;
      }
    }
    return undefined;
  }

  /** Label tier: the value beside one of the labels, in any of the supported languages. */
  label(labels: readonly string[]): string | undefined {
    this.indexes ??= this.scope.map((root) => new LabelIndex(root));
    for (const index of this.indexes) {
      const value = safely(() => index.value(labels));
      if (value) return value;
    }
    for (const root of this.scope) {
      const value = safely(() => columnValue(root, labels));
      if (value) return value;
    }
    return undefined;
  }

  /** The text after a phrase ("Send message to ...") anywhere in the scope. */
  afterPhrase(phrases: readonly string[]): string | undefined {
    this.indexes ??= this.scope.map((root) => new LabelIndex(root));
    for (const index of this.indexes) {
      const value = safely(() => index.afterPhrase(phrases));
      if (value) return value;
    }
    return undefined;
  }

  /** A text field read by hook, then by label; `expected` says where a healthy page shows it. */
  field(name: string, hooks: readonly string[], labels: readonly string[] | undefined, options: ReadOptions = {}): string | undefined {
    return this.log.read(name, { ...(hooks.length ? { hook: () => this.hook(hooks) } : {}), ...(labels ? { label: () => this.label(labels) } : {}) }, options);
  }

  money(text: string | undefined): Money | undefined {
    return text === undefined ? undefined : safely(() => parseMoney(text, { currency: this.marketplace?.currency, locale: this.locale }));
  }

  /** A money field: hook, then label; only text that parses as money counts as found. */
  moneyField(name: string, hooks: readonly string[], labels: readonly string[], options: ReadOptions = {}): Money | undefined {
    return this.log.read(name, { ...(hooks.length ? { hook: () => this.money(this.hook(hooks)) } : {}), label: () => this.money(this.label(labels)) }, options);
  }

  instant(text: string | undefined, dateOnly: 'start' | 'end' = 'start'): string | undefined {
    if (text === undefined) return undefined;
    // Ranges ("Dec 4, 2019 to Dec 6, 2019") mean the deadline is the end; read the last date.
    const parts = text.split(/\s+(?:to|bis|au|al|a|tot|do|till|–|-|〜|~)\s+/);
    const parsed = safely(() => parsePortalDate(parts[parts.length - 1] ?? text, { timeZone: this.marketplace?.timeZone, locale: this.locale, dateOnly }));
    if (parsed?.timeZone) this.seenTimeZone = parsed.timeZone;
    return parsed?.instant;
  }

  /** A date field: hook, then label; only text that parses as a date counts, a value with a time first. */
  instantField(
    name: string,
    hooks: readonly string[],
    labels: readonly string[],
    options: ReadOptions & { dateOnly?: 'start' | 'end' } = {},
  ): string | undefined {
    const { dateOnly = 'start', ...readOptions } = options;
    const byLabel = () => {
      this.indexes ??= this.scope.map((root) => new LabelIndex(root));
      const texts = this.indexes.flatMap((index) => safely(() => index.values(labels)) ?? []);
      const withTime = texts.find((t) => /\d[:：]\d{2}/.test(t) && this.instant(t));
      return this.instant(withTime ?? this.label(labels), dateOnly);
    };
    return this.log.read(name, { ...(hooks.length ? { hook: () => this.instant(this.hook(hooks), dateOnly) } : {}), label: byLabel }, readOptions);
  }

  /**
   * The order id in tiers: hooks, the "Order ID" label, then structure (a link to the order inside the
   * item in focus, an id in a heading or breadcrumb, any id in the item's text), then the URL.
   */
  orderId(hooks: readonly string[], options: ReadOptions & { structure?: () => string | undefined } = { required: true }): string | undefined {
    const idIn = (text: string | undefined) => (text ? ORDER_ID_IN_TEXT.exec(text)?.[0] : undefined);
    return this.log.read(
      'orderId',
      {
        ...(hooks.length ? { hook: () => idIn(this.hook(hooks)) } : {}),
        label: () => idIn(this.label(LABELS.orderId)),
        structure: () => this.orderIdFromStructure() ?? options.structure?.(),
        url: () => orderIdFromUrl(this.url),
      },
      options,
    );
  }

  private orderIdFromStructure(): string | undefined {
    for (const link of this.all(ORDER_LINKS)) {
      const id = orderIdFromHref(link.getAttribute('href')) ?? ORDER_ID_IN_TEXT.exec(deepText(link) ?? '')?.[0];
      if (id) return id;
    }
    for (const heading of this.all('h1, h2, h3, h4, [role="heading"], nav[aria-label], .breadcrumb, kat-breadcrumb, kat-breadcrumb-item')) {
      const id = ORDER_ID_IN_TEXT.exec(deepText(heading) ?? '')?.[0];
      if (id) return id;
    }
    for (const root of this.scope) {
      const id = ORDER_ID_IN_TEXT.exec(deepText(root) ?? '')?.[0];
      if (id) return id;
    }
    return undefined;
  }
}

function orderIdFromHref(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, 'https://sellercentral.amazon.com');
    return orderIdFromUrl(url);
  } catch {
    return undefined;
  }
}

/** `/orders-v3/order/<id>`, `?orderID=`, `?orderId=` */
export function orderIdFromUrl(url: URL): string | undefined {
  const fromPath = /\/orders-v3\/order\/([^/?#]+)/.exec(url.pathname)?.[1];
  const fromHash = /[?&]orderI[dD]=([^&]+)/.exec(url.hash)?.[1];
  const candidates = [fromPath, url.searchParams.get('orderID'), url.searchParams.get('orderId'), fromHash];
  return candidates.find((c): c is string => isAmazonOrderId(c))?.trim();
}

/** An "Order Item ID" (14-15 digits) or any bare id: text that must never be read as a price. */
const ID_TEXT = /order item id|bestellpositions|id de l[’']article|id articolo|id del artículo|注文商品id|\b\d{12,}\b/i;

/**
 * An item from a product cell and its row: `ASIN: ...` / `SKU: ...` text, the quantity column and the
 * unit price column (found by header label, falling back to the first money cell that is not an id).
 */
export function readItemRow(reader: AmazonPageReader, row: Element, columns: { quantity?: number; unitPrice?: number }): OrderItem | undefined {
  const cells = Array.from(row.querySelectorAll(':scope > td, :scope > kat-table-cell'));
  // Line by line: `<div>SKU: X</div><div>Order Item ID: ...</div>` has no space between the lines.
  const rowText = textLines(row).join('\n');
  const asin = /ASIN\s*[:：]\s*([A-Z0-9]{10})/.exec(rowText)?.[1];
  const sku = /SKU\s*[:：]\s*(\S+)/.exec(rowText)?.[1];
  if (!asin && !sku) return undefined;
  const productCell = cells.find((c) => /ASIN|SKU/.test(c.textContent ?? '')) ?? row;
  const title =
    textOf(
      productCell.querySelector('.myo-list-orders-product-name-cell a, .myo-list-orders-product-name-cell, a, .product-name, [data-test-id="product-name"]'),
    ) ??
    textOf(productCell)
      ?.split(/ASIN|SKU/)[0]
      ?.trim() ??
    undefined;
  const texts = cells.map((c) => textOf(c));
  const quantityText = columns.quantity !== undefined ? texts[columns.quantity] : texts.find((t) => t && /^\d{1,4}$/.test(t));
  const quantity = Number(/\d+/.exec(quantityText ?? '')?.[0] ?? NaN);
  const isPrice = (t: string | undefined): t is string => Boolean(t && !/^\d+$/.test(t) && !/ASIN|SKU/.test(t) && !ID_TEXT.test(t) && reader.money(t));
  const fromColumn = columns.unitPrice !== undefined ? texts[columns.unitPrice] : undefined;
  const priceText = isPrice(fromColumn) ? fromColumn : texts.find(isPrice);
  const status = textOf(row.querySelector('[data-test-id="item-status-label"]'));
  const unitPrice = reader.money(priceText);
  return {
    ...(title ? { title } : {}),
    ...(asin ? { asin } : {}),
    ...(sku ? { sku } : {}),
    quantity: Number.isInteger(quantity) ? quantity : 1,
    ...(unitPrice ? { unitPrice } : {}),
    ...(status ? { status } : {}),
  };
}

/** Column index whose header matches any label (EU pages split the unit price into excl./incl. VAT headings). */
export function columnIndex(table: Element, labels: readonly string[], hooks: readonly string[] = []): number | undefined {
  const headers = Array.from(table.querySelectorAll('thead th, tr:first-child th'));
  const byHook = headers.findIndex((th) => hooks.some((h) => th.matches(h) || th.querySelector(h)));
  if (byHook >= 0) return byHook;
  const wanted = labels.map((l) => l.toLowerCase());
  const index = headers.findIndex((th) => wanted.includes((textOf(th) ?? '').toLowerCase()));
  return index >= 0 ? index : undefined;
}
