import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX } from '../utils/fraud/matrix';
import { BacktestReport } from '../utils/schemas/admin';
import { buildApp } from './app';
import { renderDefencePdfOffThread } from './services/pdf';
import { seedDecidedOrders } from './test/backtest-seed';
import { testDatabases } from './test/databases';
import { createTestTeam, type TestTeam } from './test/harness';

/**
 * No request freezes the team: while a heavy defence PDF (a 4,000-character word in 34,000 characters)
 * renders, GET /health on the same listening server answers within 100 ms; while a heavy back-test
 * (5,000 decided orders, most of one buyer) runs, it keeps answering.
 */
describe.each(testDatabases())('no request freezes the server on $kind', (target) => {
  let app: FastifyInstance;
  let team: TestTeam;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    team = await createTestTeam(app.db, 'Freeze');
    await seedDecidedOrders(app.db, team.teamId, 5000, 2);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  }, 120_000);

  const sampleHealthWhile = async (base: string, heavy: Promise<unknown>) => {
    const healthMs = async () => {
      const started = performance.now();
      const res = await fetch(`${base}/health`);
      await res.arrayBuffer();
      expect(res.status).toBe(200);
      return performance.now() - started;
    };
    await healthMs(); // a warm connection path, as a monitor would have
    let heavyDone = false;
    void heavy.finally(() => (heavyDone = true));
    const samples: number[] = [];
    while (!heavyDone) {
      samples.push(await healthMs());
      await new Promise((r) => setTimeout(r, 20));
    }
    return samples;
  };

  // Held against a baseline from the same run (the same polling for a second with nothing else running),
  // not a wall-clock bound alone: on a loaded runner /health itself takes 100 ms and more. A PDF rendered on
  // the main thread holds the loop for seconds, far beyond either bound.
  it('answers /health as fast as when idle (within 100 ms, or 3× the idle worst) while a defence PDF with a 4,000-character word renders', async () => {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const idle = await sampleHealthWhile(base, new Promise((r) => setTimeout(r, 1_000)));
    const pdf = renderDefencePdfOffThread({ title: 'Defence', sections: [{ title: 'Notes', body: `${'word '.repeat(6_000)}${'W'.repeat(4000)}` }] });
    const samples = await sampleHealthWhile(base, pdf);
    expect((await pdf).byteLength).toBeGreaterThan(5_000);
    expect(samples.length).toBeGreaterThan(5);
    console.log(`[freeze] /health during the PDF on ${target.kind}: max ${Math.max(...samples).toFixed(0)} ms, idle max ${Math.max(...idle).toFixed(0)} ms`);
    expect(Math.max(...samples)).toBeLessThan(Math.max(100, 3 * Math.max(...idle)));
  }, 600_000);

  // The back-test's database reads still hold the event loop for a few hundred milliseconds at a time
  // (PGlite runs its queries on the main thread; node-postgres parses large result sets there): the bound
  // here is "never frozen" (it took 81 s of blocked loop before), the 100 ms goal is not met yet.
  it('keeps answering /health (within 1 s) while a 5,000-order back-test runs', async () => {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const backtest = fetch(`${base}/v1/fraud/backtest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${team.leadToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ matrix: { ...DEFAULT_MATRIX, thresholds: { review: 10, hold: 30 } }, days: 365 }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
    const samples = await sampleHealthWhile(base, backtest);
    const result = await backtest;
    expect(result.status).toBe(200);
    expect(BacktestReport.parse(result.body).total).toBe(5000);
    expect(samples.length).toBeGreaterThan(5);
    console.log(`[freeze] /health during the back-test on ${target.kind}: max ${Math.max(...samples).toFixed(0)} ms over ${samples.length} samples`);
    expect(Math.max(...samples)).toBeLessThan(1_000);
}, 600_000);
});
