import { composedContains, deepQueryAll } from './deep-dom';

/**
 * The item in focus on list-and-detail pages (claims, returns, the messaging inbox, the chargebacks
 * table): the one the agent expanded, selected or opened. Those pages show many orders at once, so
 * the case is that item and nothing else; with nothing in focus the page is a list (no single order,
 * no case). The scope it returns is the item plus what it controls (its expanded detail row or pane).
 */
export interface FocusRules {
  /** Selectors of the list's items (rows, cards, threads), in order of preference. */
  items: readonly string[];
  /** Items already found by the caller (for lists whose items are told apart by content). */
  elements?: readonly Element[];
  /** An open detail pane or drawer that holds one item by itself. */
  panes?: readonly string[];
  /** The reply box of an item: the thread whose box is open is the one in focus. */
  replyBoxes?: readonly string[];
}

/** The elements that together show the item in focus; empty when nothing is in focus. */
export type FocusScope = readonly Element[];

const FOCUS_MARKS = ['[aria-expanded="true"]', '[aria-selected="true"]', '[aria-current]:not([aria-current="false"])', '[open]'];
const OWN_MARKS = ['aria-expanded', 'aria-selected', 'aria-current'];

function isShown(el: Element): boolean {
  if (el.closest('[hidden], [aria-hidden="true"]')) return false;
  const style = (el as HTMLElement).style;
  return !(style && (style.display === 'none' || style.visibility === 'hidden'));
}

function marked(el: Element): boolean {
  if (
    OWN_MARKS.some((attr) => {
      const v = el.getAttribute(attr);
      return v !== null && v !== 'false';
    })
  )
    return true;
  if (el.hasAttribute('open') || el.hasAttribute('expanded') || el.hasAttribute('selected')) return true;
  return FOCUS_MARKS.some((mark) => el.querySelector(mark) !== null);
}

/** What an item controls: `aria-controls` targets and a detail row right after a table row. */
function controlledBy(item: Element): Element[] {
  const doc = item.ownerDocument;
  const ids = [item, ...Array.from(item.querySelectorAll('[aria-controls]'))]
    .flatMap((el) => (el.getAttribute('aria-controls') ?? '').split(/\s+/))
    .filter(Boolean);
  const controlled = ids.map((id) => doc.getElementById(id)).filter((el): el is HTMLElement => el !== null && isShown(el));
  const next = item.nextElementSibling;
  const isDetailRow =
    next &&
    (next.tagName === 'TR' || next.tagName === 'KAT-TABLE-ROW') &&
    !next.querySelector('a[href*="/order"]') &&
    /detail|expan/i.test(`${next.className} ${next.getAttribute('data-row-type') ?? ''}`);
  return isDetailRow && isShown(next) && !controlled.includes(next as HTMLElement) ? [...controlled, next] : controlled;
}

export function findFocus(root: ParentNode, rules: FocusRules): FocusScope {
  for (const selector of rules.panes ?? []) {
    const pane = deepQueryAll(root, selector).find(isShown);
    if (pane) return [pane];
  }
  const items = [...(rules.elements ?? []), ...rules.items.flatMap((selector) => deepQueryAll(root, selector))].filter(isShown);
  const focused = items.find(marked);
  if (focused) return [focused, ...controlledBy(focused)];
  // The thread whose reply box the agent opened.
  for (const selector of rules.replyBoxes ?? []) {
    for (const box of deepQueryAll(root, selector).filter(isShown)) {
      const owner = items.find((item) => composedContains(item, box));
      if (owner) return [owner, ...controlledBy(owner)];
    }
  }
  return [];
}

/** All matches inside a scope, scope elements themselves included. */
export function queryInScope(scope: FocusScope, selector: string): Element[] {
  return scope.flatMap((el) => [...(el.matches(selector) ? [el] : []), ...deepQueryAll(el, selector)]);
}

export function inScope(scope: FocusScope, el: Element): boolean {
  return scope.some((s) => composedContains(s, el));
}
