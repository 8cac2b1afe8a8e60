import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX } from '../../utils/fraud/matrix';
import { DEMO_ORDERS } from '../../tests/fixtures/manifest';
import { PanelData } from '../../utils/schemas/api';
import { buildApp } from '../app';
import { mergeSettingsDocument } from '../repositories/settings';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, idempotencyKey, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

const panel = async (app: FastifyInstance, token: string, overrides: Parameters<typeof orderPage>[0]) =>
  PanelData.parse((await postPanel(app, token, orderPage(overrides))).json());

describe.each(testDatabases())('fraud, SLA and templates in the panel on $kind', (target) => {
  let app: FastifyInstance;
  let team: TestTeam;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db, demo: true });
    team = await createTestTeam(app.db, 'Insight');
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  it("scores the demo order from the team's history: address velocity, shared address, the buyer's claim, a fraud flag", async () => {
    const { orderId, buyerName } = DEMO_ORDERS.amazonDe;
    const shipTo = {
      name: buyerName,
      lines: [buyerName, 'Musterstraße 12', '10115 Berlin', 'Deutschland'],
      city: 'Berlin',
      postalCode: '10115',
      country: 'DE',
    };
    const data = await panel(app, 'demo-agent-token', { orderId, buyer: { name: buyerName }, shipTo });
    const fired = Object.fromEntries(data.fraud!.fired.map((f) => [f.indicator, f]));
    expect(Object.keys(fired)).toEqual(expect.arrayContaining(['velocity_address', 'shared_address', 'prior_claims', 'prior_fraud_flags']));
    // One earlier return is below the default minimum of three.
    expect(fired.prior_returns).toBeUndefined();
    expect(fired.velocity_address!.relatedOrderIds.sort()).toEqual(['302-2000001-0000001', '302-2000002-0000002']);
    expect(fired.prior_claims!.evidence).toContain('AZDEMO0001');
    expect(fired.prior_fraud_flags!.relatedOrderIds).toEqual(['302-2000002-0000002']);
    expect(data.fraud!.recommendation).not.toBe('release');
    expect(data.fraud!.matrixVersion).toBe(DEFAULT_MATRIX.version);
  });

  it('scores a first order of a new buyer low, and only from its own team', async () => {
    const data = await panel(app, team.agentToken, { buyer: { name: 'Max Mustermann' } });
    // Alpha's Max Mustermann history lives in the demo team; this team has none.
    expect(data.fraud).toMatchObject({ score: 0, recommendation: 'release', fired: [] });
  });

  it('flags an address changed after an earlier page showed another one', async () => {
    const orderId = newOrderId();
    await panel(app, team.agentToken, {
      orderId,
      buyer: { name: 'Ida Wechsel' },
      shipTo: { lines: ['Lindenweg 1'], city: 'Hamburg', postalCode: '20095', country: 'DE' },
    });
    const moved = await panel(app, team.agentToken, {
      orderId,
      buyer: { name: 'Ida Wechsel' },
      shipTo: { lines: ['Bahnhofstraße 99'], city: 'Bremen', postalCode: '28195', country: 'DE' },
    });
    expect(moved.fraud!.fired.map((f) => f.indicator)).toContain('address_changed');
  });

  it("uses the team's matrix from settings", async () => {
    const strict = await createTestTeam(app.db, 'Strict');
    const matrix = structuredClone(DEFAULT_MATRIX);
    matrix.version = 7;
    matrix.parameters.velocity.addressCount = 2;
    await mergeSettingsDocument(app.db, strict.teamId, { fraudMatrix: matrix });
    const address = { lines: ['Am Markt 3'], city: 'Köln', postalCode: '50667', country: 'DE' };
    await panel(app, strict.agentToken, { buyer: { name: 'Erste Person' }, shipTo: address, purchasedAt: '2025-11-02T10:00:00Z' });
    const second = await panel(app, strict.agentToken, { buyer: { name: 'Zweite Person' }, shipTo: address, purchasedAt: '2025-11-02T12:00:00Z' });
    expect(second.fraud!.matrixVersion).toBe(7);
    expect(second.fraud!.fired.map((f) => f.indicator)).toContain('velocity_address');
  });

  it('runs the SLA clock of a buyer message from when it was received', async () => {
    const data = await panel(app, team.agentToken, {
      pageKind: 'message',
      url: 'https://sellercentral.amazon.de/messaging/inbox?cc=0b9e7d44-5a31-4f6a-8c2d-93e1f0a7b655',
      message: { threadId: '0b9e7d44-5a31-4f6a-8c2d-93e1f0a7b655', receivedAt: '2025-11-03T08:00:00Z' },
    });
    expect(data.case!.kind).toBe('message');
    expect(data.sla).toMatchObject({
      caseKind: 'amazon_buyer_message',
      startedAt: '2025-11-03T08:00:00.000Z',
      deadline: '2025-11-04T08:00:00.000Z',
      marketplaceTimeZone: 'Europe/Berlin',
    });
  });

  it('uses SLA policies from team settings', async () => {
    const fast = await createTestTeam(app.db, 'Fast');
    const { DEFAULT_POLICIES } = await import('../../utils/sla/policies');
    const policies = structuredClone(DEFAULT_POLICIES);
    policies.version = 3;
    policies.policies.amazon_buyer_message = { ...policies.policies.amazon_buyer_message!, duration: { amount: 12, unit: 'hours' } };
    await mergeSettingsDocument(app.db, fast.teamId, { slaPolicies: policies });
    const data = await panel(app, fast.agentToken, {
      pageKind: 'message',
      url: 'https://sellercentral.amazon.de/messaging/inbox?cc=1b9e7d44-5a31-4f6a-8c2d-93e1f0a7b655',
      message: { threadId: '1b9e7d44-5a31-4f6a-8c2d-93e1f0a7b655', receivedAt: '2025-11-03T08:00:00Z' },
    });
    expect(data.sla).toMatchObject({ deadline: '2025-11-03T20:00:00.000Z', policyVersion: 3 });
  });

  it("ranks templates for the page: the marketplace's language and page kind first", async () => {
    const de = await panel(app, 'demo-agent-token', { orderId: newOrderId(), buyer: { name: 'Jemand Anders' } });
    expect(de.templates[0]!.language).toBe('de');
    const fr = await panel(app, 'demo-agent-token', {
      orderId: newOrderId('403'),
      pageKind: 'claim',
      url: 'https://sellercentral.amazon.fr/gp/guarantee-claims/home.html?claimId=AZX',
      marketplace: { code: 'FR', currency: 'EUR', language: 'fr' },
      claim: { id: `AZ${Date.now()}` },
    });
    expect(fr.templates[0]).toMatchObject({ language: 'fr', shortcut: 'atoz' });
  });

  it('records a note without disturbing scoring (history stays per order)', async () => {
    const orderId = newOrderId();
    await panel(app, team.agentToken, { orderId });
    const res = await app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: auth(team.agentToken),
      payload: { orderId, text: 'ok', idempotencyKey: idempotencyKey() },
    });
    expect(res.statusCode).toBe(201);
    const again = await panel(app, team.agentToken, { orderId });
    expect(again.fraud).not.toBeNull();
  });
});
