import { sql } from 'drizzle-orm';
import { startBackend } from '../scripts/lib/backend-process';
import { openDatabase } from '../server/db/open';
import { insertToken, tokenHashExists } from '../server/repositories/tokens';
import { routePath } from '../utils/api-routes';
import { DEFAULT_MATRIX } from '../utils/fraud/matrix';
import { percentile } from './lib/load';

/**
 * Part of the backend bench: does a heavy request freeze the server for everyone? GET /health, one
 * request every 20 ms, on the real server process with the bench team's data: first with nothing else
 * running (the baseline), then while a lead's back-test over the team's decided orders (365 days, up to
 * 5,000) runs, then while the year's service report is built. Reported as p99 and worst, and as the
 * ratio to the baseline of the same run (a busy machine slows both alike).
 */
export interface HealthSample {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export interface FreezeFigures {
  idle: HealthSample;
  backtest: HealthSample & { requestMs: number; status: number; orders: number | null };
  report: HealthSample & { requestMs: number; status: number };
}

const LEAD_TOKEN = 'cs_bench_lead_freeze_not_a_secret';
const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function sampleHealth(url: string, until: () => boolean): Promise<HealthSample> {
  const samples: number[] = [];
  while (!until()) {
    const started = performance.now();
    const res = await fetch(`${url}/health`);
    await res.arrayBuffer();
    samples.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 20));
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

/** /health while `heavy` runs on the server; the heavy request's own time and status too. */
async function healthWhile(url: string, heavy: () => Promise<Response>) {
  let done = false;
  const started = performance.now();
  const request = heavy().then(async (res) => {
    const body = (await res.json().catch(() => null)) as unknown;
    return { status: res.status, body, ms: performance.now() - started };
  });
  void request.finally(() => (done = true)).catch(() => {});
  const health = await sampleHealth(url, () => done);
  return { health, ...(await request) };
}

export async function healthUnderHeavyRequests(
  seeded: { dataDir: string; env: NodeJS.ProcessEnv; teamId: string },
  log: (msg: string) => void,
): Promise<FreezeFigures> {
  const handle = await openDatabase(seeded.env.DATABASE_URL ? { databaseUrl: seeded.env.DATABASE_URL } : { dataDir: seeded.dataDir });
  try {
    const { rows } = (await handle.db.execute(
      sql`select id::text as id from agents where team_id = ${seeded.teamId} and role = 'lead' limit 1`,
    )) as unknown as { rows: Array<{ id: string }> };
    if (!(await tokenHashExists(handle.db, LEAD_TOKEN)))
      await insertToken(handle.db, { teamId: seeded.teamId, agentId: rows[0]!.id, label: 'bench freeze', token: LEAD_TOKEN });
  } finally {
    await handle.close();
  }
  const backend = await startBackend({ dataDir: seeded.dataDir, demo: false, env: { ...seeded.env, RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' } });
  try {
    const headers = { authorization: `Bearer ${LEAD_TOKEN}`, 'content-type': 'application/json' };
    // Warm the path once, then a baseline as long as a back-test usually takes.
    await sampleHealth(
      backend.url,
      (
        (end) => () =>
          Date.now() > end
      )(Date.now() + 1_000),
    );
    const idle = await sampleHealth(
      backend.url,
      (
        (end) => () =>
          Date.now() > end
      )(Date.now() + 5_000),
    );
    log(`freeze: /health idle p99 ${idle.p99.toFixed(1)} ms, max ${idle.max.toFixed(1)} ms (n=${idle.n})`);

    const bt = await healthWhile(backend.url, () =>
      fetch(`${backend.url}${routePath('fraud.backtest')}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ matrix: { ...DEFAULT_MATRIX, thresholds: { review: 10, hold: 30 } }, days: 365 }),
      }),
    );
    const orders = bt.status === 200 ? ((bt.body as { total?: number; skipped?: number }).total ?? 0) + ((bt.body as { skipped?: number }).skipped ?? 0) : null;
    log(
      `freeze: back-test ${bt.status} over ${orders ?? '?'} orders in ${bt.ms.toFixed(0)} ms; /health p99 ${bt.health.p99.toFixed(1)} ms, max ${bt.health.max.toFixed(1)} ms (n=${bt.health.n})`,
    );

    const lastDay = Date.now() - DAY_MS;
    const rp = await healthWhile(backend.url, () =>
      fetch(`${backend.url}${routePath('reports.service', {}, { from: dayOf(lastDay - 365 * DAY_MS), to: dayOf(lastDay) })}`, {
        headers: { authorization: headers.authorization },
      }),
    );
    log(
      `freeze: year service report ${rp.status} in ${rp.ms.toFixed(0)} ms; /health p99 ${rp.health.p99.toFixed(1)} ms, max ${rp.health.max.toFixed(1)} ms (n=${rp.health.n})`,
    );
    return {
      idle,
      backtest: { ...bt.health, requestMs: bt.ms, status: bt.status, orders },
      report: { ...rp.health, requestMs: rp.ms, status: rp.status },
    };
  } finally {
    await backend.stop();
  }
}
