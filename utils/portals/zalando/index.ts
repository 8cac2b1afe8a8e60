import { ZALANDO_HOSTS } from './hosts';
import { safely } from '../dom';
import { findReplyTarget } from '../reply-box';
import type { PortalAdapter } from '../types';
import { EXAMPLES, URL_PREDICATES } from './pages';
import { classifyZalando } from './detect';
import { extractZalandoPage, isZalandoContentReady } from './extract';
import { zalandoFocus } from './focus';
import { REPLY_BOX } from './selectors';

const HOSTS = new Set(ZALANDO_HOSTS);

export const zalandoAdapter: PortalAdapter = {
  pages: { predicates: URL_PREDICATES, examples: EXAMPLES },
  id: 'zalando',
  matchesHost: (host) => HOSTS.has(host.toLowerCase()),
  classify: (url, doc) => safely(() => classifyZalando(url, doc)) ?? 'unknown',
  isContentReady: (kind, doc) => safely(() => isZalandoContentReady(kind, doc)) ?? false,
  extract: (url, doc) => extractZalandoPage(url, doc, zalandoAdapter.classify(url, doc)),
  // Only a box inside the part of the page that shows the case (the open request), never a feedback box.
  findReplyBox: (doc) =>
    safely(() => {
      const kind = zalandoAdapter.classify(new URL(doc.location?.href ?? 'https://zdirect.zalando.com/'), doc);
      const focus = zalandoFocus(doc, kind);
      return findReplyTarget(doc, REPLY_BOX, [focus.scope]);
    }) ?? null,
};
