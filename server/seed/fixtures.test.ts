// @vitest-environment happy-dom
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderedFixture } from '../../tests/fixtures/load';
import { DEMO_ORDERS, fixtureByName } from '../../tests/fixtures/manifest';
import { amazonAdapter } from '../../utils/portals/amazon';
import { zalandoAdapter } from '../../utils/portals/zalando';
import { PanelData } from '../../utils/schemas/api';
import { buildApp } from '../app';
import { openDatabase, type DatabaseHandle } from '../db/open';
import { auth } from '../../tests/server/harness';

/**
 * The demo seed must meet the sandbox: the real Amazon adapter reads the fixture page, and the panel
 * must find the seeded case, notes and history (same order, buyer and address keys), not a new case.
 * PGlite only: this checks the seed's data, not the database.
 */
describe('demo seed against the fixture pages', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;

  beforeAll(async () => {
    handle = await openDatabase({});
    app = await buildApp({ db: handle.db, demo: true });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const load = async (fixtureName: string) => {
    const fixture = fixtureByName(fixtureName);
    const adapter = fixture.url.includes('zalando') ? zalandoAdapter : amazonAdapter;
    const context = adapter.extract(new URL(fixture.url), renderedFixture(fixture));
    const res = await app.inject({ method: 'POST', url: '/v1/panel', headers: auth('demo-agent-token'), payload: { context } });
    expect(res.statusCode).toBe(200);
    return PanelData.parse(res.json());
  };

  it("finds the Amazon.de order's seeded history and scores it from the address's other orders", async () => {
    const data = await load('amazon-de-order');
    expect(data.case?.orderId).toBe(DEMO_ORDERS.amazonDe.orderId);
    expect(data.history.filter((e) => e.type === 'note')).toHaveLength(2);
    expect(data.buyerCases.map((c) => c.kind)).toEqual(expect.arrayContaining(['claim', 'return']));
    const fired = data.fraud!.fired.map((f) => f.indicator);
    expect(fired).toEqual(expect.arrayContaining(['velocity_address', 'shared_address', 'prior_claims', 'prior_fraud_flags']));
    expect(data.fraud!.recommendation).toBe('hold');
  });

  it("finds the Amazon.com order's chargeback and its note", async () => {
    const data = await load('amazon-com-order');
    expect(data.case?.orderId).toBe(DEMO_ORDERS.amazonCom.orderId);
    expect(data.history.some((e) => e.type === 'note' && e.text.includes('proof of delivery'))).toBe(true);
    const cases = await app.inject({ method: 'GET', url: `/v1/cases?orderId=${DEMO_ORDERS.amazonCom.orderId}`, headers: auth('demo-agent-token') });
    expect(
      cases
        .json()
        .cases.map((c: { kind: string }) => c.kind)
        .sort(),
    ).toEqual(['chargeback', 'order']);
  });

  it("finds the zDirect order's seeded case by the order number people quote, with the UUID kept as its reference", async () => {
    const data = await load('zalando-order');
    expect(data.case?.orderId).toBe('1040970000502251');
    expect(data.history.some((e) => e.type === 'note' && e.text.includes('Customer Care'))).toBe(true);
  });
});
