import { deepElements, deepText } from './deep-dom';

/**
 * Label/value reading across languages and shadow roots: "Order ID  403-...", "Bestellnummer: ...",
 * `<dt>Raison</dt><dd>...</dd>`, `<kat-label text="Motivo">` followed by its value. The tier below
 * hooks: it survives class and attribute renames as long as the page still says what a value is.
 */

/** Lower case, accents kept (they tell languages apart), trailing colon and whitespace removed. */
export function foldLabel(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/\s*[:：]\s*$/, '')
    .trim()
    .toLowerCase();
}

const MAX_LABEL_LENGTH = 60;
const BUTTONS = new Set(['BUTTON', 'KAT-BUTTON', 'KAT-LINK']);
const MAX_VALUE_LENGTH = 400;

interface Candidate {
  el: Element;
  text: string;
  folded: string;
}

/** One pass over a subtree's elements (shadow roots included); answers many label look-ups. */
export class LabelIndex {
  private readonly candidates: Candidate[];
  /**
   * The root's own text, for "Label: value" segments only: an item in focus may hold its fields as bare
   * text ("Käufer: Matteo Romano" directly in the row). Never a label alone, whose value would lie
   * outside the root (another item's).
   */
  private readonly rootCandidate: Candidate[] = [];

  constructor(root: ParentNode) {
    this.candidates = [];
    const rootText = (root as Node).nodeType === 1 ? deepText(root as Element) : undefined;
    if (rootText && rootText.length <= MAX_VALUE_LENGTH) this.rootCandidate.push({ el: root as Element, text: rootText, folded: foldLabel(rootText) });
    for (const el of deepElements(root)) {
      const text = deepText(el);
      if (!text || text.length > MAX_VALUE_LENGTH) continue;
      this.candidates.push({ el, text, folded: foldLabel(text) });
    }
  }

  /**
   * The value beside the first label found (labels in order of preference are tried together, page
   * order wins). Elements that are the label alone come first; "Label: value" in one element next,
   * the shortest such element winning (a container repeats its children's text).
   */
  value(labels: readonly string[]): string | undefined {
    return this.values(labels, 1)[0];
  }

  /** Every value beside one of the labels, best first (for a date shown twice, once with its time). */
  values(labels: readonly string[], limit = 5): string[] {
    const wanted = labels.map(foldLabel).filter(Boolean);
    if (wanted.length === 0) return [];
    const found: string[] = [];
    for (const { el, text, folded } of this.candidates) {
      // A button that says "Contact buyer" is an action, not a label.
      if (BUTTONS.has(el.tagName) || el.getAttribute('role') === 'button') continue;
      if (folded.length <= MAX_LABEL_LENGTH && wanted.includes(folded)) {
        const value = valueBeside(el, text);
        if (value && !found.includes(value)) found.push(value);
        if (found.length >= limit) return found;
      }
    }
    for (const inline of this.inlineValues(wanted)) {
      if (found.length >= limit) break;
      if (!found.includes(inline)) found.push(inline);
    }
    return found;
  }

  /**
   * "Label: value" segments inside one element's text, the shortest element first. Every one is kept:
   * a list row says "Return requested: Nov 20, 2026" and its open details the same with the time.
   */
  private inlineValues(wanted: string[]): string[] {
    const found: Array<{ value: string; length: number }> = [];
    for (const { text } of [...this.candidates, ...this.rootCandidate]) {
      // "Order: 403-... · Buyer: Matteo Romano · Requested 21.11.2026": one segment per label.
      for (const segment of text.split(/\s+[·•|]\s+/)) {
        const folded = foldLabel(segment);
        for (const label of wanted) {
          if (!folded.startsWith(label) || !/^\s*[:：]/.test(segment.slice(label.length))) continue;
          const rest = segment
            .slice(label.length)
            .replace(/^\s*[:：]\s*/, '')
            .trim();
          if (rest && !wanted.includes(foldLabel(rest)) && !found.some((f) => f.value === rest)) found.push({ value: rest, length: text.length });
        }
      }
    }
    // Stable: among elements of the same length, page order stays.
    return found.sort((a, b) => a.length - b.length).map((f) => f.value);
  }

  /** Elements whose whole text is one of the labels (for callers that read the value their own way). */
  labelElements(labels: readonly string[]): Element[] {
    const wanted = new Set(labels.map(foldLabel));
    return this.candidates.filter((c) => wanted.has(c.folded)).map((c) => c.el);
  }

  /** The text after a phrase such as "Send message to" in the shortest element that starts with it. */
  afterPhrase(phrases: readonly string[]): string | undefined {
    const wanted = phrases.map(foldLabel);
    let best: string | undefined;
    for (const { text, folded } of this.candidates) {
      for (const phrase of wanted) {
        if (!folded.startsWith(phrase) || folded.length === phrase.length) continue;
        const rest = text
          .slice(phrase.length)
          .replace(/^[\s:：]+/, '')
          .trim();
        if (rest && (best === undefined || rest.length < best.length)) best = rest;
      }
    }
    return best;
  }
}

/** The value that belongs to a label element: its next sibling, its dd/td partner, or the rest of its parent. */
function valueBeside(label: Element, labelText: string): string | undefined {
  let sibling = label.nextElementSibling;
  while (sibling) {
    const text = deepText(sibling);
    if (text) return text.length <= MAX_VALUE_LENGTH ? text : undefined;
    sibling = sibling.nextElementSibling;
  }
  const parent = label.parentElement;
  if (!parent) return undefined;
  // A table row: <th>Label</th><td>value</td> where the label sits in a wrapper inside the cell.
  const cell = label.closest('th, td, dt');
  if (cell && cell !== label) {
    const next = cell.nextElementSibling;
    const text = deepText(next);
    if (text) return text;
  }
  const parentText = deepText(parent);
  if (!parentText || parentText.length > MAX_VALUE_LENGTH) return undefined;
  const index = parentText.indexOf(labelText);
  const rest =
    index >= 0
      ? parentText
          .slice(index + labelText.length)
          .replace(/^[\s:：]+/, '')
          .trim()
      : '';
  return rest || undefined;
}

/**
 * A table row's value under a column headed by one of the labels (a list row in focus, whose labels are
 * the table's header cells, outside the row).
 */
export function columnValue(row: Element, labels: readonly string[]): string | undefined {
  const tr = row.closest('tr, kat-table-row') ?? (row.matches('tr, kat-table-row') ? row : null);
  const table = tr?.closest('table, kat-table');
  if (!tr || !table) return undefined;
  const headerRow = table.querySelector('thead tr, kat-table-head kat-table-row, tr');
  if (!headerRow || headerRow === tr) return undefined;
  const wanted = labels.map(foldLabel);
  const headers = Array.from(headerRow.children);
  const index = headers.findIndex((h) => wanted.includes(foldLabel(deepText(h) ?? '')));
  if (index < 0) return undefined;
  return deepText(Array.from(tr.children)[index]);
}
