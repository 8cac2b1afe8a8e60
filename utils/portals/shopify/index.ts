import { safely } from '../dom';
import type { PortalAdapter } from '../types';
import { classifyShopify, isShopifyContentReady } from './detect';
import { extractShopifyPage } from './extract';
import { findCommentBox } from './focus';
import { isShopifyAdminHost } from './hosts';
import { EXAMPLES, URL_PREDICATES } from './pages';

export const shopifyAdapter: PortalAdapter = {
  pages: { predicates: URL_PREDICATES, examples: EXAMPLES },
  id: 'shopify',
  matchesHost: isShopifyAdminHost,
  classify: (url, doc) => safely(() => classifyShopify(url, doc)) ?? 'unknown',
  isContentReady: (kind, doc) => safely(() => isShopifyContentReady(kind, doc)) ?? false,
  extract: (url, doc) => extractShopifyPage(url, doc, shopifyAdapter.classify(url, doc)),
  // The timeline's comment box: templates become staff-only notes on the order.
  findReplyBox: (doc) => safely(() => findCommentBox(doc)) ?? null,
};
