import type { PageKind } from '../../schemas';
import { findOrderNumber } from './ids';
import { pageKindFromUrl } from './pages';
import { PAGE_SIGNS } from './selectors';

/**
 * The page kind from what the page itself shows: its headings, its status tabs and an open order
 * drawer. zDirect's paths are not public, so this comes first and the (speculative) URL predicates
 * decide only while the content has not rendered. Cheap by design: one capped querySelectorAll, as it
 * runs on every zDirect page.
 */
const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
/** "Initial (4)", "Approved · 6", "Alle (89)" -> the tab's name. */
const tabName = (s: string) => fold(s).replace(/\s*[(·:|-]?\s*\d[\d.,]*\)?\s*$/, '');
const startsWithAny = (text: string, labels: readonly string[]) =>
  labels.some((l) => {
    const w = l.toLowerCase();
    return text === w || text.startsWith(`${w} `) || text.startsWith(`${w}:`);
  });

function isShown(el: Element): boolean {
  return !el.closest('[hidden], [aria-hidden="true"]');
}

/** At least three of the four status tabs (Initial / Approved / Fulfilled / All), as tabs or as a state nav. */
export function hasStatusTabs(tabTexts: readonly string[]): boolean {
  const names = new Set(tabTexts.map(tabName));
  const groups = Object.values(PAGE_SIGNS.statusTabs);
  const present = groups.filter((group) => group.some((label) => names.has(label.toLowerCase()))).length;
  return present >= 3 && PAGE_SIGNS.statusTabs.initial.some((l) => names.has(l.toLowerCase()));
}

/** An open drawer or dialog that shows one order (its number in a heading or an Article details part). */
export function openOrderDrawer(doc: Document): Element | undefined {
  return Array.from(doc.querySelectorAll('[role="dialog"], dialog[open]'))
    .slice(0, 10)
    .find((dialog) => {
      if (!isShown(dialog)) return false;
      const headings = Array.from(dialog.querySelectorAll('h1, h2, h3, h4')).map((h) => fold(h.textContent));
      const showsOrder = headings.some((h) => startsWithAny(h, PAGE_SIGNS.order) && findOrderNumber(h) !== undefined);
      return showsOrder || headings.some((h) => startsWithAny(h, PAGE_SIGNS.articleDetails));
    });
}

export function classifyByContent(doc: Document): PageKind {
  const nodes = Array.from(doc.querySelectorAll('h1, h2, h3, [role="tab"], nav a, [role="tablist"] a')).slice(0, 80).filter(isShown);
  const headings = nodes.filter((n) => /^H[123]$/.test(n.tagName) && !n.closest('[role="dialog"]')).map((n) => fold(n.textContent));
  if (headings.some((h) => startsWithAny(h, PAGE_SIGNS.customerCare))) return 'message';
  if (openOrderDrawer(doc)) return 'order';
  const tabs = nodes.filter((n) => !/^H[123]$/.test(n.tagName)).map((n) => n.textContent ?? '');
  if (hasStatusTabs(tabs)) return 'order-list';
  const title = headings[0] ?? '';
  if (startsWithAny(title, PAGE_SIGNS.returns)) return 'return';
  if (headings.some((h) => startsWithAny(h, PAGE_SIGNS.articleDetails))) return 'order';
  if (startsWithAny(title, PAGE_SIGNS.order) && findOrderNumber(title)) return 'order';
  return 'unknown';
}

export function classifyZalando(url: URL, doc: Document): PageKind {
  const fromContent = classifyByContent(doc);
  return fromContent !== 'unknown' ? fromContent : pageKindFromUrl(url);
}
