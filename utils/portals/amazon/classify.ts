import type { PageKind } from '../../schemas/common';
import { pageKindFromUrl } from './pages';
import { ORDER } from './selectors';

/**
 * Cheap page kind: the URL decides; only for an unknown path does one DOM hook get a say (an order
 * page that moved to a new path still shows its order-details label). Runs on every Seller Central
 * page, in the small detector script, so it must stay free of extraction code.
 */
export function classifyAmazon(url: URL, doc: Document): PageKind {
  const fromUrl = pageKindFromUrl(url);
  if (fromUrl !== 'unknown') return fromUrl;
  return doc.querySelector(ORDER.anchors[0]) ? 'order' : 'unknown';
}
