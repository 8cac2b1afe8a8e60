import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixtureByName, fixturePath } from '../tests/fixtures/manifest';
import { rendererCounts } from './browser-floor';
import { serviceWorkerHeapMB } from './browser-measures';

/**
 * A simulated shift: one tab on Seller Central, `views` page views (order, message and claim pages in
 * turn, each a different record) reached by SPA navigation, the way an agent works through a queue.
 * The shell page is the bench's own (routed by Playwright under the real host): each view's content
 * is the sandbox fixture's body with the record ids swapped, rendered after a short spinner. Every
 * `sampleEvery` views: the tab's JS heap after forced GCs (page, content scripts and panel share the
 * isolate; the median of three readings, since one reading of the same view varies by up to 0.4 MB), the
 * renderer's JS event listeners and DOM nodes; at the 50th view and at the end also the
 * timer activity of 3 s with nothing happening and the service worker's heap.
 */
export interface ShiftFigures {
  views: number;
  failedViews: number;
  samples: Array<{ view: number; heapMB: number; listeners: number; nodes: number }>;
  at50: ShiftPoint;
  end: ShiftPoint;
  /** (end heap - heap after 50 views) / heap after 50 views. */
  heapGrowth: number;
  minutes: number;
}

interface ShiftPoint {
  view: number;
  heapMB: number;
  listeners: number;
  nodes: number;
  /** Timers installed or fired in 3 s of idling on the page's renderer main thread. */
  idleTimerEvents: number;
  serviceWorkerMB: number | null;
}

const SHELL_URL = 'https://sellercentral.amazon.com/orders-v3/caseside-shift';
const KINDS = ['order', 'message', 'claim'] as const;
type Kind = (typeof KINDS)[number];

function bodyOf(fixture: string): string {
  const html = readFileSync(fixturePath(fixtureByName(fixture)), 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
  return body.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<header[\s\S]*?<\/header>/i, '');
}

/** Each fixture's own ids, replaced per view so every view is a new record. */
const TEMPLATES: Record<Kind, { fixture: string; ids: string[] }> = {
  order: { fixture: 'amazon-com-order', ids: ['111-2223334-4445556'] },
  message: { fixture: 'amazon-uk-message', ids: ['204-3456789-0123456'] },
  claim: { fixture: 'amazon-fr-claim', ids: ['403-1112223-3334445', 'AZ7QK2LX9M'] },
};

function shellHtml(): string {
  const templates = KINDS.map((k) => `<template id="t-${k}">${bodyOf(TEMPLATES[k].fixture)}</template>`).join('\n');
  return `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>Seller Central</title></head><body>
<header class="nav"><a href="/home">Seller Central</a><a href="/orders-v3">Orders</a></header><main id="app"><h1>Manage Orders</h1></main>
${templates}
<script>
  window.__shiftGo = function (path, kind, from, to) {
    history.pushState({}, '', path);
    var app = document.getElementById('app');
    var spinner = document.createElement('div'); spinner.className = 'a-spinner'; app.replaceChildren(spinner);
    setTimeout(function () {
      var html = document.getElementById('t-' + kind).innerHTML;
      for (var i = 0; i < from.length; i++) html = html.split(from[i]).join(to[i]);
      var t = document.createElement('template'); t.innerHTML = html;
      app.replaceChildren(t.content);
    }, 60);
  };
</script></body></html>`;
}

const pad = (n: number, width: number) => String(n % 10 ** width).padStart(width, '0');

function view(i: number): { kind: Kind; path: string; orderId: string; to: string[] } {
  const kind = KINDS[i % KINDS.length]!;
  const orderId = `${kind === 'order' ? '111' : kind === 'message' ? '204' : '403'}-${pad(9_000_000 + i, 7)}-${pad(i * 7919, 7)}`;
  if (kind === 'order') return { kind, path: `/orders-v3/order/${orderId}`, orderId, to: [orderId] };
  if (kind === 'message') return { kind, path: `/messaging/inbox?fi=RESPONSE_NEEDED&cc=6f1c2a9e-3b7d-4c5e-9a10-${pad(i, 12)}`, orderId, to: [orderId] };
  const claimId = `AZ${pad(i, 8)}`;
  return { kind, path: `/gp/guarantee-claims/home.html?claimId=${claimId}`, orderId, to: [orderId, claimId] };
}

async function idleTimerEvents(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const events: Array<{ name: string; ph: string }> = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as Array<{ name: string; ph: string }>));
  });
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  await page.waitForTimeout(3_000);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return events.filter((e) => e.name === 'TimerInstall' || e.name === 'TimerFire').length;
}

/** Three readings after forced GCs; the median heap (one GC does not always settle the heap). */
async function settledCounts(cdp: CDPSession): Promise<Awaited<ReturnType<typeof rendererCounts>>> {
  const readings = [await rendererCounts(cdp), await rendererCounts(cdp), await rendererCounts(cdp)];
  const heaps = readings.map((r) => r.heapMB).sort((a, b) => a - b);
  return { ...readings[2]!, heapMB: heaps[1]! };
}

export async function measureShift(ext: BrowserContext, views: number, log: (m: string) => void): Promise<ShiftFigures> {
  const started = Date.now();
  const shell = shellHtml();
  await ext.route(SHELL_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: shell }));
  const page = await ext.newPage();
  let cdp: CDPSession | null = null;
  try {
    await page.goto(SHELL_URL);
    cdp = await page.context().newCDPSession(page);
    const samples: ShiftFigures['samples'] = [];
    const sampleEvery = Math.max(10, Math.round(views / 20));
    let failedViews = 0;
    let at50: ShiftPoint | null = null;
    const point = async (i: number): Promise<ShiftPoint> => {
      const counts = await settledCounts(cdp!);
      const idle = await idleTimerEvents(page);
      let serviceWorkerMB: number | null = null;
      try {
        serviceWorkerMB = await serviceWorkerHeapMB(ext);
      } catch {
        /* reported as n/a */
      }
      return { view: i, ...counts, idleTimerEvents: idle, serviceWorkerMB };
    };
    for (let i = 1; i <= views; i++) {
      const v = view(i);
      const from = TEMPLATES[v.kind].ids;
      await page.evaluate(({ path, kind, from, to }) => (window as unknown as { __shiftGo: (...a: unknown[]) => void }).__shiftGo(path, kind, from, to), {
        path: v.path,
        kind: v.kind,
        from,
        to: v.to,
      });
      try {
        await page.waitForFunction(
          ({ kind, orderId }) => {
            const root = document.querySelector('caseside-panel')?.shadowRoot;
            const panel = root?.querySelector('[data-testid="caseside-panel"]');
            return panel?.getAttribute('data-page-kind') === kind && (root?.querySelector('[data-testid="order-id"]')?.textContent ?? '').includes(orderId);
          },
          { kind: v.kind, orderId: v.orderId },
          { timeout: 10_000, polling: 20 },
        );
      } catch {
        failedViews++;
      }
      if (i % sampleEvery === 0) samples.push({ view: i, ...(await settledCounts(cdp)) });
      if (i === 50) at50 = await point(i);
    }
    const end = await point(views);
    const base = at50 ?? end;
    const figures: ShiftFigures = {
      views,
      failedViews,
      samples,
      at50: base,
      end,
      heapGrowth: (end.heapMB - base.heapMB) / base.heapMB,
      minutes: (Date.now() - started) / 60_000,
    };
    log(
      `browser: shift of ${views} views (${failedViews} without the panel showing the record): heap ${base.heapMB.toFixed(2)} MB after 50 -> ${end.heapMB.toFixed(2)} MB (${(figures.heapGrowth * 100).toFixed(1)} %), listeners ${base.listeners} -> ${end.listeners}, idle timer events ${base.idleTimerEvents} -> ${end.idleTimerEvents}, worker ${base.serviceWorkerMB?.toFixed(2)} -> ${end.serviceWorkerMB?.toFixed(2)} MB`,
    );
    return figures;
  } finally {
    await cdp?.detach().catch(() => {});
    await page.close();
    await ext.unroute(SHELL_URL);
  }
}
