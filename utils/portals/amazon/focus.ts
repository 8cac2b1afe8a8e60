import type { PageKind } from '../../schemas';
import { composedContains, deepQueryAll, deepText, pageDocuments } from '../deep-dom';
import { findFocus, type FocusScope } from '../focus';
import { ORDER_ID_IN_TEXT } from './pages';
import { REPLY_BOX } from './selectors';

/**
 * Where a Seller Central page's case is. Claims, returns, the messaging inbox and the chargebacks table
 * show many orders at once: the case is the item the agent expanded, selected or opened. A page with
 * a single order (the order page, the contact form, a claim or return opened by itself) is its own scope.
 */
const LIST_AND_DETAIL: ReadonlySet<PageKind> = new Set(['message', 'claim', 'chargeback', 'return']);

/** Containers that hold one item of a list; the outermost one holding a single order id is the item. */
const ITEM_CANDIDATES = [
  'kat-table-row',
  'tr',
  '[role="row"]',
  'li',
  'article',
  'details',
  'kat-expander',
  '[role="listitem"]',
  '[role="option"]',
  'section',
  'kat-box',
  'div',
  'dl',
];

/** Panes and drawers that show one item by itself. */
const PANES = [
  '[data-test-id="thread-view"]',
  '[data-test-id="claim-details"]',
  '[data-test-id="chargeback-details"]',
  '[role="dialog"]',
  'kat-modal[visible]',
  'kat-sheet[visible]',
  'aside[aria-label]',
  'aside[aria-labelledby]',
  '[class*="drawer"][open]',
  '[class*="detail-pane"]',
  '[class*="details-pane"]',
];

export interface PageFocus {
  /** The elements holding the case; empty on a list with nothing in focus. */
  scope: FocusScope;
  /** True when the page lists several items and none is in focus. */
  listOnly: boolean;
}

const orderIdsIn = (el: Element): Set<string> => {
  const ids = new Set<string>();
  const text = deepText(el) ?? '';
  const global = new RegExp(ORDER_ID_IN_TEXT.source, 'g');
  for (const match of text.matchAll(global)) ids.add(match[0]);
  for (const link of Array.from(el.querySelectorAll('a[href*="/orders-v3/order/"]'))) {
    const id = /\/orders-v3\/order\/([^/?#]+)/.exec(link.getAttribute('href') ?? '')?.[1];
    if (id) ids.add(id);
  }
  return ids;
};

/** The list's items: containers with exactly one order, not nested in another such container. */
function listItems(root: ParentNode): Element[] {
  const singles = deepQueryAll(root, ITEM_CANDIDATES.join(', ')).filter((el) => !el.closest('nav, header, footer') && orderIdsIn(el).size === 1);
  const unique = [...new Set(singles)];
  return unique.filter((el) => !unique.some((other) => other !== el && other.contains(el)));
}

/** Containers that can be the detail pane of a list entry. */
const DETAIL_CANDIDATES = 'section, main, article, aside, form, [role="region"], [role="main"], [role="dialog"], [role="tabpanel"], div';

/**
 * The detail pane that shows the focused entry's order and no other: the outermost such container
 * outside the list entry (or a same-origin frame's whole body). A pane still showing the previous
 * entry's order does not match, so the previous item's data is never read for the new one.
 */
function detailPaneFor(orderId: string, item: Element, bodies: readonly Element[]): Element | undefined {
  let best: Element | undefined;
  let bestSize = 0;
  for (const body of bodies) {
    const candidates = [body, ...deepQueryAll(body, DETAIL_CANDIDATES)];
    for (const el of candidates) {
      if (composedContains(el, item) || composedContains(item, el)) continue;
      const ids = orderIdsIn(el);
      if (ids.size !== 1 || !ids.has(orderId)) continue;
      const size = (deepText(el) ?? '').length;
      if (size > bestSize) {
        best = el;
        bestSize = size;
      }
    }
  }
  return best;
}

export function amazonPageFocus(kind: PageKind, url: URL, doc: Document): PageFocus {
  const bodies = pageDocuments(doc)
    .map((d) => d.body)
    .filter((b): b is HTMLElement => Boolean(b));
  const singleItem = !LIST_AND_DETAIL.has(kind) || url.pathname.includes('/messaging/contact');
  if (singleItem) return { scope: bodies, listOnly: false };
  const items = bodies.flatMap(listItems);
  const ids = new Set(items.flatMap((item) => [...orderIdsIn(item)]));
  for (const body of bodies) {
    const pane = findFocus(body, { items: [], panes: PANES, replyBoxes: [] })[0];
    if (!pane) continue;
    const orders = orderIdsIn(pane);
    // A designed hook pane is the case even before its order shows; any other pane must hold one order.
    if (orders.size === 1 || (orders.size === 0 && pane.hasAttribute('data-test-id'))) {
      const entry = items.find((item) => orders.size === 1 && orderIdsIn(item).has([...orders][0]!) && !composedContains(pane, item));
      return { scope: entry ? [pane, entry] : [pane], listOnly: false };
    }
  }
  const focused = findFocusAmong(items);
  if (focused.length) {
    const orderId = [...orderIdsIn(focused[0]!)][0];
    const pane = orderId ? detailPaneFor(orderId, focused[0]!, bodies) : undefined;
    return { scope: pane ? [pane, ...focused] : focused, listOnly: false };
  }
  if (ids.size >= 2) return { scope: [], listOnly: true };
  return { scope: bodies, listOnly: false };
}

/** Among known items: the marked one, else the one holding an open reply box. */
function findFocusAmong(items: Element[]): FocusScope {
  if (items.length === 0) return [];
  return findFocus(items[0]!.ownerDocument, { items: [], elements: items, replyBoxes: REPLY_BOX });
}
