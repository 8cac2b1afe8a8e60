import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeList, DisputeView } from '../../utils/api-routes/disputes';
import { DisputeImportAnswer } from '../../utils/api-routes/processors';
import { CaseEventList, CaseList } from '../../utils/schemas/api';
import { DisputeReport } from '../../utils/schemas/reports';
import { buildApp } from '../app';
import { createAgent } from '../repositories/agents';
import { insertToken } from '../repositories/tokens';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

/** Answering pre-dispute alerts: advice, one decision per alert, the outcome for the provider, the history. */
const ALERT_HEADER = 'alert_id,provider,alert_type,created_at,amount,currency,order_id,card_network,respond_by,outcome';
const STRIPE_HEADER = 'id,Created (UTC),Amount,Currency,Status,Reason,Charge ID,Evidence Due By (UTC)';

describe.each(testDatabases())('alert decisions on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db, rateLimitPerMinute: 100_000 });
    a = await createTestTeam(app.db, 'Alpha');
    b = await createTestTeam(app.db, 'Beta');
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  const importCsv = async (lines: string[]) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/disputes/import?dryRun=false',
      headers: { ...auth(a.leadToken), 'content-type': 'text/csv' },
      payload: lines.join('\n'),
    });
    expect(res.statusCode, res.body).toBe(200);
    return DisputeImportAnswer.parse(res.json());
  };
  const idOf = async (externalId: string) =>
    DisputeList.parse((await app.inject({ method: 'GET', url: '/v1/disputes', headers: auth(a.agentToken) })).json()).disputes.find(
      (d) => d.externalId === externalId,
    )!.id;
  const view = async (id: string, token = a.agentToken) =>
    DisputeView.parse((await app.inject({ method: 'GET', url: `/v1/disputes/${id}`, headers: auth(token) })).json());
  const decide = (id: string, body: unknown, token = a.agentToken) =>
    app.inject({ method: 'POST', url: `/v1/disputes/${id}/alert-decision`, headers: auth(token), payload: body as object });
  const historyTexts = async (orderId: string) => {
    const cases = CaseList.parse(
      (await app.inject({ method: 'GET', url: `/v1/cases?orderId=${encodeURIComponent(orderId)}`, headers: auth(a.agentToken) })).json(),
    ).cases;
    const texts: string[] = [];
    for (const c of cases)
      texts.push(
        ...CaseEventList.parse((await app.inject({ method: 'GET', url: `/v1/cases/${c.id}/events`, headers: auth(a.agentToken) })).json()).events.map(
          (e) => e.text,
        ),
      );
    return texts;
  };

  it('advises a refund on a cardholder dispute alert, records it once, and says what to report to Ethoca', async () => {
    const orderId = newOrderId('304');
    await postPanel(app, a.agentToken, orderPage({ orderId, trackingNumber: '1Z999AA10123456784' }));
    await importCsv([ALERT_HEADER, `E-200,ethoca,CUSTOMERDISPUTE,2026-11-05T08:00:00Z,129.99,EUR,${orderId},mastercard,,`]);
    const id = await idOf('E-200');
    const before = await view(id);
    expect(before.alert).toMatchObject({ kind: 'customer_dispute', decision: null, facts: { shipped: true, buyerOrders: 0, buyerDisputes: 0, fraudScore: 0 } });
    expect(before.alert!.recommendation.action).toBe('refund');

    const res = await decide(id, { action: 'refund', note: 'Buyer says the parcel was damaged' });
    expect(res.statusCode, res.body).toBe(200);
    const after = DisputeView.parse(res.json());
    expect(after.dispute.status).toBe('refunded');
    expect(after.alert!.decision).toMatchObject({ action: 'refund', providerOutcome: 'RESOLVED', becameChargeback: false });
    expect(await historyTexts(orderId)).toContain(
      'Alert E-200: refunded to prevent the chargeback; report RESOLVED to Ethoca (Buyer says the parcel was damaged)',
    );

    // Answered once: a second answer, from anyone, is a conflict naming the alert.
    const again = await decide(id, { action: 'decline' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'conflict', field: 'params.id' } });
    expect((await view(id)).alert!.decision!.action).toBe('refund');
  });

  it('advises stopping the shipment on confirmed fraud before it ships, and only one of two agents at once wins', async () => {
    const orderId = newOrderId('305');
    await postPanel(app, a.agentToken, orderPage({ orderId }));
    await importCsv([ALERT_HEADER, `E-201,ethoca,CONFIRMEDFRAUD,2026-11-05T08:00:00Z,59.00,EUR,${orderId},visa,,`]);
    const id = await idOf('E-201');
    expect((await view(id)).alert).toMatchObject({ kind: 'confirmed_fraud', recommendation: { action: 'stop_fulfilment' }, facts: { shipped: false } });
    const answers = await Promise.all([decide(id, { action: 'stop_fulfilment' }), decide(id, { action: 'stop_fulfilment', note: 'second agent' })]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const final = await view(id);
    expect(final.alert!.decision).toMatchObject({ action: 'stop_fulfilment', providerOutcome: 'STOPPED' });
    expect((await historyTexts(orderId)).filter((t) => t.startsWith('Alert E-201:'))).toHaveLength(1);
  });

  it('lets a Verifi alert go: answered, still open to a chargeback, reported as declined', async () => {
    await importCsv([ALERT_HEADER, 'V-201,cdrn,dispute,2026-11-05 09:00,450.00,USD,SHOP-Y,visa,2026-11-08 09:00,']);
    const id = await idOf('V-201');
    const res = await decide(id, { action: 'decline' });
    expect(res.statusCode, res.body).toBe(200);
    const after = DisputeView.parse(res.json());
    expect(after.dispute.status).toBe('responded');
    expect(after.alert!.decision).toMatchObject({ action: 'decline', providerOutcome: 'declined' });
  });

  it('shows that a chargeback followed an alert the team let go, on the same order', async () => {
    const orderId = newOrderId('306');
    await postPanel(app, a.agentToken, orderPage({ orderId }));
    await importCsv([ALERT_HEADER, `E-203,ethoca,CUSTOMERDISPUTE,2026-11-05T08:00:00Z,300.00,EUR,${orderId},visa,,`]);
    const id = await idOf('E-203');
    expect((await decide(id, { action: 'decline' })).statusCode).toBe(200);
    expect((await view(id)).alert!.decision).toMatchObject({ providerOutcome: 'UNRESOLVED_DISPUTE', becameChargeback: false });
    await importCsv([
      `${STRIPE_HEADER},Order ID (metadata)`,
      `dp_FOLLOWS0000001,2026-11-09 10:00,300.00,eur,needs_response,product_not_received,ch_FOLLOWS0000001,2026-11-19 23:59,${orderId}`,
    ]);
    expect((await view(id)).alert!.decision!.becameChargeback).toBe(true);
  });

  it('refuses a decision on a chargeback, a bad action, and another team', async () => {
    await importCsv([STRIPE_HEADER, 'dp_ALERTTEST0001,2026-11-05 10:00,25.00,eur,needs_response,fraudulent,ch_ALERTTEST0001,2026-11-15 23:59']);
    const chargeback = await idOf('dp_ALERTTEST0001');
    const notAlert = await decide(chargeback, { action: 'refund' });
    expect(notAlert.statusCode).toBe(409);
    expect(notAlert.json().error.message).toMatch(/chargeback stage, not an alert/);

    await importCsv([ALERT_HEADER, 'E-202,ethoca,CUSTOMERDISPUTE,2026-11-05T08:00:00Z,10.00,EUR,SHOP-Z,visa,,']);
    const id = await idOf('E-202');
    const bad = await decide(id, { action: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('action');
    expect((await decide(id, { action: 'refund', extra: 1 })).statusCode).toBe(400);
    expect((await decide(id, { action: 'refund' }, b.agentToken)).statusCode).toBe(404);
    expect((await view(id)).alert!.decision).toBeNull();
  });

  it("refuses a receiver's token on the inbox's routes (the backend's disputes page relies on it)", async () => {
    const receiver = await createAgent(app.db, a.teamId, { name: 'Alpha Receiver', role: 'receiver' });
    const { token } = await insertToken(app.db, { teamId: a.teamId, agentId: receiver.id, label: 'test' });
    const id = await idOf('E-202');
    const list = await app.inject({ method: 'GET', url: '/v1/disputes?open=true', headers: auth(token) });
    expect(list.statusCode).toBe(403);
    expect(list.body).not.toContain('E-202');
    const one = await app.inject({ method: 'GET', url: `/v1/disputes/${id}`, headers: auth(token) });
    expect(one.statusCode).toBe(403);
    expect(one.body).not.toContain('E-202');
    expect((await decide(id, { action: 'refund' }, token)).statusCode).toBe(403);
    expect((await view(id)).alert!.decision).toBeNull();
  });

  it('reports alerts prevented, let go and followed by chargebacks, chargebacks by reason, and wins by source', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/reports/disputes?from=2026-11-01&to=2026-11-30', headers: auth(a.leadToken) });
    expect(res.statusCode, res.body).toBe(200);
    const report = DisputeReport.parse(res.json());
    const ethoca = report.alerts.find((r) => r.source === 'ethoca' && r.currency === 'EUR')!;
    // E-200 refunded, E-201 stopped (prevented); E-203 let go and followed by a chargeback; E-202 unanswered.
    expect(ethoca).toEqual({
      source: 'ethoca',
      currency: 'EUR',
      alerts: 4,
      prevented: 2,
      declined: 1,
      undecided: 1,
      becameChargeback: 1,
      preventedMinor: 12999 + 5900,
    });
    expect(report.alerts.find((r) => r.source === 'verifi')).toMatchObject({ alerts: 1, declined: 1, prevented: 0 });
    expect(report.chargebacks.reduce((n, r) => n + r.chargebacks, 0)).toBe(2);
    // No own-shop orders seen in the range: no rate rather than a made-up one.
    expect(report.chargebacks.every((r) => r.rate === null)).toBe(true);
    // Another team's report sees none of it.
    const other = DisputeReport.parse(
      (await app.inject({ method: 'GET', url: '/v1/reports/disputes?from=2026-11-01&to=2026-11-30', headers: auth(b.leadToken) })).json(),
    );
    expect(other.alerts).toEqual([]);
    expect(other.chargebacks).toEqual([]);
  });
});
