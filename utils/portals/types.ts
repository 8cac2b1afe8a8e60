import type { PageContext, PageKind, PortalId } from '../schemas';

/** The adapter contract the content script uses; one implementation per portal folder. */
export interface PortalAdapter {
  id: PortalId;
  matchesHost(host: string): boolean;
  /** Pure: (url, document) -> page kind; no waiting, no side effects. Runs on every portal page, so cheap. */
  classify(url: URL, doc: Document): PageKind;
  /** True once the page kind's content has rendered (not the spinner). For 'unknown' -> true. */
  isContentReady(kind: PageKind, doc: Document): boolean;
  /** Never throws; always returns a PageContext that passes PageContext.parse. */
  extract(url: URL, doc: Document): PageContext;
  /** The reply box of this page, if any. */
  findReplyBox(doc: Document): ReplyTarget | null;
}

export type ReplyTarget =
  | { kind: 'textarea'; element: HTMLTextAreaElement; host?: Element }
  | { kind: 'contenteditable'; element: HTMLElement };
