import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX } from '../utils/fraud/matrix';
import { BacktestReport } from '../utils/schemas/admin';
import { buildApp } from './app';
import { renderDefencePdfOffThread } from './services/pdf';
import { seedDecidedOrders } from '../tests/server/backtest-seed';
import { testDatabases } from '../tests/server/databases';
import { createTestTeam, type TestTeam } from '../tests/server/harness';

/**
 * No request freezes the team: while a heavy defence PDF (a 4,000-character word in 34,000 characters)
 * renders, a back-test over 5,000 decided orders (most of one buyer) runs, or the year's reports are
 * built, GET /health on the same listening server keeps answering at once.
 *
 * How "at once" is measured: the PDF, the back-test's scoring and the embedded database (PGlite, whose
 * SQL runs synchronously) run on worker threads, so on a 2-core
 * machine shared with other jobs the main thread competes for a core, and a wall-clock bound such as
 * "/health within 100 ms" would fail whenever the machine is busy, for reasons that are not ours. So the
 * test measures the event loop's worst delay (perf_hooks.monitorEventLoopDelay, which sees every slice
 * of synchronous work, not only those a /health probe happens to hit) twice in the same run: once with
 * the same /health polling and a worker thread burning a core (the machine as a worker-thread request
 * leaves it, minus the request's main-thread work), and once during the heavy request. Its worst delay
 * must stay under three times the baseline's, or under 100 ms when the baseline is quiet. /health's own
 * time is only held to "never frozen" (1 s): one probe also waits on loopback connections and on the
 * machine's other work, and was seen at 163 ms while the loop's worst delay was 17 ms. A ratio to a
 * baseline taken moments before cancels the machine's load; the factor 3 leaves room for one unlucky
 * pause, and is still far below what a blocking request does (the back-test that read its history in
 * a few large queries held the loop for 250–500 ms against a 20–50 ms baseline).
 */
/**
 * A request that blocks the loop does so on every run; the machine's other work does not repeat on cue.
 * So a measurement spoiled by a neighbour's burst is taken again, at most twice: a blocking handler still
 * fails all three.
 */
const NOISE = { retry: 2, timeout: 600_000 };

describe.each(testDatabases())('no request freezes the server on $kind', (target) => {
  let app: FastifyInstance;
  let team: TestTeam;
  let base: string;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    team = await createTestTeam(app.db, 'Freeze');
    await seedDecidedOrders(app.db, team.teamId, 5000, 2);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  }, 120_000);

  /** /health every 20 ms until `heavy` settles, with the event loop's worst delay over the same time. */
  const sampleWhile = async (heavy: Promise<unknown>) => {
    const healthMs = async () => {
      const started = performance.now();
      const res = await fetch(`${base}/health`);
      await res.arrayBuffer();
      expect(res.status).toBe(200);
      return performance.now() - started;
    };
    await healthMs(); // a warm connection path, as a monitor would have
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let heavyDone = false;
    void heavy.finally(() => (heavyDone = true)).catch(() => {});
    const health: number[] = [];
    while (!heavyDone) {
      health.push(await healthMs());
      await new Promise((r) => setTimeout(r, 20));
    }
    loop.disable();
    return { health, healthMax: Math.max(...health), loopMaxMs: loop.max / 1e6 };
  };

  /** The machine as the back-test leaves it: one core busy on another thread for `ms`, nothing on this one. */
  const busyCoreFor = async (ms: number) => {
    const worker = new Worker(`const end = Date.now() + ${ms}; while (Date.now() < end) {}`, { eval: true });
    await new Promise((resolve) => worker.once('exit', resolve));
  };

  it('keeps the event loop as free while a defence PDF with a 4,000-character word renders as with nothing running', NOISE, async () => {
    const baseline = await sampleWhile(busyCoreFor(3_000));
    const pdf = renderDefencePdfOffThread({ title: 'Defence', sections: [{ title: 'Notes', body: `${'word '.repeat(6_000)}${'W'.repeat(4000)}` }] });
    const during = await sampleWhile(pdf);
    expect((await pdf).byteLength).toBeGreaterThan(5_000);
    expect(during.health.length).toBeGreaterThan(5);
    expect(during.loopMaxMs).toBeLessThan(Math.max(100, 3 * baseline.loopMaxMs));
    expect(during.healthMax).toBeLessThan(1_000);
  });

  it('keeps the event loop as free while a 5,000-order back-test runs as with nothing running', NOISE, async () => {
    const baseline = await sampleWhile(busyCoreFor(5_000));
    const backtest = fetch(`${base}/v1/fraud/backtest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${team.leadToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ matrix: { ...DEFAULT_MATRIX, thresholds: { review: 10, hold: 30 } }, days: 365 }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
    const during = await sampleWhile(backtest);
    const result = await backtest;
    expect(result.status).toBe(200);
    expect(BacktestReport.parse(result.body).total).toBe(5000);
    expect(during.health.length).toBeGreaterThan(5);
    console.log(
      `[freeze] ${target.kind}: event-loop worst delay ${during.loopMaxMs.toFixed(0)} ms during the back-test vs ${baseline.loopMaxMs.toFixed(0)} ms baseline; ` +
        `/health worst ${during.healthMax.toFixed(0)} ms vs ${baseline.healthMax.toFixed(0)} ms over ${during.health.length} / ${baseline.health.length} samples`,
    );
    expect(during.loopMaxMs).toBeLessThan(Math.max(100, 3 * baseline.loopMaxMs));
    expect(during.healthMax).toBeLessThan(1_000);
  });

  // The year's reports over this team's 5,000 orders, 6,250 decisions and 833 cases: a team's month
  // rather than a busy year (bench/freeze.ts measures the bench year's service report).
  it("keeps the event loop as free while the year's reports are built as with nothing running", NOISE, async () => {
    const baseline = await sampleWhile(busyCoreFor(3_000));
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const range = `from=${day(Date.now() - 365 * 86_400_000)}&to=${day(Date.now())}`;
    const reports = (async () => {
      const statuses: number[] = [];
      for (const section of ['service', 'fraud', 'disputes']) {
        const res = await fetch(`${base}/v1/reports/${section}?${range}`, { headers: { authorization: `Bearer ${team.leadToken}` } });
        await res.arrayBuffer();
        statuses.push(res.status);
      }
      return statuses;
    })();
    const during = await sampleWhile(reports);
    expect(await reports).toEqual([200, 200, 200]);
    console.log(
      `[freeze] ${target.kind}: event-loop worst delay ${during.loopMaxMs.toFixed(0)} ms during the year's reports vs ${baseline.loopMaxMs.toFixed(0)} ms baseline; ` +
        `/health worst ${during.healthMax.toFixed(0)} ms vs ${baseline.healthMax.toFixed(0)} ms`,
    );
    expect(during.loopMaxMs).toBeLessThan(Math.max(100, 3 * baseline.loopMaxMs));
    expect(during.healthMax).toBeLessThan(1_000);
  });
});
