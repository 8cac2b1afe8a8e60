import { chromium, type BrowserContext } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend, type BackendProcess } from '../scripts/lib/backend-process';
import { chromiumPath, EXTENSION_DIR, signIn } from '../scripts/lib/chromium';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { FIXTURES } from '../tests/fixtures/manifest';
import { median } from './lib/load';
import { PROBE_SCRIPT, type ProbeMarks } from './lib/probe';
import { fmt, marks, measureInsertion, measureMemory, measureNonWorkPage, round1, waitForMark } from './browser-measures';
import { buildFloorExtension } from './browser-floor';
import { comparePageLoad, compareThreadTime, scenarios, type LoadFigures, type ThreadFigures } from './browser-compare';
import { measureShift, type ShiftFigures } from './browser-shift';

/**
 * Parts 1-5: the extension in the system Chromium on the portal sandbox, against a demo backend on
 * loopback. Every "with" figure has a "without" twin from a Chromium started the same way minus the
 * extension, and runs alternate between the two.
 */
export interface BrowserFigures {
  /** No extension, the empty-script floor and ours, side by side. */
  pageLoad: LoadFigures;
  threadTime: { orderLoad: ThreadFigures; nonWork: ThreadFigures; spa: ThreadFigures };
  /**
   * Minified bytes of the scripts a portal page can get: the detectors (every page), the panels (work pages,
   * one per portal) and the panel's lazily loaded sections (panel-section-*.js, when the panel shows one).
   */
  bundle: Array<{ file: string; bytes: number }>;
  shift: ShiftFigures;
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

interface PanelTimes {
  runs: number;
  /** content -> panel shows the order id, ms (median). */
  orderId: number | null;
  /** content -> panel shows backend data, ms (median). */
  data: number | null;
  samplesOrderId: number[];
  samplesData: number[];
}

const BASE_ARGS = [
  '--ignore-certificate-errors',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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

async function launchFloor(hostResolverRules: string): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'caseside-bench-floor-profile-'));
  floorCopy ??= buildFloorExtension(extensionDir());
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 900 },
    args: [`--disable-extensions-except=${floorCopy}`, `--load-extension=${floorCopy}`, `--host-resolver-rules=${hostResolverRules}`, ...BASE_ARGS],
  });
  return { context, dir };
}
let floorCopy: string | null = null;

/** The injected scripts' minified sizes, from the copy of the build being measured. */
function bundleSizes(dir: string): Array<{ file: string; bytes: number }> {
  const files = [
    ...readdirSync(dir).filter((f) => /^panel(-[a-z]+)+\.js$/.test(f)),
    ...readdirSync(join(dir, 'content-scripts'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `content-scripts/${f}`),
  ];
  return files.map((file) => ({ file, bytes: statSync(join(dir, file)).size }));
}

const url = (name: string) => FIXTURES.find((f) => f.name === name)!.url;

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

    const floor = await launchFloor(sandbox.hostResolverRules);
    dirs.push(floor.dir);
    contexts.push(floor.context);
    await floor.context.addInitScript(PROBE_SCRIPT);
    const contextsByVariant = { none: plain.context, floor: floor.context, ours: ext.context };

    // 1. Page load and main-thread time: no extension, the empty-script floor and ours, rotating order.
    const orderUrl = url('amazon-de-order');
    // One unmeasured visit each: the HTTP connection, the code cache and the worker's first answer.
    for (const c of Object.values(contextsByVariant)) {
      const p = await c.newPage();
      await p.goto(orderUrl);
      await waitForMark(p, 'content', 10_000);
      await p.close();
    }
    const pageLoad = await comparePageLoad(contextsByVariant, orderUrl, runs);
    opts.log(
      `browser: page load none ${fmt(pageLoad.load.none)}, floor ${fmt(pageLoad.load.floor)}, ours ${fmt(pageLoad.load.ours)}; ours/floor ${pageLoad.oursOverFloor.toFixed(3)}, floor/none ${pageLoad.floorOverNone.toFixed(3)}`,
    );
    const traced = scenarios({ order: orderUrl, nonWork: url('amazon-signin'), list: url('amazon-com-order-list'), spaOrderId: '113-4567890-1234567' });
    const threadRounds = opts.quick ? 3 : 8;
    const threadTime = {
      orderLoad: await compareThreadTime(contextsByVariant, traced.orderLoad, threadRounds),
      nonWork: await compareThreadTime(contextsByVariant, traced.nonWork, threadRounds),
      spa: await compareThreadTime(contextsByVariant, traced.spa, threadRounds),
    };
    for (const [name, t] of Object.entries(threadTime)) {
      opts.log(
        `browser: ${name} main thread none ${fmt(t.mainThreadMs.none)}, floor ${fmt(t.mainThreadMs.floor)}, ours ${fmt(t.mainThreadMs.ours)}; extension scripts ours ${fmt(t.extensionMs.ours)} (floor ${fmt(t.extensionMs.floor)})`,
      );
    }
    await floor.context.close();
    contexts.splice(contexts.indexOf(floor.context), 1);
    const bundle = bundleSizes(extensionDir());

    // 3. A portal page that is not a work page (sign-in): main-thread time and bytes of extension code.
    const nonWorkPage = await measureNonWorkPage(ext.context, plain.context, url('amazon-signin'), runs, opts.log);

    // 4. Insertion into the portal's reply box.
    const insertion = await measureInsertion(ext.context, url('amazon-de-contact-buyer'), runs, opts.log);

    // 5. Memory.
    const memory = await measureMemory(ext.context, plain.context, orderUrl, opts.quick ? 2 : 5, opts.log);

    // 5b. A shift: many page views by SPA navigation in one tab.
    const shift = await measureShift(ext.context, opts.quick ? 150 : 1_000, opts.log);

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
        await page
          .locator('caseside-panel')
          .waitFor({ state: 'attached', timeout: 10_000 })
          .catch(() => {});
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
    opts.log(
      `browser: time to panel fresh id ${fmt(timeToPanel.fresh.orderId)} data ${fmt(timeToPanel.fresh.data)}; cached id ${fmt(timeToPanel.cached.orderId)} data ${fmt(timeToPanel.cached.data)}`,
    );

    return { pageLoad, threadTime, bundle, shift, timeToPanel, nonWorkPage, insertion, memory };
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
    await backend.stop();
    await sandbox.close();
    for (const d of [...dirs, backendDir, ...(extensionCopy ? [extensionCopy] : []), ...(floorCopy ? [floorCopy] : [])])
      rmSync(d, { recursive: true, force: true });
    extensionCopy = null;
    floorCopy = null;
  }
}
