import type { CDPSession, Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The floor: Chromium's own cost of having an extension at all. A copy of the built extension with the
 * same manifest (permissions, host permissions, content-script matches and run_at) whose every script
 * is empty, so "ours / floor" is what our code costs and "floor / none" what any extension costs.
 */
export function buildFloorExtension(builtDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseside-bench-floor-'));
  cpSync(builtDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  const empty = new Set<string>();
  if (manifest.background?.service_worker) empty.add(manifest.background.service_worker);
  for (const cs of manifest.content_scripts ?? []) for (const js of cs.js ?? []) empty.add(js);
  for (const file of empty) writeFileSync(join(dir, file), '');
  return dir;
}

/** The three browsers compared: no extension, the empty-script floor, and ours. */
export const VARIANTS = ['none', 'floor', 'ours'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Round i's order of the three variants: a Latin square, so none of them is always first or last. */
export function variantOrder(round: number): Variant[] {
  const r = round % 3;
  return [...VARIANTS.slice(r), ...VARIANTS.slice(0, r)];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string; frames?: Array<{ url?: string; processId?: number }> }; beginData?: { url?: string } };
}

/** Main-thread figures of one traced page visit, all in thread time (CPU the thread got), ms. */
export interface ThreadTimes {
  /** Every top-level task on the page's renderer main thread. */
  mainThreadMs: number;
  /** Script evaluation, compilation and calls whose script is a chrome-extension:// URL. */
  extensionMs: number;
}

const CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', '__metadata'].join(',');

/**
 * Traces `action` with Chromium's tracing (the browser-wide trace, through the page's CDP session) and
 * sums thread durations (`tdur`: CPU time of the thread, not wall time) on the page's renderer main
 * thread. Extension time: the outermost events that run extension code (`EvaluateScript`,
 * `v8.compile`, `FunctionCall`, `v8.callFunction` with a chrome-extension:// URL), nested ones not
 * counted twice. Thread time stays put when the machine is loaded: a preempted thread accrues none.
 */
export async function traceThreadTimes(page: Page, pageHost: string, action: () => Promise<void>): Promise<ThreadTimes> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach().catch(() => {});
  }
  return threadTimes(events, pageHost);
}

export function threadTimes(events: TraceEvent[], pageHost: string): ThreadTimes {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  // The page's renderer: the main thread that parsed or evaluated something from the portal host.
  const hits = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    const url = e.args?.data?.url ?? e.args?.beginData?.url ?? '';
    if (url.includes(pageHost)) hits.set(key, (hits.get(key) ?? 0) + 1);
  }
  const page = [...hits.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!page) return { mainThreadMs: NaN, extensionMs: NaN };
  const onPage = events.filter((e) => `${e.pid}:${e.tid}` === page && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  let mainUs = 0;
  let taskEnd = -Infinity;
  let extUs = 0;
  let extEnd = -Infinity;
  for (const e of onPage) {
    const end = e.ts + (e.dur ?? 0);
    if ((e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= taskEnd) {
      mainUs += e.tdur ?? 0;
      taskEnd = end;
    }
    if (EXTENSION_EVENTS.has(e.name) && (e.args?.data?.url ?? '').startsWith('chrome-extension://') && e.ts >= extEnd) {
      extUs += e.tdur ?? 0;
      extEnd = end;
    }
  }
  return { mainThreadMs: mainUs / 1000, extensionMs: extUs / 1000 };
}

const EXTENSION_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'v8.callFunction']);

/** The extension's listeners and the page's DOM, from `Performance.getMetrics` (renderer-wide counters). */
export async function rendererCounts(cdp: CDPSession): Promise<{ listeners: number; nodes: number; heapMB: number }> {
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return { listeners: get('JSEventListeners'), nodes: get('Nodes'), heapMB: usedSize / 1_048_576 };
}
