import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtest, type BacktestCase } from '../../utils/fraud/backtest';
import { DEFAULT_MATRIX } from '../../utils/fraud/matrix';
import { PageContext } from '../../utils/schemas/page';
import type { Database } from '../db/open';
import { cases, decisions, orders } from '../db/schema';
import { listFinalDecisions } from '../repositories/backtest';
import { findOrdersByIds } from '../repositories/orders';
import { testDatabases } from '../test/databases';
import { createTestTeam, newOrderId, orderPage } from '../test/harness';
import { runBacktest } from './backtest';
import { buildFraudInput } from './insights';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-30T12:00:00Z');
const stricter = { ...DEFAULT_MATRIX, thresholds: { review: 10, hold: 30 } };

/**
 * `count` decided orders, spread over the last days, sharing buyer, address and phone keys in a few
 * groups (one buyer with many orders is the case that took 81 s), with claims, returns and fraud flags.
 */
async function seedDecidedOrders(db: Database, teamId: string, count: number, groups: number) {
  const orderRows = [];
  const decisionRows = [];
  const caseRows = [];
  for (let i = 0; i < count; i++) {
    const orderId = newOrderId();
    const placed = new Date(NOW.getTime() - (i * 7 + 1) * HOUR);
    const g = i % groups;
    const snapshot = PageContext.parse(orderPage({ orderId, purchasedAt: placed.toISOString() }));
    orderRows.push({
      teamId,
      portal: 'amazon',
      marketplace: 'DE',
      orderId,
      buyerKey: `buyer-${g}`,
      addressKey: `addr-${i % (groups + 1)}`,
      phoneKey: i % 3 === 0 ? `phone-${g}` : null,
      totalMinor: 1000 + i,
      currency: 'EUR',
      purchasedAt: i % 10 === 0 ? null : placed,
      firstSeenAt: placed,
      snapshot: snapshot as unknown as Record<string, unknown>,
      addressChangedAt: i % 11 === 0 ? placed : null,
    });
    const kind = (['hold', 'release', 'fraud'] as const)[i % 3];
    decisionRows.push({ teamId, orderId, kind: i % 5 === 0 ? 'hold' : kind, createdAt: new Date(placed.getTime() + HOUR) });
    // A later change of mind on some: the last decision counts.
    if (i % 4 === 0) decisionRows.push({ teamId, orderId, kind: kind === 'fraud' ? ('release' as const) : ('fraud' as const), createdAt: new Date(placed.getTime() + 2 * HOUR) });
    if (i % 6 === 0) {
      const caseKind = (['claim', 'return', 'chargeback'] as const)[i % 3];
      caseRows.push({ teamId, kind: caseKind, portal: 'amazon' as const, ref: `${caseKind}-${orderId}`, orderId, buyerKey: i % 12 === 0 ? `buyer-${g}` : null, openedAt: new Date(placed.getTime() + i) });
    }
  }
  for (let i = 0; i < orderRows.length; i += 500) await db.insert(orders).values(orderRows.slice(i, i + 500));
  for (let i = 0; i < decisionRows.length; i += 1000) await db.insert(decisions).values(decisionRows.slice(i, i + 1000));
  for (let i = 0; i < caseRows.length; i += 1000) await db.insert(cases).values(caseRows.slice(i, i + 1000));
}

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
