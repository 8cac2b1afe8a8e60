import { parsePortalDate } from '../../parse/dates';
import { parseMoney } from '../../parse/money';
import type { FieldTier, Marketplace, Money } from '../../schemas';
import { deepText } from '../deep-dom';
import { FieldLog, type ReadOptions, type TierReads } from '../fields';
import { foldLabel } from '../label-value';

/**
 * Reads one admin page within its main content, in tiers, logging the tier that found each field. The
 * admin has no stable hooks (hashed class names, Polaris web components), so a healthy page is read at
 * the label tier (section headings and row labels in the page's language) or, for what has no label
 * (the order name in the heading, the customer's link), by structure; the URL is the last resort.
 */
const LOCALES: Readonly<Record<string, string>> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT' };
/** Money as printed in a sentence or a cell: "$213.14", "89,00 €", "£46.50", "213.14 USD". */
const MONEY_IN_TEXT = /(?:US\$|CA\$|A\$|[€£$])\s?\d[\d.,\u00a0\u202f ]*\d|\d[\d.,\u00a0\u202f ]*\d\s?(?:€|£|\$|EUR|USD|GBP|CHF|CAD|AUD)(?![A-Za-z])/;

export class ShopifyReader {
  readonly log = new FieldLog();

  constructor(
    readonly url: URL,
    readonly doc: Document,
    /** The admin's main content (without the top bar and navigation). */
    readonly scope: Element,
    /** The admin's UI language (en, de, fr, es, it ...). */
    readonly language: string | undefined,
    public marketplace: Marketplace,
  ) {}

  read<T>(name: string, reads: TierReads<T>, options: ReadOptions = {}): T | undefined {
    return this.log.read(name, reads, { expected: 'label', ...options });
  }

  found(name: string, tier: FieldTier, expected: FieldTier = 'label'): void {
    this.log.found(name, tier, expected);
  }

  /** Headings (h1-h3) whose whole text is one of the labels, in page order. */
  headings(labels: readonly string[]): Element[] {
    const wanted = new Set(labels.map(foldLabel));
    return Array.from(this.scope.querySelectorAll('h1, h2, h3, h4')).filter((h) => wanted.has(foldLabel(deepText(h) ?? '')));
  }

  /** The card a section heading opens: its `<section>`, else the heading's parent. */
  section(labels: readonly string[]): Element | undefined {
    const heading = this.headings(labels)[0];
    return heading ? (heading.closest('section') ?? heading.parentElement ?? undefined) : undefined;
  }

  private get locale(): string {
    return LOCALES[this.language ?? ''] ?? 'en-US';
  }

  money(text: string | undefined): Money | undefined {
    const token = text === undefined ? undefined : MONEY_IN_TEXT.exec(text)?.[0];
    if (!token) return undefined;
    try {
      return parseMoney(token, { locale: this.locale, ...(this.marketplace.currency ? { currency: this.marketplace.currency } : {}) });
    } catch {
      return undefined;
    }
  }

  instant(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    return parsePortalDate(text, { timeZone: this.marketplace.timeZone, locale: this.locale })?.instant;
  }
}
