import type { PortalAdapter } from '@/utils/portals/types';
import type { PageKind } from '@/utils/schemas/common';
import type { PageContext } from '@/utils/schemas/page';
import { recordRef } from '@/utils/panel-key';

/**
 * Follows what the portal shows: the page kind after every History API or hash navigation, and the
 * content that renders after load behind a spinner. Calls `onPage` whenever the page's record or what
 * could be read of it changes, and `onPage(null)` when the page stops being a work page. The DOM is read
 * only when something changed, and at most once per animation frame.
 */
export interface PageWatcherOptions {
  adapter: PortalAdapter;
  onPage: (page: WatchedPage | null) => void;
  /** After this long without the content rendering, read what is there (the degraded state). */
  readyTimeoutMs?: number;
  /**
   * A loaded page whose DOM has been quiet this long will not render the expected hooks any more (a
   * redesign): read what is there instead of waiting for the full timeout.
   */
  quietMs?: number;
  /**
   * How long after a DOM change to re-read a page already shown (late fields, or the agent switching
   * thread, claim or row without a URL change). Measured from the first change, not the last, so a
   * busy page still gets re-read; a change of focus marks (aria-selected, aria-expanded ...) re-reads
   * on the next frame.
   */
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
  check: () => void;
  stop: () => void;
}

export function watchPage(opts: PageWatcherOptions): PageWatcher {
  const win = opts.win ?? window;
  const doc = win.document;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 8_000;
  const quietMs = opts.quietMs ?? 1_200;
  const settleMs = opts.settleMs ?? 150;

  let lastSignature = '';
  /** The URL whose content is awaited, and since when. */
  let waitingFor: { url: string; since: number } | null = null;
  /** URLs read in the degraded state: they are not awaited again until the URL changes. */
  let settledUrl = '';
  let frame = 0;
  let stopped = false;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let timeoutTimer: ReturnType<typeof setTimeout> | undefined;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;

  const emit = (signature: string, page: WatchedPage | null) => {
    if (signature === lastSignature) return;
    lastSignature = signature;
    opts.onPage(page);
  };

  const stopWaiting = () => {
    waitingFor = null;
    clearTimeout(timeoutTimer);
    clearTimeout(quietTimer);
  };

  const armQuietTimer = () => {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      if (!waitingFor) return;
      if (doc.readyState === 'complete') evaluate(true);
      else armQuietTimer();
    }, quietMs);
  };

  const evaluate = (force: boolean) => {
    frame = 0;
    if (stopped) return;
    const url = new URL(win.location.href);
    const urlKey = url.href;
    let kind: PageKind;
    try {
      kind = opts.adapter.classify(url, doc);
    } catch {
      kind = 'unknown';
    }
    if (kind === 'unknown') {
      stopWaiting();
      emit('none', null);
      return;
    }
    if (!isReady(opts.adapter, kind, doc) && !force && settledUrl !== urlKey) {
      if (waitingFor?.url !== urlKey) {
        waitingFor = { url: urlKey, since: Date.now() };
        clearTimeout(timeoutTimer);
        timeoutTimer = setTimeout(() => evaluate(true), readyTimeoutMs);
        armQuietTimer();
      }
      // Tell the panel which page is coming (loading state) as soon as the URL says so.
      emit(`${urlKey}|loading`, { context: loadingContext(opts.adapter, url, kind, doc), loading: true });
      return;
    }
    if (waitingFor || force) settledUrl = urlKey;
    stopWaiting();
    observeFrames();
    const context = opts.adapter.extract(url, doc);
    const signature = [
      urlKey,
      recordRef(context) ?? '',
      context.orderId ?? '',
      context.recognition.status,
      context.recognition.missing.length,
      context.items.length,
      context.buyer?.name ?? '',
      context.clockStart?.at ?? '',
    ].join('|');
    emit(signature, { context, loading: false });
  };

  const schedule = () => {
    if (!frame && !stopped) frame = win.requestAnimationFrame(() => evaluate(false));
  };

  const onMutations = (records: MutationRecord[]) => {
    if (waitingFor || lastSignature === '') {
      schedule();
      armQuietTimer();
      return;
    }
    // The agent switched item in a list-and-detail page: follow at once, never show the previous item.
    if (records.some((r) => r.type === 'attributes')) {
      clearTimeout(settleTimer);
      settleTimer = undefined;
      schedule();
      return;
    }
    // Already shown: re-read shortly, to pick up fields that render late or a detail pane replaced.
    settleTimer ??= setTimeout(() => {
      settleTimer = undefined;
      schedule();
    }, settleMs);
  };
  const FOCUS_ATTRIBUTES = ['aria-selected', 'aria-expanded', 'aria-current', 'open', 'hidden'];
  const observer = new MutationObserver(onMutations);
  const observed = new WeakSet<Document>();
  const observeDocument = (d: Document) => {
    if (observed.has(d) || !d.documentElement) return;
    observed.add(d);
    observer.observe(d.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: FOCUS_ATTRIBUTES });
  };
  // The inbox may render the thread in a same-origin frame: watch it too, and again after it reloads.
  const observeFrames = () => {
    for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
      try {
        const inner = frame.contentDocument;
        if (inner) observeDocument(inner);
      } catch {
        // cross-origin frames are not ours
      }
    }
  };
  const onFrameLoad = (event: Event) => {
    if ((event.target as Element | null)?.tagName === 'IFRAME') {
      observeFrames();
      schedule();
    }
  };
  observeDocument(doc);
  observeFrames();
  doc.addEventListener('load', onFrameLoad, true);
  evaluate(false);

  return {
    check: () => {
      clearTimeout(settleTimer);
      settleTimer = undefined;
      evaluate(false);
    },
    stop: () => {
      stopped = true;
      observer.disconnect();
      doc.removeEventListener('load', onFrameLoad, true);
      clearTimeout(settleTimer);
      stopWaiting();
      if (frame) win.cancelAnimationFrame(frame);
    },
  };
}

function isReady(adapter: PortalAdapter, kind: PageKind, doc: Document): boolean {
  try {
    return adapter.isContentReady(kind, doc);
  } catch {
    return true;
  }
}

/** While the content renders: the page kind and what the URL alone tells (the order id). */
function loadingContext(adapter: PortalAdapter, url: URL, kind: PageKind, doc: Document): PageContext {
  const fromUrl = adapter.extract(url, doc.implementation.createHTMLDocument(''));
  return { ...fromUrl, pageKind: kind };
}
