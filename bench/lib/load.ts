import { Agent, request } from 'node:http';

/**
 * A small closed-loop load generator: `concurrency` virtual agents, each with one keep-alive socket,
 * sending one request after another for `durationMs` (after `warmupMs` that is not counted).
 * Loopback only: the URL must be 127.0.0.1.
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
  const measureFrom = start + (opts.warmupMs ?? 0);
  const stopAt = measureFrom + opts.durationMs;

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
      // Counted by completion time: a slow request that started in the warm-up still counts once it ends.
      if (t1 >= measureFrom && t1 <= stopAt) {
        latencies.push(t1 - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status < 200 || status >= 300) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, a) => virtualAgent(a)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const seconds = opts.durationMs / 1000;
  const ok = latencies.length - errors;
  return {
    concurrency: opts.concurrency,
    seconds,
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
