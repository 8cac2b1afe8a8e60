import { SELLER_CENTRAL_HOSTS } from './hosts';
import { safely } from '../dom';
import type { PortalAdapter } from '../types';
import { EXAMPLES, URL_PREDICATES } from './pages';
import { extractAmazonPage, isAmazonContentReady } from './extract';
import { classifyAmazon } from './classify';
import { findAmazonReplyBox, findAmazonReplyOpener } from './reply-box';

const HOSTS = new Set(SELLER_CENTRAL_HOSTS);

export const amazonAdapter: PortalAdapter = {
  pages: { predicates: URL_PREDICATES, examples: EXAMPLES },
  id: 'amazon',
  matchesHost: (host) => HOSTS.has(host.toLowerCase()),
  classify: (url, doc) => safely(() => classifyAmazon(url, doc)) ?? 'unknown',
  isContentReady: (kind, doc) => safely(() => isAmazonContentReady(kind, doc)) ?? false,
  extract: (url, doc) => extractAmazonPage(url, doc, amazonAdapter.classify(url, doc)),
  findReplyBox: (doc) => safely(() => findAmazonReplyBox(doc)) ?? null,
  findReplyOpener: (doc) => safely(() => findAmazonReplyOpener(doc)) ?? null,
};
