import type { PortalId } from '@/utils/schemas/common';
import type { Classify } from '@/utils/portals/detectors';
import { panelModule } from './panel-global';

/**
 * Runs on every portal page and costs next to nothing there: it only tells whether the page is a work
 * page (URL first, one DOM hook when the URL does not decide), at document_idle, after every SPA
 * navigation and a few times while a page renders. The first time it is, it asks the background worker to
 * load the panel script into this frame and hands over; pages that never become work pages never load
 * the panel.
 * What it deliberately does not do on a page that is not a work page: touch `chrome.*` (the first touch
 * sets up the extension bindings in this isolated world, 2-4 ms of main-thread time), observe DOM
 * mutations (a callback on every change the portal makes), import zod or the messaging module.
 */
export interface DetectorOptions {
  win?: Window;
  /** After start and after each navigation, re-check this long later: content that renders late. */
  recheckAfterMs?: readonly number[];
  /** The extension API, read only when a work page is found. */
  extensionApi?: () => ExtensionApi | undefined;
}

export interface ExtensionApi {
  runtime?: { id?: string; sendMessage: (message: unknown) => Promise<unknown> };
}

const RECHECK_AFTER_MS = [600, 3_000] as const;
const chromeApi = () => (globalThis as { chrome?: ExtensionApi }).chrome;

export function runDetector(portal: PortalId, classify: Classify, opts: DetectorOptions = {}): { stop: () => void } {
  const win = opts.win ?? window;
  const extensionApi = opts.extensionApi ?? chromeApi;
  let requested = false;
  let stopped = false;
  let rechecks: number[] = [];

  const check = () => {
    if (stopped || requested) return;
    let kind;
    try {
      kind = classify(new URL(win.location.href), win.document);
    } catch {
      return;
    }
    if (kind !== 'unknown') void handOver();
  };

  const scheduleRechecks = () => {
    for (const id of rechecks) win.clearTimeout(id);
    rechecks = (opts.recheckAfterMs ?? RECHECK_AFTER_MS).map((ms) => win.setTimeout(check, ms));
  };

  const onNavigation = () => {
    check();
    scheduleRechecks();
  };

  const handOver = async () => {
    requested = true;
    // Never compete with the portal's own loading: the panel script is parsed once the page has loaded.
    if (win.document.readyState !== 'complete') await new Promise<void>((resolve) => win.addEventListener('load', () => resolve(), { once: true }));
    const api = extensionApi();
    // No runtime id: the extension was reloaded or removed and this script is orphaned; stay quiet.
    if (stopped || !api?.runtime?.id) return;
    if (!panelModule()) {
      try {
        await api.runtime.sendMessage({ type: 'panel:inject', portal });
      } catch {
        requested = false; // the worker was restarting: the next navigation or re-check retries
        return;
      }
    }
    const module = panelModule();
    if (!module || stopped) {
      requested = false;
      return;
    }
    stop(); // the panel follows the page from here on
    module.start(portal);
  };

  // Same-document navigations (History API, fragments) change the current entry; the Navigation API
  // reports them without polling. Without it, popstate and hashchange are the cheap fallback.
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  const navigationEvents = navigation
    ? [[navigation, 'currententrychange']]
    : [
        [win, 'popstate'],
        [win, 'hashchange'],
      ];
  for (const [target, type] of navigationEvents as Array<[EventTarget, string]>) target.addEventListener(type, onNavigation);

  const stop = () => {
    stopped = true;
    for (const id of rechecks) win.clearTimeout(id);
    rechecks = [];
    for (const [target, type] of navigationEvents as Array<[EventTarget, string]>) target.removeEventListener(type, onNavigation);
  };

  // The re-checks also retry a hand-over the worker could not answer (it was restarting).
  check();
  scheduleRechecks();
  return { stop };
}
