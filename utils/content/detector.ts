import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PortalId } from '@/utils/schemas/common';
import type { Classify } from '@/utils/portals/detectors';
import { panelModule } from './panel-global';

/**
 * Runs on every portal page and costs next to nothing there: it only tells whether the page is a work
 * page (URL first, a hook or two), after load and after every SPA navigation. The first time it is, it
 * asks the background worker to load the panel script into this frame and hands over; pages that never
 * become work pages never load React, the extraction code or the panel.
 * Deliberately imports no zod and no messaging module: every byte here is paid on every portal page.
 */
export function runDetector(ctx: ContentScriptContext, portal: PortalId, classify: Classify): void {
  let handedOver = false;
  let requested = false;
  let timer: number | undefined;

  const check = () => {
    timer = undefined;
    if (handedOver || ctx.isInvalid) return;
    let kind;
    try {
      kind = classify(new URL(location.href), document);
    } catch {
      return;
    }
    if (kind === 'unknown') return;
    void handOver();
  };

  const handOver = async () => {
    if (requested) return;
    requested = true;
    // Never compete with the portal's own loading: the panel script (React, adapters) is parsed only
    // once the page has fired its load event.
    if (document.readyState !== 'complete') await new Promise<void>((resolve) => ctx.addEventListener(window, 'load', () => resolve(), { once: true }));
    if (ctx.isInvalid) return;
    if (!panelModule()) {
      try {
        await browser.runtime.sendMessage({ type: 'panel:inject' });
      } catch {
        requested = false; // the worker was restarting: the next navigation or DOM change retries
        return;
      }
    }
    const module = panelModule();
    if (!module || ctx.isInvalid) {
      requested = false;
      return;
    }
    handedOver = true;
    observer.disconnect();
    module.start(ctx, portal);
  };

  // zDirect paths are not documented, so a page may only reveal its kind once rendered: re-check on DOM
  // changes, at most every 250 ms.
  const observer = new MutationObserver(() => {
    if (timer === undefined) timer = ctx.setTimeout(check, 250);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => check());
  ctx.addEventListener(window, 'hashchange', () => check());
  check();
}
