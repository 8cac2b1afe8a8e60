import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { BrowserFigures } from './browser';
import { median } from './lib/load';
import type { ProbeMarks } from './lib/probe';

/**
 * The per-part measurements of the browser bench (non-work page cost, insertion, memory), and the
 * probe readers they share with browser.ts, which launches the browsers and runs the parts in order.
 */

export const marks = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __csBench: { t: ProbeMarks } }).__csBench.t }));

export async function waitForMark(page: Page, key: keyof ProbeMarks, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction((k) => (window as unknown as { __csBench?: { t: Record<string, number> } }).__csBench?.t[k] !== undefined, key, {
      timeout: timeoutMs,
      polling: 50,
    });
    return true;
  } catch {
    return false;
  }
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
export const fmt = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(1)} ms`);

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return metrics.find((m) => m.name === name)?.value ?? NaN;
}

const REACT_MARKERS = /react\.transitional\.element|react\.element|__REACT_DEVTOOLS_GLOBAL_HOOK__|react-dom/;

export async function measureNonWorkPage(
  ext: BrowserContext,
  plain: BrowserContext,
  pageUrl: string,
  runs: number,
  log: (m: string) => void,
): Promise<BrowserFigures['nonWorkPage']> {
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
          scripts.push({
            url: s.url.replace(/^chrome-extension:\/\/[a-p]{32}/, ''),
            bytes: Buffer.byteLength(scriptSource),
            react: REACT_MARKERS.test(scriptSource),
          });
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
  log(
    `browser: non-work page: extension scripts ${result.extensionScriptMs.toFixed(2)} ms self time, ScriptDuration +${result.scriptDurationDeltaMs.toFixed(2)} ms, ${result.bytes} bytes, React ${result.reactLoaded ? 'loaded' : 'not loaded'}`,
  );
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

export async function measureInsertion(ext: BrowserContext, pageUrl: string, runs: number, log: (m: string) => void): Promise<BrowserFigures['insertion']> {
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
        await page.waitForFunction(
          () => (window as unknown as { __csBench: { insertRegistered: number[] } }).__csBench.insertRegistered.length > 0,
          undefined,
          { timeout: 3_000, polling: 20 },
        );
      } catch {
        continue;
      }
      const d = await page.evaluate(() => {
        const b = (window as unknown as { __csBench: { insertClicks: number[]; insertRegistered: number[] } }).__csBench;
        return b.insertRegistered[0]! - b.insertClicks[b.insertClicks.length - 1]!;
      });
      if (Number.isFinite(d)) samples.push(d);
    }
    const result = {
      runs: samples.length,
      medianMs: samples.length ? median(samples) : null,
      maxMs: samples.length ? Math.max(...samples) : null,
      samples: samples.map(round1),
    };
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

export async function measureMemory(
  ext: BrowserContext,
  plain: BrowserContext,
  pageUrl: string,
  runs: number,
  log: (m: string) => void,
): Promise<BrowserFigures['memory']> {
  const withExt: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [context, into, panel] of [
      [ext, withExt, true],
      [plain, without, false],
    ] as const) {
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
  const result = {
    tabWithExtMB: median(withExt),
    tabWithoutExtMB: median(without),
    deltaMB: median(withExt) - median(without),
    serviceWorkerMB,
    ...(serviceWorkerNote ? { serviceWorkerNote } : {}),
  };
  log(
    `browser: heap with ${result.tabWithExtMB.toFixed(2)} MB, without ${result.tabWithoutExtMB.toFixed(2)} MB, worker ${serviceWorkerMB?.toFixed(2) ?? 'n/a'} MB`,
  );
  return result;
}

/**
 * Playwright opens CDP sessions on pages and frames only; the worker's heap is read through a page's
 * session with the Target domain (non-flattened attach, messages relayed with sendMessageToTarget).
 */
export async function serviceWorkerHeapMB(ext: BrowserContext): Promise<number> {
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
