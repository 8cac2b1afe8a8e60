import { parsePortalDate } from '../../parse/dates';
import { parseMoney } from '../../parse/money';
import type { FieldTier, Marketplace } from '../../schemas';
import { deepElements, deepText } from '../deep-dom';
import { FieldLog, type ReadOptions, type TierReads } from '../fields';
import { foldLabel } from '../label-value';

/**
 * Reads one back-office page's fields in tiers within the part of the page that shows the case (the
 * scopes: the page, or the incident row in focus and its details). Element ids are the hook tier (seen in
 * public scripts, grade C, never on a captured page), so every field is expected at the label tier and a
 * field read by structure or URL shows in page health.
 */
const MAX_TEXT = 400;
/** Elements that hold a value or an action, never a field's label. */
const NOT_A_LABEL = new Set(['DD', 'TD', 'BUTTON', 'A', 'OPTION', 'SELECT', 'TEXTAREA', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'STRONG', 'B']);
const SEPARATOR = /\s+[·•|]\s+/;
export const DATE_TEXT = /\d{1,2}[./-]\d{1,2}[./-]\d{4}(?:,?\s+\d{1,2}[:h]\d{2})?/;

/** Inside a part of the page that is not shown (the list an in-place order view replaced). */
const isHidden = (el: Element) => el.closest('[hidden], [aria-hidden="true"]') !== null;

const fold = (s: string) =>
  foldLabel(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** The state whose labels include the text, or the text itself when it already is a state name. */
export function stateOf<S extends string>(states: Readonly<Record<S, readonly string[]>>, text: string | undefined): S | undefined {
  if (!text) return undefined;
  const wanted = fold(text);
  for (const [state, labels] of Object.entries(states) as Array<[S, readonly string[]]>) {
    if (state.toLowerCase() === wanted.replace(/ /g, '_') || labels.some((l) => fold(l) === wanted)) return state;
  }
  return undefined;
}

export interface TableRow {
  cells: Element[];
  headers: string[];
}

export class MiraklReader {
  readonly log = new FieldLog();
  private candidates: Array<{ el: Element; folded: string }> | undefined;

  constructor(
    readonly url: URL,
    readonly doc: Document,
    /** Where the case's fields are read, best first. */
    readonly scopes: readonly Element[],
    public marketplace: Marketplace | undefined,
    readonly locale: string,
  ) {}

  read<T>(name: string, reads: TierReads<T>, options: ReadOptions = {}): T | undefined {
    return this.log.read(name, reads, { expected: 'label', ...options });
  }

  found(name: string, tier: FieldTier): void {
    this.log.found(name, tier, 'label');
  }

  hookElement(selectors: readonly string[]): Element | null {
    for (const scope of this.scopes) {
      for (const selector of selectors) {
        const el = scope.matches(selector) ? scope : scope.querySelector(selector);
        if (el) return el;
      }
    }
    return null;
  }

  hook(selectors: readonly string[]): string | undefined {
    return deepText(this.hookElement(selectors));
  }

  private elements(): Array<{ el: Element; folded: string }> {
    this.candidates ??= this.scopes.flatMap((scope) =>
      deepElements(scope).flatMap((el) => {
        if (isHidden(el)) return [];
        const text = deepText(el);
        return text && text.length <= 60 ? [{ el, folded: fold(text) }] : [];
      }),
    );
    return this.candidates;
  }

  /**
   * The elements holding the value beside each of the labels, page order: `<dt>`/`<dd>`, a label span and
   * its value span, a design-system field whose label sits in its shadow root and value in its light DOM.
   */
  labelValueElements(labels: readonly string[]): Element[] {
    const wanted = new Set(labels.map(fold));
    const out: Element[] = [];
    for (const { el, folded } of this.elements()) {
      if (!wanted.has(folded) || NOT_A_LABEL.has(el.tagName) || el.getAttribute('role') === 'columnheader' || el.tagName === 'TH') continue;
      // A form's own labels (a recipient radio "Customer") name a choice, not a field's value.
      if (el.closest('form') || el.querySelector('input, select, textarea')) continue;
      const root = el.getRootNode();
      if (root instanceof ShadowRoot) {
        if (deepText(root.host) !== undefined) out.push(root.host);
        continue;
      }
      let sibling = el.nextElementSibling;
      while (sibling && !deepText(sibling)) sibling = sibling.nextElementSibling;
      if (sibling) out.push(sibling);
    }
    return out;
  }

  /** The text of a value element: a design-system host shows its light DOM beside its shadow label. */
  static valueText(el: Element): string | undefined {
    const text = (el as HTMLElement).shadowRoot ? el.textContent?.replace(/\s+/g, ' ').trim() : deepText(el);
    return text && text.length <= MAX_TEXT ? text : undefined;
  }

  /** Every value beside one of the labels, then "Label: value" segments, page order. */
  labelValues(labels: readonly string[]): string[] {
    const values = this.labelValueElements(labels).flatMap((el) => MiraklReader.valueText(el) ?? []);
    return [...values, ...this.inline(labels)];
  }

  label(labels: readonly string[]): string | undefined {
    return this.labelValues(labels)[0];
  }

  /** "Label: value" segments ("Statut : En attente · ...", "Klient: Katarzyna Wiśniewska"), shortest element first. */
  inline(labels: readonly string[]): string[] {
    const wanted = labels.map(fold);
    const found: Array<{ value: string; length: number }> = [];
    for (const scope of this.scopes) {
      for (const el of [scope, ...Array.from(scope.querySelectorAll('p, div, li, span, dd, small, h1, h2'))]) {
        const text = deepText(el);
        if (!text || text.length > MAX_TEXT || !/[:：]/.test(text)) continue;
        for (const segment of text.split(SEPARATOR)) {
          const m = /^([^:：]{2,40}?)\s*[:：]\s*(.+)$/.exec(segment.trim());
          if (m && wanted.includes(fold(m[1]!)) && !found.some((f) => f.value === m[2]!.trim())) found.push({ value: m[2]!.trim(), length: text.length });
        }
      }
    }
    return found.sort((a, b) => a.length - b.length).map((f) => f.value);
  }

  /** Short texts of the scopes split at "·" (a heading's "Shipping in progress · Eleanor Whitcombe · £67.45"). */
  segments(selector = 'h1, h1 *, h2, p, small'): string[] {
    const out: string[] = [];
    for (const scope of this.scopes) {
      for (const el of Array.from(scope.querySelectorAll(selector))) {
        const text = isHidden(el) ? undefined : deepText(el);
        if (text && text.length <= MAX_TEXT) out.push(...text.split(SEPARATOR).map((s) => s.trim()));
      }
    }
    return out;
  }

  /** The date right after one of the phrases ("À accepter avant le 02/12/2026 08:48"), in the smallest element saying it. */
  dateAfter(phrases: readonly string[]): string | undefined {
    const alternatives = phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const re = new RegExp(`(?:${alternatives})\\s*[:：]?\\s*(${DATE_TEXT.source})`, 'iu');
    let best: { at: string; length: number } | undefined;
    for (const scope of this.scopes) {
      for (const el of [scope, ...deepElements(scope)]) {
        const text = deepText(el);
        if (!text || text.length > MAX_TEXT) continue;
        const m = re.exec(text);
        const at = m ? this.instant(m[1]) : undefined;
        if (at && (!best || text.length < best.length)) best = { at, length: text.length };
      }
    }
    return best?.at;
  }

  /** Data rows of the tables and ARIA grids in scope, each with its table's header texts. */
  rows(): TableRow[] {
    const out: TableRow[] = [];
    for (const scope of this.scopes) {
      const tables = [
        ...(scope.matches('table, [role="table"], [role="grid"]') ? [scope] : []),
        ...Array.from(scope.querySelectorAll('table, [role="table"], [role="grid"]')),
      ];
      for (const table of tables) {
        if (isHidden(table)) continue;
        const aria = table.getAttribute('role') !== null;
        const headerCells = aria
          ? Array.from(table.querySelectorAll('[role="columnheader"]'))
          : Array.from(table.querySelectorAll('thead th, tr:first-child th'));
        const headers = headerCells.map((h) => fold(deepText(h) ?? ''));
        const rows = aria ? Array.from(table.querySelectorAll('[role="row"]')) : Array.from(table.querySelectorAll('tr'));
        for (const row of rows) {
          const cells = Array.from(row.children).filter((c) =>
            aria ? c.getAttribute('role') === 'cell' || c.getAttribute('role') === 'gridcell' : c.tagName === 'TD',
          );
          if (cells.length >= 2 && cells.length === headers.length) out.push({ cells, headers });
        }
      }
      // The scope may itself be a row of a table outside it (the incident in focus).
      if (scope.tagName === 'TR') {
        const table = scope.closest('table');
        const headers = Array.from(table?.querySelectorAll('thead th') ?? []).map((h) => fold(deepText(h) ?? ''));
        const cells = Array.from(scope.children).filter((c) => c.tagName === 'TD');
        if (cells.length === headers.length && cells.length >= 2 && !out.some((r) => r.cells[0] === cells[0])) out.push({ cells, headers });
      }
    }
    return out;
  }

  /** The values under a column of the tables in scope (the incident row in focus). */
  columnValues(labels: readonly string[]): string[] {
    return this.rows().flatMap((row) => {
      const cell = MiraklReader.cell(row, labels);
      const text = cell ? deepText(cell) : undefined;
      return text ? [text] : [];
    });
  }

  static cell(row: TableRow, labels: readonly string[]): Element | undefined {
    const wanted = labels.map(fold);
    const index = row.headers.findIndex((h) => wanted.includes(h));
    return index >= 0 ? row.cells[index] : undefined;
  }

  money(text: string | undefined) {
    if (text === undefined) return undefined;
    const hint = { currency: this.marketplace?.currency, locale: this.locale };
    try {
      return parseMoney(text, hint) ?? parseMoney(text.split(/\s*\(/)[0]!, hint);
    } catch {
      return undefined;
    }
  }

  instant(text: string | undefined): string | undefined {
    const date = text ? (DATE_TEXT.exec(text)?.[0] ?? text) : undefined;
    if (!date) return undefined;
    return parsePortalDate(date.replace(/(\d)h(\d)/, '$1:$2'), { timeZone: this.marketplace?.timeZone, locale: this.locale })?.instant;
  }
}
