import { Agent, request } from 'node:http';

/**
 * A small closed-loop load generator: `concurrency` virtual agents, each with one keep-alive socket,
 * sending one request after another for `durationMs` (after a warm-up that is not counted).
 * Loopback only: the URL must be 127.0.0.1.
 *
 * The warm-up lasts `warmupMs` and at least until every agent has had its first answer: before that the
 * queue is still filling (all agents start at once), so a window of a few seconds against a server
 * answering in more than that would count a handful of answers and report a throughput far below the
 * server's.
 */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  concurrency: number;
  seconds: number;
  /** How long the uncounted warm-up lasted (closed loop: until every agent had an answer). */
  warmupSeconds?: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function runLoad(opts: {
  url: string;
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
  /** The n-th request of virtual agent `agent`. */
  next: (agent: number, n: number) => LoadRequest;
}): Promise<LoadResult> {
  const base = new URL(opts.url);
  if (base.hostname !== '127.0.0.1') throw new Error(`load generator is loopback-only, got ${base.hostname}`);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency, maxFreeSockets: opts.concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const start = performance.now();
  const warmedAt = start + (opts.warmupMs ?? 0);
  // Both set when the last agent gets its first answer (and the warm-up time has passed).
  let measureFrom = Infinity;
  let stopAt = Infinity;
  let firstAnswers = 0;
  let warmedTimer: NodeJS.Timeout | undefined;
  const beginWindow = () => {
    if (measureFrom !== Infinity) return;
    measureFrom = Math.max(performance.now(), warmedAt);
    stopAt = measureFrom + opts.durationMs;
  };

  const once = (req: LoadRequest) =>
    new Promise<number>((resolve) => {
      const headers: Record<string, string> = { ...req.headers };
      if (req.body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(req.body));
      }
      const r = request({ host: base.hostname, port: base.port, method: req.method, path: req.path, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      });
      r.on('error', () => resolve(0));
      if (req.body !== undefined) r.end(req.body);
      else r.end();
    });

  const virtualAgent = async (a: number) => {
    for (let n = 0; ; n++) {
      const t0 = performance.now();
      if (t0 >= stopAt) return;
      const status = await once(opts.next(a, n));
      const t1 = performance.now();
      if (n === 0 && ++firstAnswers === opts.concurrency) {
        if (t1 >= warmedAt) beginWindow();
        else warmedTimer = setTimeout(beginWindow, warmedAt - t1);
      }
      // Counted by completion time: a slow request that started in the warm-up still counts once it ends.
      if (t1 >= measureFrom && t1 <= stopAt) {
        latencies.push(t1 - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status < 200 || status >= 300) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, a) => virtualAgent(a)));
  clearTimeout(warmedTimer);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const seconds = opts.durationMs / 1000;
  const ok = latencies.length - errors;
  return {
    concurrency: opts.concurrency,
    seconds,
    warmupSeconds: Math.round((measureFrom - start) / 10) / 100,
    requests: latencies.length,
    errors,
    statuses,
    rps: ok / seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

/**
 * Open loop: requests arrive at `ratePerSecond` on average (Poisson arrivals from a fixed seed) whatever
 * the server's speed, as agents' page loads do. Latency runs from each request's scheduled arrival, so
 * a request that had to wait for a free moment in the generator still counts that wait (no coordinated
 * omission). Each request may use its own socket (up to `maxSockets`, keep-alive).
 */
export async function runOpenLoop(opts: {
  url: string;
  ratePerSecond: number;
  durationMs: number;
  warmupMs?: number;
  maxSockets?: number;
  next: (n: number) => LoadRequest;
}): Promise<LoadResult & { offered: number }> {
  const base = new URL(opts.url);
  if (base.hostname !== '127.0.0.1') throw new Error(`load generator is loopback-only, got ${base.hostname}`);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 500, maxFreeSockets: opts.maxSockets ?? 500 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let seed = 0x2545f491;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return (seed + 0.5) / 4_294_967_296;
  };
  const start = performance.now();
  const measureFrom = start + (opts.warmupMs ?? 0);
  const stopAt = measureFrom + opts.durationMs;
  const pending: Promise<void>[] = [];
  let offered = 0;

  const send = (req: LoadRequest, scheduled: number) =>
    new Promise<void>((resolve) => {
      const headers: Record<string, string> = { ...req.headers };
      if (req.body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(req.body));
      }
      const done = (status: number) => {
        const end = performance.now();
        if (scheduled >= measureFrom) {
          latencies.push(end - scheduled);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status < 200 || status >= 300) errors++;
        }
        resolve();
      };
      const r = request({ host: base.hostname, port: base.port, method: req.method, path: req.path, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
        res.on('error', () => done(0));
      });
      r.on('error', () => done(0));
      if (req.body !== undefined) r.end(req.body);
      else r.end();
    });

  let at = start;
  for (let n = 0; ; n++) {
    at += (-Math.log(random()) / opts.ratePerSecond) * 1000;
    if (at >= stopAt) break;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (at >= measureFrom) offered++;
    pending.push(send(opts.next(n), at));
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const seconds = opts.durationMs / 1000;
  return {
    concurrency: 0,
    seconds,
    requests: latencies.length,
    errors,
    statuses,
    rps: (latencies.length - errors) / seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    offered: offered / seconds,
  };
}
