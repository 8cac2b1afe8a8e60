import { parsePortalDate } from '../../parse/dates';
import { parseMoney } from '../../parse/money';
import type { FieldTier, Marketplace } from '../../schemas';
import { deepText } from '../deep-dom';
import { FieldLog, type ReadOptions, type TierReads } from '../fields';
import { foldLabel, LabelIndex } from '../label-value';

/**
 * Reads one zDirect page's fields in tiers (designed hooks, labels, structure, URL) within the part of
 * the page that shows the case, logging which tier found each field. zDirect's hooks were designed
 * for the sandbox, never seen on the real portal, so every field is expected at the label tier: a
 * field read by structure or URL shows in page health.
 */
const SEGMENT_SEPARATOR = /\s+[·|•]\s+/;
const MAX_SEGMENT_SOURCE = 400;

export class ZalandoReader {
  readonly log = new FieldLog();
  private labelIndex: LabelIndex | undefined;
  private segmentIndex: Map<string, string> | undefined;

  constructor(
    readonly url: URL,
    readonly doc: Document,
    /** The element that shows the case (the page, an open drawer, the expanded or selected item). */
    readonly scope: Element,
    public marketplace: Marketplace,
  ) {}

  read<T>(name: string, reads: TierReads<T>, options: ReadOptions = {}): T | undefined {
    return this.log.read(name, reads, { expected: 'label', ...options });
  }

  found(name: string, tier: FieldTier): void {
    this.log.found(name, tier, 'label');
  }

  /** Text of the first hook in scope (the scope itself included). */
  hook(selectors: readonly string[]): string | undefined {
    for (const selector of selectors) {
      const el = this.scope.matches(selector) ? this.scope : this.scope.querySelector(selector);
      const text = deepText(el);
      if (text) return text;
    }
    return undefined;
  }

  hookElement(selectors: readonly string[]): Element | null {
    for (const selector of selectors) {
      const el = this.scope.matches(selector) ? this.scope : this.scope.querySelector(selector);
      if (el) return el;
    }
    return null;
  }

  /**
   * The value printed beside one of the labels: `<dt>`/`<dd>`, `<th>`/`<td>`, "Label: value", and inline
   * runs such as "Order number: 1041… · Customer: Emma Peeters · Sales channel: Zalando BE".
   */
  label(labels: readonly string[]): string | undefined {
    this.labelIndex ??= new LabelIndex(this.scope);
    const value = this.labelIndex.value(labels);
    // A column header's neighbour is the next header, not its value: read the column instead.
    if (value && this.isColumnHeader(value)) return this.columnValue(labels);
    if (value) return value.split(SEGMENT_SEPARATOR)[0]?.trim() || undefined;
    const segments = this.segments();
    for (const label of labels) {
      const found = segments.get(foldLabel(label));
      if (found) return found;
    }
    return undefined;
  }

  private headerRows(): Element[] {
    return Array.from(this.scope.querySelectorAll('tr')).filter((row) => row.querySelector('th') && !row.querySelector('td'));
  }

  private isColumnHeader(text: string): boolean {
    return this.headerRows().some((row) => Array.from(row.children).some((cell) => deepText(cell) === text));
  }

  /** The value under a column header, when its table has exactly one row of values. */
  private columnValue(labels: readonly string[]): string | undefined {
    const wanted = new Set(labels.map(foldLabel));
    for (const row of this.headerRows()) {
      const index = Array.from(row.children).findIndex((cell) => wanted.has(foldLabel(deepText(cell) ?? '')));
      const table = row.closest('table');
      if (index < 0 || !table) continue;
      const rows = Array.from(table.querySelectorAll('tr')).filter((r) => r.querySelector('td'));
      if (rows.length === 1) return deepText(rows[0]!.children[index]);
    }
    return undefined;
  }

  /** The elements whose whole text is one of the labels. */
  labelElements(labels: readonly string[]): Element[] {
    this.labelIndex ??= new LabelIndex(this.scope);
    return this.labelIndex.labelElements(labels);
  }

  private segments(): Map<string, string> {
    if (this.segmentIndex) return this.segmentIndex;
    const map = new Map<string, string>();
    for (const el of Array.from(this.scope.querySelectorAll('p, div, li, span, td, dd'))) {
      const text = deepText(el);
      if (!text || text.length > MAX_SEGMENT_SOURCE || !SEGMENT_SEPARATOR.test(text)) continue;
      for (const segment of text.split(SEGMENT_SEPARATOR)) {
        const match = /^([^:：]{2,40})[:：]\s*(.+)$/.exec(segment.trim());
        if (!match) continue;
        const key = foldLabel(match[1]!);
        if (!map.has(key)) map.set(key, match[2]!.trim());
      }
    }
    this.segmentIndex = map;
    return map;
  }

  money(text: string | undefined) {
    if (text === undefined) return undefined;
    try {
      return parseMoney(text, { currency: this.marketplace.currency });
    } catch {
      return undefined;
    }
  }

  instant(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    return parsePortalDate(text, { timeZone: this.marketplace.timeZone, locale: 'de-DE' })?.instant;
  }
}
