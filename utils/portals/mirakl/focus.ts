import type { PageKind } from '../../schemas';

/**
 * The part of a back-office page that shows the case. An order's pages (any tab) show one order: the
 * page's main content. The incident list shows many: the case is the expanded incident (its row and the
 * details row under it); the inbox shows many threads: the case is the open thread. With nothing in focus
 * the page is a list, with no single case.
 */
export interface MiraklFocus {
  scopes: Element[];
  by: 'page' | 'expanded' | 'thread';
  listWithoutFocus: boolean;
}

const isShown = (el: Element) => !el.closest('[hidden], [aria-hidden="true"]');

export function pageRoot(doc: Document): Element {
  const main = Array.from(doc.querySelectorAll('main, [role="main"]')).find(isShown);
  return main ?? doc.body ?? doc.documentElement;
}

/** The expanded incident: its row and the row of details right under it. */
function expandedIncident(root: Element): Element[] | undefined {
  const row = Array.from(root.querySelectorAll('tr[aria-expanded="true"], [role="row"][aria-expanded="true"]')).find(isShown);
  if (!row) return undefined;
  const next = row.nextElementSibling;
  return next && !next.hasAttribute('aria-expanded') ? [row, next] : [row];
}

export function miraklFocus(doc: Document, url: URL, kind: PageKind): MiraklFocus {
  const root = pageRoot(doc);
  const listPath = /^\/mmp\/shop\/(?:incidents?|inbox|messages?)\/?$/.test(url.pathname);
  if (kind === 'claim' && listPath) {
    const expanded = expandedIncident(root);
    return expanded ? { scopes: expanded, by: 'expanded', listWithoutFocus: false } : { scopes: [root], by: 'page', listWithoutFocus: true };
  }
  if (kind === 'message' && listPath) {
    // The inbox: the open thread is the pane with the reply form (threads are listed as links beside it).
    const pane = Array.from(doc.querySelectorAll('section, article, [role="region"], aside')).find(
      (el) => isShown(el) && el.querySelector('textarea') !== null && el.querySelector('h1, h2') !== null,
    );
    return pane ? { scopes: [pane], by: 'thread', listWithoutFocus: false } : { scopes: [root], by: 'page', listWithoutFocus: true };
  }
  return { scopes: [root], by: 'page', listWithoutFocus: kind === 'order-list' || kind === 'unknown' };
}
