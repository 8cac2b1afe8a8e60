import type { PortalAdapter, ReplyTarget } from '@/utils/portals/types';

/**
 * Waits for a reply box that opens on demand (Amazon shows it only after "Reply"), in the page and in
 * its same-origin frames. Resolves with the box, or null after `timeoutMs` or when cancelled.
 */
export interface ReplyWait {
  promise: Promise<ReplyTarget | null>;
  cancel: () => void;
}

export function waitForReplyBox(adapter: PortalAdapter, doc: Document, timeoutMs = 60_000): ReplyWait {
  let cancel = () => {};
  const promise = new Promise<ReplyTarget | null>((resolve) => {
    const observers: MutationObserver[] = [];
    // Gives up after timeoutMs (finish is defined below; the timer fires long after).
    const timer = setTimeout(() => finish(null), timeoutMs);
    const finish = (target: ReplyTarget | null) => {
      for (const observer of observers) observer.disconnect();
      clearTimeout(timer);
      resolve(target);
    };
    const check = () => {
      const target = adapter.findReplyBox(doc);
      if (target) finish(target);
    };
    const observe = (d: Document) => {
      const observer = new MutationObserver(check);
      observer.observe(d.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['hidden', 'style', 'class', 'aria-expanded', 'disabled'],
      });
      observers.push(observer);
    };
    observe(doc);
    for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
      try {
        if (frame.contentDocument?.documentElement) observe(frame.contentDocument);
      } catch {
        // cross-origin frames are not ours
      }
    }
    cancel = () => finish(null);
    check();
  });
  return { promise, cancel: () => cancel() };
}
