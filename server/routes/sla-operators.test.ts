import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelData } from '../../utils/schemas/api';
import { SlaPoliciesSaved, SlaPoliciesView } from '../../utils/schemas/admin';
import { mergeSettingsDocument } from '../repositories/settings';
import type { SlaPolicySet } from '../../utils/schemas/sla';
import { DEFAULT_POLICIES } from '../../utils/sla/policies';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

const HOUR = 3_600_000;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** A customer message on an order in a Mirakl back office of `operator`, received `receivedAt`. */
function miraklMessage(operator: string, host: string, receivedAt: Date) {
  const orderId = `${digits(10)}-A`;
  return orderPage({
    portal: 'mirakl',
    pageKind: 'message',
    url: `https://${host}/mmp/shop/order/${orderId}/messages`,
    marketplace: { code: `${operator}-DE`, currency: 'EUR', timeZone: 'Europe/Berlin', language: 'de' },
    orderId,
    items: [{ title: 'Wasserkocher', sku: 'WK-1', quantity: 1, unitPrice: { amountMinor: 3999, currency: 'EUR' } }],
    totals: { total: { amountMinor: 3999, currency: 'EUR' } },
    message: { threadId: `thread-${orderId}`, receivedAt: receivedAt.toISOString() },
  });
}

const withConradReply = (hours: number): SlaPolicySet => ({
  ...DEFAULT_POLICIES,
  policies: {
    ...DEFAULT_POLICIES.policies,
    mirakl_message_reply: {
      ...DEFAULT_POLICIES.policies.mirakl_message_reply!,
      byOperator: { CONRAD: { clock: 'calendar', duration: { amount: hours, unit: 'hours' } } },
    },
  },
});

describe.each(testDatabases())("operators' own SLA terms on $kind", (target) => {
  let app: FastifyInstance;
  let a: TestTeam;

  const panel = async (page: ReturnType<typeof miraklMessage>) => PanelData.parse((await postPanel(app, a.agentToken, page)).json());
  const put = (policies: unknown, expectedVersion: number, applyToOpenCases = false) =>
    app.inject({ method: 'PUT', url: '/v1/sla/policies', headers: auth(a.leadToken), payload: { policies, expectedVersion, applyToOpenCases } });

  beforeAll(async () => {
    ({
      app,
      teams: [a],
    } = await openTestApp(target, 'Operators'));
  });
  afterAll(() => closeTestApp(app, target));

  it("runs each operator's case on its own reply window, keeps it, and moves it when the lead applies a change", async () => {
    const received = new Date(Date.now() - 2 * HOUR);
    const conrad = miraklMessage('CONRAD', 'conrad-prod.mirakl.net', received);
    const secretSales = miraklMessage('SECRETSALES', 'secretsales-prod.mirakl.net', received);
    expect((await panel(conrad)).sla).toMatchObject({
      caseKind: 'mirakl_message_reply',
      deadline: new Date(received.getTime() + 48 * HOUR).toISOString(),
    });
    expect((await panel(secretSales)).sla).toMatchObject({
      caseKind: 'mirakl_message_reply',
      deadline: new Date(received.getTime() + 24 * HOUR).toISOString(),
    });

    // The lead shortens Conrad's window, for new cases only: the open one keeps its promise.
    const saved = await put(withConradReply(36), 1);
    expect(saved.statusCode).toBe(200);
    expect((await panel(conrad)).sla).toMatchObject({ policyVersion: 1, deadline: new Date(received.getTime() + 48 * HOUR).toISOString() });
    const later = miraklMessage('CONRAD', 'conrad-prod.mirakl.net', received);
    expect((await panel(later)).sla).toMatchObject({ policyVersion: 2, deadline: new Date(received.getTime() + 36 * HOUR).toISOString() });

    // Applied to open cases: Conrad's cases move to 30 h, Secret Sales' stays on the policy's 24 h.
    const applied = SlaPoliciesSaved.parse((await put(withConradReply(30), 2, true)).json());
    expect(applied.recomputedCases).toBe(3);
    for (const page of [conrad, later]) {
      expect((await panel(page)).sla).toMatchObject({ policyVersion: 3, deadline: new Date(received.getTime() + 30 * HOUR).toISOString() });
    }
    expect((await panel(secretSales)).sla).toMatchObject({ policyVersion: 3, deadline: new Date(received.getTime() + 24 * HOUR).toISOString() });
  });

  it('answers 400 naming the field for a bad operator code or fractional business days, and keeps the set', async () => {
    const current = (await app.inject({ method: 'GET', url: '/v1/sla/policies', headers: auth(a.leadToken) })).json() as { version: number };
    const bad = structuredClone(DEFAULT_POLICIES) as unknown as { policies: Record<string, { byOperator?: unknown }> };
    bad.policies.mirakl_order_acceptance!.byOperator = { 'conrad-de': { clock: 'calendar', duration: { amount: 48, unit: 'hours' } } };
    const refused = await put(bad, current.version);
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('policies.mirakl_order_acceptance.byOperator.conrad-de');
    bad.policies.mirakl_order_acceptance!.byOperator = { CONRAD: { clock: 'business', duration: { amount: 0.5, unit: 'days' } } };
    const fractional = await put(bad, current.version);
    expect(fractional.statusCode).toBe(400);
    expect(JSON.stringify(fractional.json())).toContain('policies.mirakl_order_acceptance.byOperator.CONRAD.duration');
    const after = (await app.inject({ method: 'GET', url: '/v1/sla/policies', headers: auth(a.leadToken) })).json() as { version: number };
    expect(after.version).toBe(current.version);
  });

  it("a team whose saved set predates the platform's clocks keeps its own edits and gets the new clocks' defaults", async () => {
    const c = await createTestTeam(app.db, 'Older');
    const older = structuredClone(DEFAULT_POLICIES) as unknown as { version: number; policies: Record<string, unknown> };
    older.version = 4;
    (older.policies.amazon_buyer_message as { duration: unknown }).duration = { amount: 12, unit: 'hours' };
    for (const kind of Object.keys(older.policies)) if (kind.startsWith('mirakl_')) delete older.policies[kind];
    await mergeSettingsDocument(app.db, c.teamId, { slaPolicies: older });
    const view = SlaPoliciesView.parse((await app.inject({ method: 'GET', url: '/v1/sla/policies', headers: auth(c.leadToken) })).json());
    expect(view.version).toBe(4);
    expect(view.policies.policies.amazon_buyer_message?.duration).toEqual({ amount: 12, unit: 'hours' });
    expect(view.policies.policies.mirakl_message_reply).toEqual(DEFAULT_POLICIES.policies.mirakl_message_reply);
    const received = new Date(Date.now() - HOUR);
    const res = await postPanel(app, c.agentToken, miraklMessage('CONRAD', 'conrad-prod.mirakl.net', received));
    expect(PanelData.parse(res.json()).sla).toMatchObject({ policyVersion: 4, deadline: new Date(received.getTime() + 48 * HOUR).toISOString() });
  });
});
