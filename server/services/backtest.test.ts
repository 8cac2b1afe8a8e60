import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtest, type BacktestCase } from '../../utils/fraud/backtest';
import { DEFAULT_MATRIX } from '../../utils/fraud/matrix';
import { PageContext } from '../../utils/schemas/page';
import type { Database } from '../db/open';
import { listFinalDecisions } from '../repositories/backtest';
import { findOrdersByIds } from '../repositories/orders';
import { testDatabases } from '../test/databases';
import { BACKTEST_NOW as NOW, seedDecidedOrders } from '../test/backtest-seed';
import { createTestTeam } from '../test/harness';
import { runBacktest } from './backtest';
import { buildFraudInput } from './insights';

const HOUR = 3_600_000;
const stricter = { ...DEFAULT_MATRIX, thresholds: { review: 10, hold: 30 } };

describe.each(testDatabases())('matrix back-test at scale on $kind', (target) => {
  let db: Database;

  beforeAll(async () => {
    db = (await target.open()).db;
  }, 240_000);
  afterAll(async () => {
    await target.dispose();
  }, 120_000);

  it('gives exactly what scoring each decision with the panel\'s own per-order queries gives', async () => {
    const team = await createTestTeam(db, 'Equal');
    await seedDecidedOrders(db, team.teamId, 120, 4);
    const report = await runBacktest(db, team.teamId, stricter, 60, NOW);

    // The reference: the per-decision path the panel uses (six queries per order).
    const finals = await listFinalDecisions(db, team.teamId, new Date(NOW.getTime() - 60 * 24 * HOUR), 5000);
    const byId = new Map((await findOrdersByIds(db, team.teamId, finals.map((d) => d.orderId))).map((o) => [o.orderId, o]));
    const reference: BacktestCase[] = [];
    for (const d of finals) {
      const order = byId.get(d.orderId)!;
      const ctx = PageContext.parse({ ...order.snapshot, recognition: { status: 'full', missing: [] } });
      const windowHours = Math.max(DEFAULT_MATRIX.parameters.velocity.windowHours, stricter.parameters.velocity.windowHours);
      reference.push({ input: await buildFraudInput(db, team.teamId, { ctx, order, windowHours, now: d.decidedAt }), decision: d.kind });
    }
    const expected = backtest(reference, DEFAULT_MATRIX, { ...stricter, version: 1 });
    expect(report.total).toBe(120);
    expect(report.confusion).toEqual(expected.confusion);
    expect(report.currentConfusion).toEqual(expected.currentConfusion);
    expect(report.unchanged).toBe(expected.unchanged);
    expect(report.moves.map((m) => [m.from, m.to, m.count])).toEqual(expected.moves.map((m) => [m.from, m.to, m.count]));
    expect(report.moves.length).toBeGreaterThan(0);
  }, 300_000);

  it('back-tests 5,000 decided orders, most of one buyer, within 10 s', async () => {
    const team = await createTestTeam(db, 'Busy');
    await seedDecidedOrders(db, team.teamId, 5000, 2);
    const started = Date.now();
    const report = await runBacktest(db, team.teamId, stricter, 365, NOW);
    const ms = Date.now() - started;
    expect(report.total + report.skipped).toBe(5000);
    expect(report.total).toBe(5000);
    expect(ms).toBeLessThan(10_000);
  }, 600_000);
});
