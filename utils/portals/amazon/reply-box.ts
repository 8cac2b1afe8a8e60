import { deepQueryAll, deepText, pageDocuments } from '../deep-dom';
import { findReplyTarget } from '../reply-box';
import type { ReplyTarget } from '../types';
import { amazonPageFocus } from './focus';
import { REPLY_OPENERS } from './labels';
import { pageKindFromUrl } from './pages';
import { REPLY_BOX } from './selectors';

/** The scope a reply must stay in: the item in focus (or the whole page on single-item pages). */
function focusScope(doc: Document): readonly Element[] | undefined {
  const view = doc.defaultView;
  if (!view) return undefined;
  let url: URL;
  try {
    url = new URL(view.location.href);
  } catch {
    return undefined;
  }
  const focus = amazonPageFocus(pageKindFromUrl(url) === 'unknown' ? 'message' : pageKindFromUrl(url), url, doc);
  return focus.listOnly ? [] : focus.scope;
}

/**
 * The reply box of a Seller Central page: kat-textarea (inner textarea), plain textarea or an editor,
 * in the item in focus, in this frame or a same-origin frame (the inbox may show the thread in one).
 */
export function findAmazonReplyBox(doc: Document): ReplyTarget | null {
  const scope = focusScope(doc);
  for (const d of pageDocuments(doc)) {
    const target = findReplyTarget(d, REPLY_BOX, scope && scope.length ? scope : scope ? [] : undefined);
    if (target) return target;
  }
  return null;
}

const OPENERS = new Set(REPLY_OPENERS.map((w) => w.toLowerCase()));

/** The "Reply" / "Respond to Amazon" button of the item in focus, when its box is not open yet. */
export function findAmazonReplyOpener(doc: Document): HTMLElement | null {
  const scope = focusScope(doc);
  const roots: ParentNode[] = scope && scope.length ? [...scope] : pageDocuments(doc);
  for (const root of roots) {
    for (const el of deepQueryAll(root, 'button, kat-button, a[role="button"], [role="button"]')) {
      const text = (deepText(el) ?? el.getAttribute('label') ?? '').toLowerCase();
      if (OPENERS.has(text) && !el.hasAttribute('disabled')) return el as HTMLElement;
    }
  }
  return null;
}
