import type { PortalAdapter } from '@/utils/portals/types';
import type { PageContext } from '@/utils/schemas/page';
import { recordRef } from '@/utils/panel-key';

/**
 * Follows what the portal shows: the page kind after every History API or hash navigation, and the
 * content that renders after load behind a spinner. Calls `onPage` with a fresh, schema-checked context
 * whenever the page's record or readiness changes, and `onPage(null)` when the page stops being a work
 * page. The DOM is read only when something changed, and at most once per animation frame.
 */
export interface PageWatcherOptions {
  adapter: PortalAdapter;
  onPage: (page: WatchedPage | null) => void;
  /** After this long without the content rendering, extract what is there (the degraded state). */
  readyTimeoutMs?: number;
  /** How long after the last DOM change to re-read a page already shown (late fields). */
  settleMs?: number;
  win?: Window;
}

export interface WatchedPage {
  context: PageContext;
  /** The URL says which page this is, but its content has not rendered yet. */
  loading: boolean;
}

export interface PageWatcher {
  /** Re-evaluate now (after a navigation event). */
  check(): void;
  stop(): void;
}

export function watchPage(opts: PageWatcherOptions): PageWatcher {
  const win = opts.win ?? window;
  const doc = win.document;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 8_000;
  const settleMs = opts.settleMs ?? 400;

  let lastSignature = '';
  let waitingSince = 0;
  let frame = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let timeoutTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const evaluate = (force: boolean) => {
    frame = 0;
    if (stopped) return;
    const url = new URL(win.location.href);
    let kind;
    try {
      kind = opts.adapter.classify(url, doc);
    } catch {
      kind = 'unknown' as const;
    }
    if (kind === 'unknown') {
      waitingSince = 0;
      if (lastSignature !== 'none') {
        lastSignature = 'none';
        opts.onPage(null);
      }
      return;
    }
    const ready = safeReady(opts.adapter, kind, doc);
    if (!ready) {
      if (!waitingSince) {
        waitingSince = Date.now();
        clearTimeout(timeoutTimer);
        timeoutTimer = setTimeout(() => evaluate(true), readyTimeoutMs);
      }
      const timedOut = Date.now() - waitingSince >= readyTimeoutMs;
      if (!timedOut && !force) {
        // Tell the panel which page is coming (loading state) as soon as the URL says so.
        const pending = `${url.pathname}${url.search}${url.hash}|waiting`;
        if (pending !== lastSignature) {
          lastSignature = pending;
          opts.onPage({ context: loadingContext(opts.adapter, url, kind, doc), loading: true });
        }
        return;
      }
    }
    const context = opts.adapter.extract(url, doc);
    const signature = `${url.pathname}${url.search}${url.hash}|${recordRef(context) ?? ''}|${context.recognition.status}|${context.recognition.missing.length}|${context.items.length}|${context.buyer?.name ?? ''}`;
    if (ready) {
      waitingSince = 0;
      clearTimeout(timeoutTimer);
    }
    if (signature !== lastSignature) {
      lastSignature = signature;
      opts.onPage({ context, loading: false });
    }
  };

  const schedule = () => {
    if (!frame && !stopped) frame = win.requestAnimationFrame(() => evaluate(false));
  };

  const observer = new MutationObserver(() => {
    if (waitingSince || lastSignature === '') {
      schedule();
      return;
    }
    // Already shown: re-read once the page settles, to pick up fields that render late.
    clearTimeout(settleTimer);
    settleTimer = setTimeout(schedule, settleMs);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  evaluate(false);

  return {
    check: () => {
      clearTimeout(settleTimer);
      evaluate(false);
    },
    stop: () => {
      stopped = true;
      observer.disconnect();
      clearTimeout(settleTimer);
      clearTimeout(timeoutTimer);
      if (frame) win.cancelAnimationFrame(frame);
    },
  };
}

function safeReady(adapter: PortalAdapter, kind: Parameters<PortalAdapter['isContentReady']>[0], doc: Document): boolean {
  try {
    return adapter.isContentReady(kind, doc);
  } catch {
    return true;
  }
}

/** While the content renders: the page kind and what the URL alone tells (the order id), marked loading. */
function loadingContext(adapter: PortalAdapter, url: URL, kind: PageContext['pageKind'], doc: Document): PageContext {
  const fromUrl = adapter.extract(url, doc.implementation.createHTMLDocument(''));
  return { ...fromUrl, pageKind: kind };
}
