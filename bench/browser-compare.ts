import type { BrowserContext, Page } from '@playwright/test';
import { median } from './lib/load';
import { waitForMark } from './browser-measures';
import { traceThreadTimes, variantOrder, VARIANTS, type ThreadTimes, type Variant } from './browser-floor';

/**
 * Part 1: the three browsers side by side (no extension, the empty-script floor, ours), in rounds whose
 * order rotates. Page load is wall clock (what a person waits for), so each round's ratios are paired
 * within the round; main-thread time is thread time from a trace (what the renderer's thread actually
 * ran), which machine load does not inflate.
 */
export type Contexts = Record<Variant, BrowserContext>;

export interface LoadFigures {
  rounds: number;
  load: Record<Variant, number>;
  domContentLoaded: Record<Variant, number>;
  /** Medians of per-round ratios of the load event. */
  oursOverFloor: number;
  floorOverNone: number;
  oursOverNone: number;
}

export interface ThreadFigures {
  rounds: number;
  /** Median renderer main-thread time per variant, ms. */
  mainThreadMs: Record<Variant, number>;
  /** Median main-thread time in extension scripts (ours, and the floor's empty scripts), ms. */
  extensionMs: { ours: number; floor: number };
  oursOverFloor: number;
  floorOverNone: number;
  samples: Record<Variant, ThreadTimes[]>;
}

async function loadTimes(page: Page): Promise<{ domContentLoaded: number; load: number }> {
  await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd, undefined, {
    timeout: 10_000,
  });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
}

const ratio = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]!));
const perVariant = <T>(f: (v: Variant) => T) => Object.fromEntries(VARIANTS.map((v) => [v, f(v)])) as Record<Variant, T>;

export async function comparePageLoad(contexts: Contexts, pageUrl: string, rounds: number): Promise<LoadFigures> {
  const load = perVariant<number[]>(() => []);
  const dcl = perVariant<number[]>(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const v of variantOrder(round)) {
      const page = await contexts[v].newPage();
      await page.goto(pageUrl);
      const t = await loadTimes(page);
      await waitForMark(page, 'content', 10_000);
      if (v === 'ours') await waitForMark(page, 'panelData', 10_000);
      load[v].push(t.load);
      dcl[v].push(t.domContentLoaded);
      await page.close();
    }
  }
  return {
    rounds,
    load: perVariant((v) => median(load[v])),
    domContentLoaded: perVariant((v) => median(dcl[v])),
    oursOverFloor: ratio(load.ours, load.floor),
    floorOverNone: ratio(load.floor, load.none),
    oursOverNone: ratio(load.ours, load.none),
  };
}

/** One traced scenario: `prepare` runs untraced (e.g. opening the list before an SPA click), `act` is traced. */
export interface Scenario {
  host: string;
  prepare?: (page: Page, v: Variant) => Promise<void>;
  act: (page: Page, v: Variant) => Promise<void>;
}

export async function compareThreadTime(contexts: Contexts, scenario: Scenario, rounds: number): Promise<ThreadFigures> {
  const samples = perVariant<ThreadTimes[]>(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const v of variantOrder(round)) {
      const page = await contexts[v].newPage();
      await scenario.prepare?.(page, v);
      samples[v].push(await traceThreadTimes(page, scenario.host, () => scenario.act(page, v)));
      await page.close();
    }
  }
  const main = perVariant((v) => samples[v].map((s) => s.mainThreadMs));
  return {
    rounds,
    mainThreadMs: perVariant((v) => median(main[v])),
    extensionMs: { ours: median(samples.ours.map((s) => s.extensionMs)), floor: median(samples.floor.map((s) => s.extensionMs)) },
    oursOverFloor: ratio(main.ours, main.floor),
    floorOverNone: ratio(main.floor, main.none),
    samples,
  };
}

/** The scenarios: an order page's load, a page that is not a work page, and list -> order by SPA navigation. */
export function scenarios(urls: { order: string; nonWork: string; list: string; spaOrderId: string }): Record<'orderLoad' | 'nonWork' | 'spa', Scenario> {
  const hostOf = (u: string) => new URL(u).hostname;
  return {
    orderLoad: {
      host: hostOf(urls.order),
      act: async (page, v) => {
        await page.goto(urls.order);
        await waitForMark(page, 'content', 10_000);
        if (v === 'ours') await waitForMark(page, 'panelData', 10_000);
        await page.waitForTimeout(300);
      },
    },
    nonWork: {
      host: hostOf(urls.nonWork),
      act: async (page) => {
        await page.goto(urls.nonWork);
        await page.waitForTimeout(1_200); // document_idle, the detector's first check and a re-check
      },
    },
    spa: {
      host: hostOf(urls.list),
      prepare: async (page, v) => {
        await page.goto(urls.list);
        if (v === 'ours')
          await page
            .locator('caseside-panel')
            .waitFor({ state: 'attached', timeout: 10_000 })
            .catch(() => {});
        await page.waitForTimeout(500);
        await page.evaluate((id) => (window as unknown as { __csBench: { reset: (id: string) => void } }).__csBench.reset(id), urls.spaOrderId);
      },
      act: async (page, v) => {
        await page.locator(`a[href="/orders-v3/order/${urls.spaOrderId}"]`).click();
        await waitForMark(page, 'content', 10_000);
        if (v === 'ours') await waitForMark(page, 'panelData', 10_000);
        await page.waitForTimeout(300);
      },
    },
  };
}
