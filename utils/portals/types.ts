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
  /**
   * The reply box of the item in focus, if it is open: never a feedback or search box, a disabled
   * preview, or a box beside another item. Looks into same-origin frames too.
   */
  findReplyBox(doc: Document): ReplyTarget | null;
  /** The control that opens the reply box ("Reply", "Respond to Amazon") when the box is not open yet. */
  findReplyOpener?(doc: Document): HTMLElement | null;
  /**
   * The pure URL predicates of the portal's work pages and example URLs of every kind (unknown pages
   * included): each predicate accepts its own examples and no other kind's (conventions.test.ts).
   */
  pages: {
    predicates: ReadonlyArray<readonly [Exclude<PageKind, 'unknown'>, (url: URL) => boolean]>;
    examples: Readonly<Partial<Record<PageKind, readonly string[]>>>;
  };
}

export type ReplyTarget = { kind: 'textarea'; element: HTMLTextAreaElement; host?: Element } | { kind: 'contenteditable'; element: HTMLElement };

export type { PortalDefinition, PortalDisputeKind } from './definition';
