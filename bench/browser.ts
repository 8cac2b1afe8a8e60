import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend, type BackendProcess } from '../scripts/lib/backend-process';
import { chromiumPath, EXTENSION_DIR, signIn } from '../scripts/lib/chromium';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { FIXTURES } from '../tests/fixtures/manifest';
import { median } from './lib/load';
import { PROBE_SCRIPT, type ProbeMarks } from './lib/probe';
import { fmt, marks, measureInsertion, measureMemory, measureNonWorkPage, round1, serviceWorkerHeapMB, waitForMark } from './browser-measures';

/**
 * Parts 1-5: the extension in the system Chromium on the portal sandbox, against a demo backend on
 * loopback. Every "with" figure has a "without" twin from a Chromium started the same way minus the
 * extension, and runs alternate between the two.
 */
export interface BrowserFigures {
  pageLoad: { runs: number; withExt: LoadTimes; withoutExt: LoadTimes; ratioLoad: number; ratioDomContentLoaded: number; ratioContent: number; ratiosLoad: number[] };
  timeToPanel: {
    fresh: PanelTimes;
    cached: PanelTimes;
    spaFresh: PanelTimes;
    spaCached: PanelTimes;
  };
  nonWorkPage: {
    runs: number;
    /** Median ms of CPU-profiler samples in extension scripts (chrome-extension:// URLs), self time. */
    extensionScriptMs: number;
    /** Median ScriptDuration (all scripts on the main thread) with minus without, ms. */
    scriptDurationDeltaMs: number;
    taskDurationDeltaMs: number;
    scripts: Array<{ url: string; bytes: number; react: boolean }>;
    bytes: number;
    reactLoaded: boolean;
  };
  insertion: { runs: number; medianMs: number | null; maxMs: number | null; samples: number[]; note?: string };
  memory: { tabWithExtMB: number; tabWithoutExtMB: number; deltaMB: number; serviceWorkerMB: number | null; serviceWorkerNote?: string };
}

interface LoadTimes {
  domContentLoaded: number;
  load: number;
  content: number;
}

interface PanelTimes {
  runs: number;
  /** content -> panel shows the order id, ms (median). */
  orderId: number | null;
  /** content -> panel shows backend data, ms (median). */
  data: number | null;
  samplesOrderId: number[];
  samplesData: number[];
}

const BASE_ARGS = ['--ignore-certificate-errors', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function launchPlain(hostResolverRules: string): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'caseside-bench-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 900 },
    args: [`--host-resolver-rules=${hostResolverRules}`, ...BASE_ARGS],
  });
  return { context, dir };
}

/**
 * The extension runs from a private copy of the build taken when the part starts, so another build of
 * .output during the run (the checkout is shared) cannot change what is measured halfway through.
 */
let extensionCopy: string | null = null;
function extensionDir(): string {
  if (!extensionCopy) {
    extensionCopy = mkdtempSync(join(tmpdir(), 'caseside-bench-extension-'));
    cpSync(EXTENSION_DIR, extensionCopy, { recursive: true });
  }
  return extensionCopy;
}

async function launchExt(sandbox: Sandbox, backend: BackendProcess): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'caseside-bench-ext-'));
  const ext = extensionDir();
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 900 },
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, `--host-resolver-rules=${sandbox.hostResolverRules}`, ...BASE_ARGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  await signIn(context, new URL(worker.url()).host, backend.url, 'demo-agent-token');
  return { context, dir };
}

const url = (name: string) => FIXTURES.find((f) => f.name === name)!.url;

async function loadTimes(page: Page): Promise<{ domContentLoaded: number; load: number }> {
  await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd, undefined, { timeout: 10_000 });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
}

export async function benchBrowser(opts: { quick: boolean; log: (msg: string) => void }): Promise<BrowserFigures> {
  const runs = opts.quick ? 3 : 12;
  const freshProfiles = opts.quick ? 2 : 5;
  const sandbox = await startSandbox({ now: 'as-saved' });
  const backendDir = mkdtempSync(join(tmpdir(), 'caseside-bench-backend-'));
  const backend = await startBackend({ dataDir: backendDir, demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'silent' } });
  const dirs: string[] = [];
  const contexts: BrowserContext[] = [];
  try {
    const ext = await launchExt(sandbox, backend);
    const plain = await launchPlain(sandbox.hostResolverRules);
    dirs.push(ext.dir, plain.dir);
    contexts.push(ext.context, plain.context);
    await ext.context.addInitScript(PROBE_SCRIPT);
    await plain.context.addInitScript(PROBE_SCRIPT);

    // 1. Page-load cost, alternating with/without (the order fixture renders after a spinner, like the SPA).
    const orderUrl = url('amazon-de-order');
    const withRuns: LoadTimes[] = [];
    const withoutRuns: LoadTimes[] = [];
    // One unmeasured visit each: the HTTP connection, the code cache and the worker's first answer.
    for (const c of [ext.context, plain.context]) {
      const p = await c.newPage();
      await p.goto(orderUrl);
      await waitForMark(p, 'content', 10_000);
      await p.close();
    }
    for (let i = 0; i < runs * 2; i++) {
      const withExt = (i % 4 === 0 || i % 4 === 3) ; // ABBA order
      const page = await (withExt ? ext.context : plain.context).newPage();
      await page.goto(orderUrl);
      const t = await loadTimes(page);
      await waitForMark(page, 'content', 10_000);
      if (withExt) await waitForMark(page, 'panelData', 10_000);
      const m = await marks(page);
      (withExt ? withRuns : withoutRuns).push({ ...t, content: m.content ?? NaN });
      await page.close();
    }
    const med = (list: LoadTimes[], k: keyof LoadTimes) => median(list.map((r) => r[k]));
    const pageLoad = {
      runs,
      withExt: { domContentLoaded: med(withRuns, 'domContentLoaded'), load: med(withRuns, 'load'), content: med(withRuns, 'content') },
      withoutExt: { domContentLoaded: med(withoutRuns, 'domContentLoaded'), load: med(withoutRuns, 'load'), content: med(withoutRuns, 'content') },
      ratiosLoad: withRuns.map((w, i) => w.load / withoutRuns[i]!.load),
      ratioLoad: 0,
      ratioDomContentLoaded: 0,
      ratioContent: 0,
    };
    pageLoad.ratioLoad = median(pageLoad.ratiosLoad);
    pageLoad.ratioDomContentLoaded = median(withRuns.map((w, i) => w.domContentLoaded / withoutRuns[i]!.domContentLoaded));
    pageLoad.ratioContent = median(withRuns.map((w, i) => w.content / withoutRuns[i]!.content));
    opts.log(`browser: page load with ${pageLoad.withExt.load.toFixed(1)} ms, without ${pageLoad.withoutExt.load.toFixed(1)} ms, median ratio ${pageLoad.ratioLoad.toFixed(3)}`);

    // 3. A portal page that is not a work page (sign-in): main-thread time and bytes of extension code.
    const nonWorkPage = await measureNonWorkPage(ext.context, plain.context, url('amazon-signin'), runs, opts.log);

    // 4. Insertion into the portal's reply box.
    const insertion = await measureInsertion(ext.context, url('amazon-de-contact-buyer'), runs, opts.log);

    // 5. Memory.
    const memory = await measureMemory(ext.context, plain.context, orderUrl, opts.quick ? 2 : 5, opts.log);

    await ext.context.close();
    await plain.context.close();
    contexts.length = 0;

    // 2. Time to panel: a fresh profile's first visit of an order (nothing cached), then reloads (cached);
    // the SPA list -> order navigation the same way.
    const fresh: number[][] = [[], []];
    const cached: number[][] = [[], []];
    const spaFresh: number[][] = [[], []];
    const spaCached: number[][] = [[], []];
    const push = (into: number[][], m: ProbeMarks) => {
      if (m.content !== undefined && m.panelOrderId !== undefined) into[0]!.push(m.panelOrderId - m.content);
      if (m.content !== undefined && m.panelData !== undefined) into[1]!.push(m.panelData - m.content);
    };
    for (let p = 0; p < freshProfiles; p++) {
      const profile = await launchExt(sandbox, backend);
      dirs.push(profile.dir);
      contexts.push(profile.context);
      await profile.context.addInitScript(PROBE_SCRIPT);
      const visit = async (into: number[][]) => {
        const page = await profile.context.newPage();
        await page.goto(orderUrl);
        await waitForMark(page, 'content', 10_000);
        await waitForMark(page, 'panelData', 10_000);
        push(into, await marks(page));
        await page.close();
      };
      await visit(fresh);
      for (let i = 0; i < Math.ceil(runs / freshProfiles) + 1; i++) await visit(cached);
      const spa = async (into: number[][]) => {
        const page = await profile.context.newPage();
        await page.goto(url('amazon-com-order-list'));
        await page.locator('caseside-panel').waitFor({ state: 'attached', timeout: 10_000 }).catch(() => {});
        await page.evaluate(() => (window as unknown as { __csBench: { reset: (id: string) => void } }).__csBench.reset('113-4567890-1234567'));
        await page.locator('a[href="/orders-v3/order/113-4567890-1234567"]').click();
        await waitForMark(page, 'content', 10_000);
        await waitForMark(page, 'panelData', 10_000);
        push(into, await marks(page));
        await page.close();
      };
      await spa(spaFresh);
      await spa(spaCached);
      await profile.context.close();
      contexts.pop();
    }
    const times = (s: number[][]): PanelTimes => ({
      runs: Math.max(s[0]!.length, s[1]!.length),
      orderId: s[0]!.length ? median(s[0]!) : null,
      data: s[1]!.length ? median(s[1]!) : null,
      samplesOrderId: s[0]!.map(round1),
      samplesData: s[1]!.map(round1),
    });
    const timeToPanel = { fresh: times(fresh), cached: times(cached), spaFresh: times(spaFresh), spaCached: times(spaCached) };
    opts.log(`browser: time to panel fresh id ${fmt(timeToPanel.fresh.orderId)} data ${fmt(timeToPanel.fresh.data)}; cached id ${fmt(timeToPanel.cached.orderId)} data ${fmt(timeToPanel.cached.data)}`);

    return { pageLoad, timeToPanel, nonWorkPage, insertion, memory };
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
    await backend.stop();
    await sandbox.close();
    for (const d of [...dirs, backendDir, ...(extensionCopy ? [extensionCopy] : [])]) rmSync(d, { recursive: true, force: true });
    extensionCopy = null;
  }
}
