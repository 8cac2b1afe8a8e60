import type { PageKind } from '../../schemas';
import { SELLER_CENTRAL_HOSTS } from '../hosts';
import { safely } from '../dom';
import type { PortalAdapter } from '../types';
import { extractAmazonPage, isAmazonContentReady } from './extract';
import { pageKindFromUrl } from './pages';
import { findAmazonReplyBox } from './reply-box';
import { ORDER } from './selectors';

const HOSTS = new Set(SELLER_CENTRAL_HOSTS);

/**
 * Cheap page kind: the URL decides; only for an unknown path does one DOM hook get a say (an order
 * page that moved to a new path still shows its order-details label).
 */
function classifyAmazon(url: URL, doc: Document): PageKind {
  const fromUrl = pageKindFromUrl(url);
  if (fromUrl !== 'unknown') return fromUrl;
  return doc.querySelector(ORDER.anchors[0]) ? 'order' : 'unknown';
}

export const amazonAdapter: PortalAdapter = {
  id: 'amazon',
  matchesHost: (host) => HOSTS.has(host.toLowerCase()),
  classify: (url, doc) => safely(() => classifyAmazon(url, doc)) ?? 'unknown',
  isContentReady: (kind, doc) => safely(() => isAmazonContentReady(kind, doc)) ?? false,
  extract: (url, doc) => extractAmazonPage(url, doc, amazonAdapter.classify(url, doc)),
  findReplyBox: (doc) => safely(() => findAmazonReplyBox(doc)) ?? null,
};
