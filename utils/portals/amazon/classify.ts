import type { PageKind } from '../../schemas/common';
import { cleanPath, pageKindFromUrl } from './pages';
import { ORDER } from './selectors';

/**
 * Cheap page kind: the URL decides; only for an unknown path does one DOM hook get a say (an order
 * page that moved to a new path still shows its order-details label). Runs on every Seller Central
 * page, in the small detector script, so it must stay free of extraction code.
 */
export function classifyAmazon(url: URL, doc: Document): PageKind {
  const fromUrl = pageKindFromUrl(url);
  if (fromUrl !== 'unknown') return fromUrl;
  // The messaging inbox keeps its URL while a thread opens beside the list (or in a same-origin frame).
  if (isInbox(url) && showsThread(doc)) return 'message';
  return doc.querySelector(ORDER.anchors[0]) ? 'order' : 'unknown';
}

const isInbox = (url: URL) => /^\/messaging\/inbox(-v\d+)?(\/|$)/.test(cleanPath(url));

/** A thread view, a reply area or an order link in the inbox (or its same-origin frames). */
function showsThread(doc: Document): boolean {
  const docs = [doc];
  for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
    try {
      const inner = frame.contentDocument;
      if (inner) docs.push(inner);
    } catch {
      // cross-origin
    }
  }
  return docs.some(
    (d) =>
      d.querySelector(
        '[data-test-id="thread-view"], a[href*="/orders-v3/order/"], kat-textarea, textarea, [aria-selected="true"] a[href*="/orders-v3/order/"]',
      ) !== null,
  );
}
