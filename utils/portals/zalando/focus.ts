import type { PageKind } from '../../schemas';
import { openOrderDrawer } from './detect';
import { findOrderNumber } from './ids';

/**
 * The part of a zDirect page that shows the case. Detail pages show one order: the whole page. List
 * pages (the orders list with a drawer, returns with one expanded, the Customer Care inbox with one
 * request selected) show many: the case is the item in focus, and with nothing in focus the page is a
 * list, with no single order to read.
 */
export interface ZalandoFocus {
  /** Where the case's fields are read; the page's main content when the page shows one order. */
  scope: Element;
  /** How the scope was chosen, for the page-health log. */
  by: 'page' | 'drawer' | 'expanded' | 'selected';
  /** Several orders and none in focus: no case on this page. */
  listWithoutFocus: boolean;
}

const isShown = (el: Element) => !el.closest('[hidden], [aria-hidden="true"]');
const isNavigation = (el: Element) => Boolean(el.closest('nav, header, [role="tablist"], [role="tab"], [role="menu"], [role="menubar"]'));

/** The widest ancestor of `toggle` that holds no other expandable item: the expanded item itself. */
function itemOf(mark: Element, attribute: 'aria-expanded' | 'aria-selected'): Element {
  let item = mark;
  for (let parent = mark.parentElement; parent && parent.tagName !== 'BODY' && parent.tagName !== 'MAIN'; parent = parent.parentElement) {
    if (parent.querySelectorAll(`[${attribute}]`).length > 1) break;
    item = parent;
  }
  return item;
}

/** A detail pane beside a selected list item (the inbox's open request). */
function detailPaneBeside(item: Element): Element | undefined {
  const list = item.closest('[role="listbox"], [role="list"], [role="grid"], ul, ol, table') ?? item.parentElement;
  const container = list?.parentElement;
  if (!list || !container) return undefined;
  return Array.from(container.children).find(
    (sibling) =>
      sibling !== list &&
      isShown(sibling) &&
      /^(SECTION|ARTICLE|DIV|ASIDE)$/.test(sibling.tagName) &&
      sibling.querySelector('h1, h2, h3, textarea, dl, table') !== null,
  );
}

/** Distinct order numbers the element shows, up to `limit`. */
export function orderNumbersIn(el: Element, limit = 3): string[] {
  const found = new Set<string>();
  const text = el.textContent ?? '';
  const pattern = /(?<![0-9A-Za-z])\d{16}(?![0-9A-Za-z])/g;
  for (let m = pattern.exec(text); m && found.size < limit; m = pattern.exec(text)) found.add(m[0]);
  return [...found];
}

export function zalandoFocus(doc: Document, kind: PageKind): ZalandoFocus {
  const page = doc.querySelector('main') ?? doc.body ?? doc.documentElement;
  if (kind === 'order-list' || kind === 'unknown') return { scope: page, by: 'page', listWithoutFocus: kind === 'order-list' };
  const drawer = openOrderDrawer(doc);
  if (drawer) return { scope: drawer, by: 'drawer', listWithoutFocus: false };
  const expanded = Array.from(page.querySelectorAll('[aria-expanded="true"]')).find((el) => isShown(el) && !isNavigation(el));
  if (expanded) return { scope: itemOf(expanded, 'aria-expanded'), by: 'expanded', listWithoutFocus: false };
  const selected = Array.from(page.querySelectorAll('[aria-selected="true"], [aria-current]:not([aria-current="false"]):not([aria-current="page"])')).find(
    (el) => isShown(el) && !isNavigation(el),
  );
  if (selected) {
    const item = itemOf(selected, 'aria-selected');
    return { scope: detailPaneBeside(item) ?? item, by: 'selected', listWithoutFocus: false };
  }
  // No item in focus: a page that lists several orders is a list, one that shows one order is the case.
  const listWithoutFocus = orderNumbersIn(page).length > 1 && !findOrderNumber(page.querySelector('h1')?.textContent);
  return { scope: page, by: 'page', listWithoutFocus };
}
