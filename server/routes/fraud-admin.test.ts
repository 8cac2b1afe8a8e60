import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX } from '../../utils/fraud/matrix';
import { BacktestReport, FraudMatrixView } from '../../utils/schemas/admin';
import type { FraudIndicatorId, FraudMatrix } from '../../utils/schemas/fraud';
import { buildApp } from '../app';
import { createAgent } from '../repositories/agents';
import { insertToken } from '../repositories/tokens';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, idempotencyKey, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

/** Only the pack-station rule scores: weight 0 (everything released) or forcing hold. */
function onlyPackStation(forces?: 'hold'): FraudMatrix {
  const indicators = Object.fromEntries(
    Object.entries(DEFAULT_MATRIX.indicators).map(([id, rule]) => [id, { ...rule, enabled: false }]),
  ) as FraudMatrix['indicators'];
  indicators['pack_station' as FraudIndicatorId] = forces ? { weight: 0, enabled: true, scope: 'both', forces } : { weight: 0, enabled: true, scope: 'both' };
  return { ...DEFAULT_MATRIX, indicators };
}

describe.each(testDatabases())('fraud matrix and back-test on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;
  let secondLeadToken: string;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: unknown) =>
    app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload: payload as object }) });
  const view = async (token: string) => FraudMatrixView.parse((await call('GET', '/v1/fraud/matrix', token)).json());

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
    a = await createTestTeam(app.db, 'Alpha');
    b = await createTestTeam(app.db, 'Beta');
    const lead2 = await createAgent(app.db, a.teamId, { name: 'Second Lead', role: 'lead' });
    secondLeadToken = (await insertToken(app.db, { teamId: a.teamId, agentId: lead2.id, label: 'test' })).token;
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  it("shows the engine's default as version 0 until a lead saves one", async () => {
    expect(await view(a.agentToken)).toEqual({ matrix: DEFAULT_MATRIX, version: 0, updatedAt: null, updatedBy: null });
  });

  it('saves versions for leads only, refuses the stale second save, and keeps the team apart', async () => {
    const proposal = { ...DEFAULT_MATRIX, thresholds: { review: 30, hold: 70 } };
    expect((await call('PUT', '/v1/fraud/matrix', a.agentToken, { matrix: proposal, expectedVersion: 0 })).statusCode).toBe(403);
    const saved = await call('PUT', '/v1/fraud/matrix', a.leadToken, { matrix: proposal, expectedVersion: 0 });
    expect(saved.statusCode).toBe(200);
    expect(FraudMatrixView.parse(saved.json())).toMatchObject({
      version: 1,
      updatedBy: a.lead.name,
      matrix: { version: 1, thresholds: { review: 30, hold: 70 } },
    });

    const stale = await call('PUT', '/v1/fraud/matrix', secondLeadToken, {
      matrix: { ...DEFAULT_MATRIX, thresholds: { review: 10, hold: 20 } },
      expectedVersion: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'version_conflict',
      details: { current: { version: 1, matrix: { thresholds: { review: 30, hold: 70 } } } },
    });
    expect((await view(a.agentToken)).matrix.thresholds).toEqual({ review: 30, hold: 70 });

    const next = await call('PUT', '/v1/fraud/matrix', secondLeadToken, { matrix: { ...proposal, thresholds: { review: 35, hold: 70 } }, expectedVersion: 1 });
    expect(FraudMatrixView.parse(next.json())).toMatchObject({ version: 2, updatedBy: 'Second Lead' });
    expect((await view(b.leadToken)).version).toBe(0);

    // The panel scores with the saved matrix.
    const panel = await postPanel(app, a.agentToken, orderPage());
    expect(panel.json().fraud.matrixVersion).toBe(2);
  });

  it('refuses an invalid matrix naming the problem, and keeps the stored one', async () => {
    const before = await view(a.leadToken);
    const res = await call('PUT', '/v1/fraud/matrix', a.leadToken, {
      matrix: { ...DEFAULT_MATRIX, thresholds: { review: 80, hold: 60 } },
      expectedVersion: before.version,
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('invalid_matrix');
    expect(error.message).toContain('thresholds.review (80) must be below thresholds.hold (60)');
    expect(error.details.errors).toEqual([{ path: 'thresholds.review', message: expect.stringContaining('thresholds.review') }]);

    const typo = await call('PUT', '/v1/fraud/matrix', a.leadToken, {
      matrix: { ...DEFAULT_MATRIX, indicators: { ...DEFAULT_MATRIX.indicators, po_box: { weight: 'high', enabled: true, scope: 'abuse' } } },
      expectedVersion: before.version,
    });
    expect(typo.json().error.code).toBe('invalid_matrix');
    expect(typo.json().error.details.errors[0].path).toBe('indicators.po_box.weight');
    expect(typo.json().error.message).toContain('po_box');
    expect((await call('PUT', '/v1/fraud/matrix', a.leadToken, { matrix: 'nonsense', expectedVersion: before.version })).json().error.code).toBe(
      'invalid_matrix',
    );
    expect((await call('PUT', '/v1/fraud/matrix', a.leadToken, { matrix: DEFAULT_MATRIX })).json().error.field).toBe('body.expectedVersion');
    expect(await view(a.leadToken)).toEqual(before);
  });

  it('replays the final decisions of the period through both matrices', async () => {
    const t = await createTestTeam(app.db, 'Backtest');
    const save = await call('PUT', '/v1/fraud/matrix', t.leadToken, { matrix: onlyPackStation(), expectedVersion: 0 });
    expect(save.statusCode).toBe(200);
    let n = 0;
    const decided = async (packStation: boolean, decisions: Array<'hold' | 'release' | 'fraud'>, at?: string) => {
      n += 1;
      const orderId = newOrderId();
      // Different buyers at different addresses, so no velocity or history rule could matter.
      const lines = packStation ? [`Packstation ${100 + n}`, `Postnummer 12345${n}`] : [`Weg ${n}`];
      const page = orderPage({
        orderId,
        buyer: { name: `Buyer ${n}` },
        shipTo: { name: `Buyer ${n}`, lines, city: 'Köln', postalCode: `5${String(n).padStart(4, '0')}`, country: 'DE' },
      });
      expect((await postPanel(app, t.agentToken, page)).statusCode).toBe(200);
      for (const decision of decisions) {
        await call('POST', '/v1/decisions', t.agentToken, { orderId, decision, idempotencyKey: idempotencyKey(), ...(at ? { at } : {}) });
      }
    };
    await decided(true, ['fraud']);
    await decided(true, ['fraud']);
    await decided(true, ['hold', 'release']); // the final word counts
    await decided(false, ['release']);
    await decided(false, ['hold']);
    await decided(true, ['fraud'], new Date(Date.now() - 200 * 86_400_000).toISOString()); // outside 180 days
    // A decision on an order no page ever showed: nothing to score it on.
    await call('POST', '/v1/decisions', t.agentToken, { orderId: newOrderId(), decision: 'release', idempotencyKey: idempotencyKey() });

    expect((await call('POST', '/v1/fraud/backtest', t.agentToken, { matrix: onlyPackStation('hold') })).statusCode).toBe(403);
    const res = await call('POST', '/v1/fraud/backtest', t.leadToken, { matrix: onlyPackStation('hold') });
    expect(res.statusCode).toBe(200);
    const report = BacktestReport.parse(res.json());
    expect(report).toMatchObject({ days: 180, currentVersion: 1, total: 5, skipped: 1, unchanged: 2 });
    expect(report.currentConfusion).toEqual({
      release: { fraud: 2, release: 2, hold: 1 },
      review: { fraud: 0, release: 0, hold: 0 },
      hold: { fraud: 0, release: 0, hold: 0 },
    });
    expect(report.confusion).toEqual({
      release: { fraud: 0, release: 1, hold: 1 },
      review: { fraud: 0, release: 0, hold: 0 },
      hold: { fraud: 2, release: 1, hold: 0 },
    });
    expect(report.current).toEqual({ fraudCaught: 0, fraudReleased: 2, goodHeld: 0, sentToAgents: 0 });
    expect(report.proposed).toEqual({ fraudCaught: 2, fraudReleased: 0, goodHeld: 1, sentToAgents: 3 });
    expect(report.moves).toEqual([{ from: 'release', to: 'hold', count: 3, examples: expect.any(Array) }]);

    const wider = BacktestReport.parse((await call('POST', '/v1/fraud/backtest', t.leadToken, { matrix: onlyPackStation('hold'), days: 365 })).json());
    expect(wider.total).toBe(6);
    const invalid = await call('POST', '/v1/fraud/backtest', t.leadToken, { matrix: { ...DEFAULT_MATRIX, thresholds: { review: 90, hold: 10 } } });
    expect(invalid.json().error.code).toBe('invalid_matrix');
    // Another team's back-test sees none of these decisions.
    expect(BacktestReport.parse((await call('POST', '/v1/fraud/backtest', b.leadToken, { matrix: onlyPackStation('hold') })).json()).total).toBe(0);
  });
});
