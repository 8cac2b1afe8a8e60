import { safely } from '../dom';
import { findReplyTarget } from '../reply-box';
import type { PortalAdapter } from '../types';
import { classifyMirakl } from './detect';
import { extractMiraklPage, isMiraklContentReady } from './extract';
import { miraklFocus } from './focus';
import { isBackOfficePath, isKnownBackOfficeHost } from './hosts';
import { REPLY_BOX } from './labels';
import { EXAMPLES, URL_PREDICATES } from './pages';

export const miraklAdapter: PortalAdapter = {
  pages: { predicates: URL_PREDICATES, examples: EXAMPLES },
  id: 'mirakl',
  // The extension runs only on the hosts a lead added (their detector is registered for each one); by host
  // alone, only Mirakl's own domain and custom domains seen publicly are known.
  matchesHost: isKnownBackOfficeHost,
  classify: (url, doc) => safely(() => (isBackOfficePath(url) ? classifyMirakl(url, doc) : 'unknown')) ?? 'unknown',
  isContentReady: (kind, doc) => safely(() => isMiraklContentReady(kind, doc)) ?? false,
  extract: (url, doc) => extractMiraklPage(url, doc, miraklAdapter.classify(url, doc)),
  // Only a box in the part of the page that shows the case: the open thread, the expanded incident.
  findReplyBox: (doc) =>
    safely(() => {
      const url = new URL(doc.location?.href ?? 'https://localhost/');
      const focus = miraklFocus(doc, url, miraklAdapter.classify(url, doc));
      return focus.listWithoutFocus ? null : findReplyTarget(doc, REPLY_BOX, focus.scopes);
    }) ?? null,
};
