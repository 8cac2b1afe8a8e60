import { ZALANDO_HOSTS } from '../hosts';
import { safely } from '../dom';
import { findReplyTarget } from '../reply-box';
import type { PortalAdapter } from '../types';
import { classifyZalando } from './detect';
import { extractZalandoPage, isZalandoContentReady } from './extract';
import { REPLY_BOX } from './selectors';

const HOSTS = new Set(ZALANDO_HOSTS);

export const zalandoAdapter: PortalAdapter = {
  id: 'zalando',
  matchesHost: (host) => HOSTS.has(host.toLowerCase()),
  classify: (url, doc) => safely(() => classifyZalando(url, doc)) ?? 'unknown',
  isContentReady: (kind, doc) => safely(() => isZalandoContentReady(kind, doc)) ?? false,
  extract: (url, doc) => extractZalandoPage(url, doc, zalandoAdapter.classify(url, doc)),
  findReplyBox: (doc) => safely(() => findReplyTarget(doc, REPLY_BOX)) ?? null,
};
