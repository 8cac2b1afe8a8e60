import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routePath } from '../utils/api-routes';
import { benchOrderContext } from '../server/seed/bench-data';
import { startBackend } from '../scripts/lib/backend-process';
import { median, runLoad, runOpenLoop, type LoadRequest, type LoadResult } from './lib/load';
import { startNodeServer } from './lib/process';
import { healthUnderHeavyRequests, type FreezeFigures } from './freeze';
import { seededDatabase, seedSize } from './lib/seeded';

/**
 * Part 6: the request that loads the panel (POST /v1/panel: the order and its case, written only when
 * the page shows something new, history, buyer's cases, fraud score with its related-order lookups, SLA,
 * templates from the team's cached configuration), on PGlite and on PostgreSQL with a seeded year of
 * team data, always beside a bare Fastify endpoint in the same run:
 * - a breakdown of one request's time (one request at a time, server/profile.ts): parsing and auth, zod
 *   validation, SQL by statement, Drizzle building SQL, the rest of the handler, serialisation;
 * - a closed loop (each agent sends its next request as soon as the last one answered) at 50/200/500;
 * - an open loop at a fixed arrival rate (500 agents loading a page every 5 s = 100 loads/s);
 * - on PostgreSQL, the same closed loop at 200 and open loop with `--workers 2`.
 */
export interface BackendLevel {
  concurrency: number;
  panel: LoadResult;
  bare: LoadResult;
  /** panel rps / bare rps */
  ratio: number;
}

export interface OpenLoopFigures {
  ratePerSecond: number;
  panel: LoadResult & { offered: number };
  bare: LoadResult & { offered: number };
}

export interface Breakdown {
  requests: number;
  perRequestMs: Record<string, number>;
  statements: Array<{ sql: string; perRequest: number; msPerCall: number; msPerRequest: number }>;
  /** Absent in reports written before statements were grouped by kind. */
  statementKinds?: Array<{ kind: string; perRequest: number; msPerCall: number; msPerRequest: number }>;
}

export interface BackendDbFigures {
  database: 'pglite' | 'postgres';
  seed: { created: boolean; seconds: number; orders: number; cases: number; events: number };
  breakdown?: Breakdown;
  levels: BackendLevel[];
  open?: OpenLoopFigures;
  /** GET /health idle, during a back-test and during a year's service report (bench/freeze.ts). */
  freeze?: FreezeFigures;
  /** PostgreSQL with `--workers N`: the closed loop at 200 agents and the open loop. */
  workers?: { count: number; levels: BackendLevel[]; open: OpenLoopFigures };
}

export interface BackendOptions {
  quick: boolean;
  log: (msg: string) => void;
  postgresUrl?: string;
  databases?: Array<'pglite' | 'postgres'>;
  /** Closed-loop agent counts (default 50, 200, 500); `--levels 50` is the smallest run with the breakdown. */
  levels?: number[];
}

const LEVELS = [50, 200, 500];
/** 500 agents, each loading a page every 5 s. */
const OPEN_RATE = 100;
const WORKERS = 2;

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
      const seeded = await seededDatabase(database, {
        quick: opts.quick,
        log: (m) => opts.log(`backend: ${m}`),
        ...(opts.postgresUrl ? { postgresUrl: opts.postgresUrl } : {}),
      });
      if (!seeded) continue;
      const { seed, dataDir } = seeded;
      opts.log(
        `backend: ${database} seed ${seed.created ? 'took' : 'reused, check took'} ${seed.seconds.toFixed(1)} s (${seed.orders} orders, ${seed.cases} cases, ${seed.events} events)`,
      );

      const env = { ...seeded.env, RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' };
      const panelRequest = (a: number, n: number): LoadRequest => ({
        method: 'POST' as const,
        path: routePath('panel.load'),
        headers: { authorization: `Bearer ${seed.tokens[a % seed.tokens.length]}` },
        body: bodies[(a * 7919 + n * 104_729) % bodies.length]!,
      });
      const bareRequest = (a: number, n: number): LoadRequest => ({ method: 'POST' as const, path: '/bare', body: bodies[(a * 7919 + n) % bodies.length]! });
      const figures: BackendDbFigures = {
        database,
        seed: { created: seed.created, seconds: seed.seconds, orders: seed.orders, cases: seed.cases, events: seed.events },
        levels: [],
      };
      try {
        figures.freeze = await healthUnderHeavyRequests({ dataDir, env: seeded.env, teamId: seed.teamId }, (m) => opts.log(`backend ${database} ${m}`)).catch(
          (err: unknown) => {
            opts.log(`backend ${database}: freeze section failed: ${(err as Error).message}`);
            return undefined;
          },
        );
        figures.breakdown = await breakdownOf(dataDir, env, panelRequest, opts);
        opts.log(`backend ${database} breakdown: ${JSON.stringify(figures.breakdown.perRequestMs)}`);
        opts.log(
          `backend ${database} SQL by kind: ${(figures.breakdown.statementKinds ?? []).map((k) => `${k.kind} ${k.perRequest}x ${k.msPerRequest} ms`).join(', ')}`,
        );

        // Each virtual agent has its own token; the per-token limit (600/min) is lifted so the bench
        // measures the work, not the limiter's 429s.
        const backend = await startBackend({ dataDir, demo: false, env });
        try {
          // Warm the JIT and the database's caches before anything is counted.
          await runLoad({ url: backend.url, concurrency: 20, durationMs: opts.quick ? 1_000 : 4_000, next: panelRequest });
          figures.levels = await closedLoop(
            database,
            '',
            opts.levels ?? LEVELS,
            { panel: backend.url, bare: bare.url },
            { panelRequest, bareRequest, durationMs, warmupMs, repeats },
            opts,
          );
          figures.open = await openLoop(database, '', { panel: backend.url, bare: bare.url }, { panelRequest, bareRequest }, opts);
        } finally {
          await backend.stop();
        }

        if (database === 'postgres') {
          const cluster = await startBackend({ dataDir, demo: false, env, args: ['--workers', String(WORKERS)] }).catch((err: unknown) => {
            opts.log(`backend ${database}: --workers ${WORKERS} did not start (${(err as Error).message.split('\n')[0]}); skipped`);
            return undefined;
          });
          try {
            if (cluster) {
              await runLoad({ url: cluster.url, concurrency: 20, durationMs: opts.quick ? 1_000 : 4_000, next: panelRequest });
              const label = ` ${WORKERS} workers`;
              const levels = await closedLoop(
                database,
                label,
                [200],
                { panel: cluster.url, bare: bare.url },
                { panelRequest, bareRequest, durationMs, warmupMs, repeats },
                opts,
              );
              const open = await openLoop(database, label, { panel: cluster.url, bare: bare.url }, { panelRequest, bareRequest }, opts);
              figures.workers = { count: WORKERS, levels, open };
            }
          } finally {
            await cluster?.stop();
          }
        }
      } finally {
        await seeded.drop();
      }
      results.push(figures);
    }
  } finally {
    await bare.stop();
  }
  return results;
}

type Next = (a: number, n: number) => LoadRequest;

async function closedLoop(
  database: string,
  label: string,
  levels: number[],
  urls: { panel: string; bare: string },
  run: { panelRequest: Next; bareRequest: Next; durationMs: number; warmupMs: number; repeats: number },
  opts: BackendOptions,
): Promise<BackendLevel[]> {
  const out: BackendLevel[] = [];
  for (const concurrency of levels) {
    const panelRuns: LoadResult[] = [];
    const bareRuns: LoadResult[] = [];
    for (let r = 0; r < run.repeats; r++) {
      bareRuns.push(await runLoad({ url: urls.bare, concurrency, durationMs: run.durationMs, warmupMs: run.warmupMs, next: run.bareRequest }));
      panelRuns.push(await runLoad({ url: urls.panel, concurrency, durationMs: run.durationMs, warmupMs: run.warmupMs, next: run.panelRequest }));
    }
    const level = { concurrency, panel: medianRun(panelRuns), bare: medianRun(bareRuns), ratio: 0 };
    level.ratio = level.panel.rps / level.bare.rps;
    opts.log(
      `backend ${database}${label} c=${concurrency}: panel ${level.panel.rps.toFixed(0)} req/s p50 ${level.panel.p50.toFixed(1)} ms p99 ${level.panel.p99.toFixed(1)} ms max ${level.panel.max.toFixed(0)} ms (errors ${level.panel.errors}, warm-up ${level.panel.warmupSeconds ?? '?'} s); bare ${level.bare.rps.toFixed(0)} req/s; ratio ${(level.ratio * 100).toFixed(1)} %`,
    );
    out.push(level);
  }
  return out;
}

async function openLoop(
  database: string,
  label: string,
  urls: { panel: string; bare: string },
  run: { panelRequest: Next; bareRequest: Next },
  opts: BackendOptions,
): Promise<OpenLoopFigures> {
  const durationMs = opts.quick ? 4_000 : 12_000;
  const warmupMs = opts.quick ? 1_000 : 2_000;
  // Request n comes from agent n mod 500 (its own token), as 500 agents each loading a page every 5 s.
  const bare = await runOpenLoop({
    url: urls.bare,
    ratePerSecond: OPEN_RATE,
    durationMs,
    warmupMs,
    next: (n) => run.bareRequest(n % 500, Math.floor(n / 500)),
  });
  const panel = await runOpenLoop({
    url: urls.panel,
    ratePerSecond: OPEN_RATE,
    durationMs,
    warmupMs,
    next: (n) => run.panelRequest(n % 500, Math.floor(n / 500)),
  });
  opts.log(
    `backend ${database}${label} open loop ${OPEN_RATE}/s: panel p50 ${panel.p50.toFixed(1)} ms p99 ${panel.p99.toFixed(1)} ms max ${panel.max.toFixed(0)} ms (${panel.rps.toFixed(0)} answered/s, errors ${panel.errors}); bare p50 ${bare.p50.toFixed(1)} ms p99 ${bare.p99.toFixed(1)} ms`,
  );
  return { ratePerSecond: OPEN_RATE, panel, bare };
}

/** One request at a time through a profiled backend (server/profile.ts); its report is read after it stops. */
async function breakdownOf(dataDir: string, env: NodeJS.ProcessEnv, next: Next, opts: BackendOptions): Promise<Breakdown> {
  const file = join(tmpdir(), `caseside-profile-${process.pid}-${Date.now()}.json`);
  const skip = opts.quick ? 100 : 300;
  const backend = await startBackend({ dataDir, demo: false, env: { ...env, CASESIDE_PROFILE_FILE: file, CASESIDE_PROFILE_SKIP: String(skip) } });
  try {
    // Exactly `skip` warm-up requests, which the profile leaves out.
    for (let n = 0; n < skip; n++) {
      const req = next((n * 13) % 500, n);
      const res = await fetch(`${backend.url}${req.path}`, {
        method: req.method,
        headers: { ...req.headers, 'content-type': 'application/json' },
        body: req.body ?? null,
      });
      await res.arrayBuffer();
    }
    await runLoad({ url: backend.url, concurrency: 1, durationMs: opts.quick ? 3_000 : 10_000, next: (a, n) => next((n * 13) % 500, n + skip) });
  } finally {
    await backend.stop();
  }
  if (!existsSync(file)) throw new Error('the profiled backend wrote no breakdown');
  const report = JSON.parse(readFileSync(file, 'utf8')) as Breakdown;
  rmSync(file, { force: true });
  return report;
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
