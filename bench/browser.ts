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
const marks = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __csBench: { t: ProbeMarks } }).__csBench.t }));

async function waitForMark(page: Page, key: keyof ProbeMarks, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction((k) => (window as unknown as { __csBench?: { t: Record<string, number> } }).__csBench?.t[k] !== undefined, key, { timeout: timeoutMs, polling: 50 });
    return true;
  } catch {
    return false;
  }
}

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
  const sandbox = await startSandbox();
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

const round1 = (n: number) => Math.round(n * 10) / 10;
const fmt = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(1)} ms`);

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return metrics.find((m) => m.name === name)?.value ?? NaN;
}

const REACT_MARKERS = /react\.transitional\.element|react\.element|__REACT_DEVTOOLS_GLOBAL_HOOK__|react-dom/;

async function measureNonWorkPage(ext: BrowserContext, plain: BrowserContext, pageUrl: string, runs: number, log: (m: string) => void): Promise<BrowserFigures['nonWorkPage']> {
  const extMs: number[] = [];
  const scriptDelta: number[][] = [[], []];
  const taskDelta: number[][] = [[], []];
  let scripts: Array<{ url: string; bytes: number; react: boolean }> = [];
  for (let i = 0; i < runs * 2; i++) {
    const withExt = i % 4 === 0 || i % 4 === 3;
    const page = await (withExt ? ext : plain).newPage();
    const cdp = await page.context().newCDPSession(page);
    const parsed: Array<{ scriptId: string; url: string; length: number }> = [];
    cdp.on('Debugger.scriptParsed', (e: { scriptId: string; url: string; length?: number }) => {
      if (e.url.startsWith('chrome-extension://')) parsed.push({ scriptId: e.scriptId, url: e.url, length: e.length ?? 0 });
    });
    await cdp.send('Performance.enable');
    await cdp.send('Debugger.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const before = { script: await metric(cdp, 'ScriptDuration'), task: await metric(cdp, 'TaskDuration') };
    await cdp.send('Profiler.start');
    await page.goto(pageUrl);
    await page.waitForTimeout(1_200); // document_idle scripts, a detector's first checks
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const after = { script: await metric(cdp, 'ScriptDuration'), task: await metric(cdp, 'TaskDuration') };
    scriptDelta[withExt ? 0 : 1]!.push((after.script - before.script) * 1000);
    taskDelta[withExt ? 0 : 1]!.push((after.task - before.task) * 1000);
    if (withExt) {
      extMs.push(extensionSelfTime(profile));
      if (scripts.length === 0 && parsed.length > 0) {
        scripts = [];
        for (const s of parsed) {
          const { scriptSource } = (await cdp.send('Debugger.getScriptSource', { scriptId: s.scriptId })) as { scriptSource: string };
          scripts.push({ url: s.url.replace(/^chrome-extension:\/\/[a-p]{32}/, ''), bytes: Buffer.byteLength(scriptSource), react: REACT_MARKERS.test(scriptSource) });
        }
      }
    }
    await cdp.detach();
    await page.close();
  }
  const result = {
    runs,
    extensionScriptMs: median(extMs),
    scriptDurationDeltaMs: median(scriptDelta[0]!) - median(scriptDelta[1]!),
    taskDurationDeltaMs: median(taskDelta[0]!) - median(taskDelta[1]!),
    scripts,
    bytes: scripts.reduce((a, s) => a + s.bytes, 0),
    reactLoaded: scripts.some((s) => s.react),
  };
  log(`browser: non-work page: extension scripts ${result.extensionScriptMs.toFixed(2)} ms self time, ScriptDuration +${result.scriptDurationDeltaMs.toFixed(2)} ms, ${result.bytes} bytes, React ${result.reactLoaded ? 'loaded' : 'not loaded'}`);
  return result;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string; functionName: string } }>;
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time of profile nodes in extension scripts: the samples that landed in them. */
function extensionSelfTime(profile: CpuProfile): number {
  const ext = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith('chrome-extension://')).map((n) => n.id));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  // timeDeltas[i] is the time before sample i; the time a sample stands for is the next delta.
  for (let i = 0; i < samples.length; i++) if (ext.has(samples[i]!)) us += deltas[i + 1] ?? 0;
  return us / 1000;
}

async function measureInsertion(ext: BrowserContext, pageUrl: string, runs: number, log: (m: string) => void): Promise<BrowserFigures['insertion']> {
  const page = await ext.newPage();
  try {
    await page.goto(pageUrl);
    const button = page.locator('caseside-panel [data-testid="template-insert"]').first();
    try {
      await button.waitFor({ state: 'visible', timeout: 15_000 });
    } catch {
      log('browser: insertion: no template-insert button in the panel');
      return { runs: 0, medianMs: null, maxMs: null, samples: [], note: 'the panel showed no template-insert button on the contact-buyer page' };
    }
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Empty the portal's box the way a user would (its own input listener sees it), then insert.
      await page.evaluate(() => {
        const ta = document.querySelector('kat-textarea')!.shadowRoot!.querySelector('textarea')!;
        ta.value = '';
        ta.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        const b = (window as unknown as { __csBench: { insertClicks: number[]; insertRegistered: number[] } }).__csBench;
        b.insertClicks.length = 0;
        b.insertRegistered.length = 0;
      });
      await button.click();
      try {
        await page.waitForFunction(() => (window as unknown as { __csBench: { insertRegistered: number[] } }).__csBench.insertRegistered.length > 0, undefined, { timeout: 3_000, polling: 20 });
      } catch {
        continue;
      }
      const d = await page.evaluate(() => {
        const b = (window as unknown as { __csBench: { insertClicks: number[]; insertRegistered: number[] } }).__csBench;
        return b.insertRegistered[0]! - b.insertClicks[b.insertClicks.length - 1]!;
      });
      if (Number.isFinite(d)) samples.push(d);
    }
    const result = { runs: samples.length, medianMs: samples.length ? median(samples) : null, maxMs: samples.length ? Math.max(...samples) : null, samples: samples.map(round1) };
    log(`browser: insertion median ${fmt(result.medianMs)} over ${samples.length} clicks`);
    return samples.length ? result : { ...result, note: 'clicks on template-insert never reached the reply box' };
  } finally {
    await page.close();
  }
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1_048_576;
}

async function measureMemory(ext: BrowserContext, plain: BrowserContext, pageUrl: string, runs: number, log: (m: string) => void): Promise<BrowserFigures['memory']> {
  const withExt: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [context, into, panel] of [[ext, withExt, true], [plain, without, false]] as const) {
      const page = await context.newPage();
      await page.goto(pageUrl);
      await waitForMark(page, 'content', 10_000);
      if (panel) await waitForMark(page, 'panelData', 10_000);
      await page.waitForTimeout(500);
      into.push(await heapMB(page));
      await page.close();
    }
  }
  let serviceWorkerMB: number | null = null;
  let serviceWorkerNote: string | undefined;
  try {
    serviceWorkerMB = await serviceWorkerHeapMB(ext);
  } catch (err) {
    serviceWorkerNote = `could not read the worker's heap: ${(err as Error).message.split('\n')[0]}`;
  }
  const result = { tabWithExtMB: median(withExt), tabWithoutExtMB: median(without), deltaMB: median(withExt) - median(without), serviceWorkerMB, ...(serviceWorkerNote ? { serviceWorkerNote } : {}) };
  log(`browser: heap with ${result.tabWithExtMB.toFixed(2)} MB, without ${result.tabWithoutExtMB.toFixed(2)} MB, worker ${serviceWorkerMB?.toFixed(2) ?? 'n/a'} MB`);
  return result;
}

/**
 * Playwright opens CDP sessions on pages and frames only; the worker's heap is read through a page's
 * session with the Target domain (non-flattened attach, messages relayed with sendMessageToTarget).
 */
async function serviceWorkerHeapMB(ext: BrowserContext): Promise<number> {
  const page = await ext.newPage();
  const cdp = await ext.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!worker) throw new Error('no service worker target');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
    let nextId = 0;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const id = ++nextId;
        const timer = setTimeout(() => reject(new Error(`${method} timed out`)), 10_000);
        const onMessage = (e: { sessionId: string; message: string }) => {
          if (e.sessionId !== sessionId) return;
          const msg = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
          if (msg.id !== id) return;
          clearTimeout(timer);
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          if (msg.error) reject(new Error(msg.error.message));
          else resolve(msg.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    return Number(usage.usedSize) / 1_048_576;
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}
