import { benchOrderContext } from '../server/seed/bench-data';
import { startBackend } from '../scripts/lib/backend-process';
import { median, runLoad, type LoadResult } from './lib/load';
import { startNodeServer } from './lib/process';
import { seededDatabase, seedSize } from './lib/seeded';

/**
 * Part 6: the request that loads the panel (POST /v1/panel: order and case upsert, history, buyer's
 * cases, fraud score with its related-order lookups, SLA, templates) at 50/200/500 concurrent agents,
 * beside a bare Fastify endpoint, on PGlite and on PostgreSQL, with a seeded year of team data.
 */
export interface BackendLevel {
  concurrency: number;
  panel: LoadResult;
  bare: LoadResult;
  /** panel rps / bare rps */
  ratio: number;
}

export interface BackendDbFigures {
  database: 'pglite' | 'postgres';
  seed: { created: boolean; seconds: number; orders: number; cases: number; events: number };
  levels: BackendLevel[];
}

export interface BackendOptions {
  quick: boolean;
  log: (msg: string) => void;
  postgresUrl?: string;
  databases?: Array<'pglite' | 'postgres'>;
}

const LEVELS = [50, 200, 500];

export async function benchBackend(opts: BackendOptions): Promise<BackendDbFigures[]> {
  const size = seedSize(opts.quick);
  const durationMs = opts.quick ? 2_000 : 6_000;
  const warmupMs = opts.quick ? 500 : 1_500;
  const repeats = opts.quick ? 1 : 2;
  const bodies = requestBodies(size.orders, 4_000);
  const results: BackendDbFigures[] = [];

  const bare = await startNodeServer('bench/bare-server.ts');
  try {
    for (const database of opts.databases ?? ['pglite', 'postgres']) {
      const seeded = await seededDatabase(database, { quick: opts.quick, log: (m) => opts.log(`backend: ${m}`), ...(opts.postgresUrl ? { postgresUrl: opts.postgresUrl } : {}) });
      if (!seeded) continue;
      const { seed, dataDir } = seeded;
      opts.log(`backend: ${database} seed ${seed.created ? 'took' : 'reused, check took'} ${seed.seconds.toFixed(1)} s (${seed.orders} orders, ${seed.cases} cases, ${seed.events} events)`);

      const backend = await startBackend({
        dataDir,
        demo: false,
        // Each virtual agent has its own token; the per-token limit (600/min) is lifted so the bench
        // measures the work, not the limiter's 429s.
        env: { ...seeded.env, RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' },
      });
      const levels: BackendLevel[] = [];
      try {
        const panelRequest = (a: number, n: number) => ({
          method: 'POST' as const,
          path: '/v1/panel',
          headers: { authorization: `Bearer ${seed.tokens[a % seed.tokens.length]}` },
          body: bodies[(a * 7919 + n * 104_729) % bodies.length]!,
        });
        const bareRequest = (a: number, n: number) => ({ method: 'POST' as const, path: '/bare', body: bodies[(a * 7919 + n) % bodies.length]! });
        // Warm the JIT and the database's caches before anything is counted.
        await runLoad({ url: backend.url, concurrency: 20, durationMs: opts.quick ? 1_000 : 4_000, next: panelRequest });
        for (const concurrency of LEVELS) {
          const panelRuns: LoadResult[] = [];
          const bareRuns: LoadResult[] = [];
          for (let r = 0; r < repeats; r++) {
            bareRuns.push(await runLoad({ url: bare.url, concurrency, durationMs, warmupMs, next: bareRequest }));
            panelRuns.push(await runLoad({ url: backend.url, concurrency, durationMs, warmupMs, next: panelRequest }));
          }
          const level = { concurrency, panel: medianRun(panelRuns), bare: medianRun(bareRuns), ratio: 0 };
          level.ratio = level.panel.rps / level.bare.rps;
          opts.log(
            `backend ${database} c=${concurrency}: panel ${level.panel.rps.toFixed(0)} req/s p50 ${level.panel.p50.toFixed(1)} ms p99 ${level.panel.p99.toFixed(1)} ms (errors ${level.panel.errors}); bare ${level.bare.rps.toFixed(0)} req/s; ratio ${(level.ratio * 100).toFixed(1)} %`,
          );
          levels.push(level);
        }
      } finally {
        await backend.stop();
        await seeded.drop();
      }
      results.push({ database, seed: { created: seed.created, seconds: seed.seconds, orders: seed.orders, cases: seed.cases, events: seed.events }, levels });
    }
  } finally {
    await bare.stop();
  }
  return results;
}

/** The run with the median throughput (its own latencies kept together, not mixed across runs). */
function medianRun(runs: LoadResult[]): LoadResult {
  const m = median(runs.map((r) => r.rps));
  return [...runs].sort((a, b) => Math.abs(a.rps - m) - Math.abs(b.rps - m))[0]!;
}

/** Agents mostly open recent orders: indices skewed to the end of the year. */
function requestBodies(totalOrders: number, count: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const u = ((k * 2_654_435_761) >>> 0) / 4_294_967_296;
    const index = totalOrders - 1 - Math.floor(totalOrders * u * u * u);
    out.push(JSON.stringify({ context: benchOrderContext(index, totalOrders).context }));
  }
  return out;
}
