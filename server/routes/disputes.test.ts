import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeList, DisputeView } from '../../utils/api-routes/disputes';
import { CaseEventList } from '../../utils/schemas/api';
import { Defence } from '../../utils/schemas/disputes';
import { testDatabases } from '../../tests/server/databases';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { auth, idempotencyKey, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';
import { chargebackPage, postFromPage } from './disputes-test-pages';

describe.each(testDatabases())('disputes API on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;

  beforeAll(async () => {
    ({
      app,
      teams: [a, b],
    } = await openTestApp(target, 'Alpha', 'Beta'));
  });
  afterAll(() => closeTestApp(app, target));

  it('upserts the dispute of a chargeback page once, with reason, deadline and a checklist filled from the history', async () => {
    const orderId = newOrderId('111');
    // The order page was seen before, and an agent left a note on the order.
    await postPanel(app, a.agentToken, orderPage({ orderId, trackingNumber: '1Z999AA10123456784', shippingService: 'UPS Ground' }));
    await app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: auth(a.agentToken),
      payload: { orderId, text: 'Carrier confirms delivery, signed.', idempotencyKey: idempotencyKey() },
    });

    const first = await postFromPage(app, a.agentToken, chargebackPage(orderId));
    expect(first.statusCode).toBe(201);
    const view = DisputeView.parse(first.json());
    expect(view.dispute).toMatchObject({
      kind: 'amazon_chargeback',
      orderId,
      reason: 'not_received',
      reasonCode: '13.1',
      network: 'visa',
      status: 'open',
      amount: { amountMinor: 126648, currency: 'USD' },
    });
    // Amazon chargebacks: 7 calendar days from the notification.
    expect(view.dispute.deadline).toBe('2025-11-12T18:00:00.000Z');
    expect(view.timeLeftMs).toBeLessThan(0);
    const item = (key: string) => view.checklist.find((i) => i.key === key)!;
    expect(item('tracking_number')).toMatchObject({ status: 'present', value: '1Z999AA10123456784 (UPS Ground)' });
    expect(item('shipping_address')).toMatchObject({ status: 'present', source: 'page' });
    expect(item('case_notes')).toMatchObject({ status: 'present', source: 'history' });
    expect(item('case_notes').value).toContain('Carrier confirms delivery');
    expect(item('proof_of_delivery').status).toBe('missing');
    expect(view.missingRequired).toEqual(['Proof of delivery']);
    expect(view.recommendation.reasons.join(' ')).toContain("No past 'not received' disputes");

    const again = await postFromPage(app, a.agentToken, chargebackPage(orderId));
    expect(again.statusCode).toBe(200);
    expect(DisputeView.parse(again.json()).id).toBe(view.id);
    const list = DisputeList.parse((await app.inject({ method: 'GET', url: '/v1/disputes?status=open', headers: auth(a.agentToken) })).json());
    expect(list.disputes.filter((d) => d.orderId === orderId)).toHaveLength(1);
  });

  it('takes the A-to-z deadline from the policy for the stage', async () => {
    const orderId = newOrderId('403');
    const claim = orderPage({
      orderId,
      pageKind: 'claim',
      url: 'https://sellercentral.amazon.fr/gp/guarantee-claims/home.html?claimId=AZTEST0001',
      claim: {
        id: `AZ${orderId.slice(-8)}`,
        amount: { amountMinor: 108990, currency: 'EUR' },
        reason: 'Article non reçu',
        filedAt: '2025-11-02T14:20:00Z',
        stage: "Demande d'informations",
      },
    });
    const view = DisputeView.parse((await postFromPage(app, a.agentToken, claim)).json());
    expect(view.dispute).toMatchObject({ kind: 'amazon_atoz', reason: 'not_received', deadline: '2025-11-04T14:20:00.000Z' });
    expect(view.dispute.reasonCode).toBeUndefined();
  });

  it('refuses pages that are not disputes and pages without an id, naming the field', async () => {
    const order = await postFromPage(app, a.agentToken, orderPage());
    expect(order.statusCode).toBe(400);
    expect(order.json().error.field).toBe('body.context.pageKind');
    const page = chargebackPage(newOrderId('111'));
    const noId = await postFromPage(app, a.agentToken, { ...page, chargeback: { ...page.chargeback, id: undefined } });
    expect(noId.json().error).toMatchObject({ code: 'validation_failed', field: 'body.context.chargeback.id' });
  });

  it('records evidence, writes it into the case history, and refuses bodies that give both or neither', async () => {
    const view = DisputeView.parse((await postFromPage(app, a.agentToken, chargebackPage(newOrderId('111')))).json());
    const put = (key: string, payload: Record<string, unknown>, token = a.agentToken) =>
      app.inject({ method: 'PUT', url: `/v1/disputes/${view.id}/evidence/${key}`, headers: auth(token), payload });
    const res = await put('proof_of_delivery', { value: 'UPS: delivered 7 Nov 2025, front door, signed by E. CARTER' });
    expect(res.statusCode).toBe(200);
    const after = DisputeView.parse(res.json());
    expect(after.checklist.find((i) => i.key === 'proof_of_delivery')).toMatchObject({ status: 'present', source: 'agent' });
    expect(after.missingRequired).not.toContain('Proof of delivery');

    const na = DisputeView.parse((await put('signature_confirmation', { notApplicable: true })).json());
    expect(na.checklist.find((i) => i.key === 'signature_confirmation')!.status).toBe('not_applicable');

    expect((await put('tracking_number', { value: 'x', notApplicable: true })).json().error.field).toBe('body.value');
    expect((await put('tracking_number', {})).statusCode).toBe(400);
    expect((await put('Bad-Key', { value: 'x' })).json().error.field).toBe('params.key');
    expect((await put('team_extra', { value: 'x' })).json().error.field).toBe('body.label');

    const events = CaseEventList.parse(
      (await app.inject({ method: 'GET', url: `/v1/cases/${view.caseId}/events`, headers: auth(a.agentToken) })).json(),
    ).events;
    expect(events.map((e) => e.text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('evidence added, Proof of delivery'),
        expect.stringContaining('Signature on delivery marked as not applicable'),
      ]),
    );
  });

  it('records outcomes, which feed the win rate of later disputes with the same reason', async () => {
    const decide = async (status: string, extra: Record<string, unknown> = {}) => {
      const v = DisputeView.parse((await postFromPage(app, b.agentToken, chargebackPage(newOrderId('111')))).json());
      const res = await app.inject({ method: 'POST', url: `/v1/disputes/${v.id}/status`, headers: auth(b.agentToken), payload: { status, ...extra } });
      expect(res.statusCode).toBe(200);
      return DisputeView.parse(res.json());
    };
    const won = await decide('won', { recovered: { amountMinor: 100000, currency: 'USD' }, note: 'Issuer accepted the POD' });
    expect(won.dispute.status).toBe('won');
    expect(won.dispute.outcome).toMatchObject({ recovered: { amountMinor: 100000, currency: 'USD' }, note: 'Issuer accepted the POD' });
    await decide('won');
    await decide('lost');
    await decide('refunded');

    const fresh = DisputeView.parse((await postFromPage(app, b.agentToken, chargebackPage(newOrderId('111')))).json());
    expect(fresh.winRate).toEqual({ won: 2, lost: 1 });
    expect(fresh.recommendation.reasons).toContain("Won 2 of 3 'not received' disputes (few cases, so the evidence still weighs in)");
    // Team Alpha has its own record.
    const alpha = DisputeView.parse((await postFromPage(app, a.agentToken, chargebackPage(newOrderId('111')))).json());
    expect(alpha.winRate).toEqual({ won: 0, lost: 0 });

    const wrong = await app.inject({
      method: 'POST',
      url: `/v1/disputes/${fresh.id}/status`,
      headers: auth(b.agentToken),
      payload: { status: 'lost', recovered: { amountMinor: 1, currency: 'USD' } },
    });
    expect(wrong.json().error.field).toBe('body.recovered');
    const bad = await app.inject({ method: 'POST', url: `/v1/disputes/${fresh.id}/status`, headers: auth(b.agentToken), payload: { status: 'maybe' } });
    expect(bad.json().error.field).toMatch(/^body\.status/);
  });

  it('shows another team nothing', async () => {
    const view = DisputeView.parse((await postFromPage(app, a.agentToken, chargebackPage(newOrderId('111')))).json());
    const as = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
      app.inject({ method, url, headers: auth(b.agentToken), ...(payload ? { payload } : {}) });
    expect((await as('GET', `/v1/disputes/${view.id}`)).statusCode).toBe(404);
    expect((await as('PUT', `/v1/disputes/${view.id}/evidence/tracking_number`, { value: 'x' })).statusCode).toBe(404);
    expect((await as('POST', `/v1/disputes/${view.id}/status`, { status: 'won' })).statusCode).toBe(404);
    expect((await as('GET', `/v1/disputes/${view.id}/defence.pdf`)).statusCode).toBe(404);
    expect((await as('GET', `/v1/disputes/${view.id}/defence.txt`)).statusCode).toBe(404);
    const list = DisputeList.parse((await as('GET', '/v1/disputes')).json());
    expect(list.disputes.map((d) => d.id)).not.toContain(view.id);
    expect((await app.inject({ method: 'GET', url: `/v1/disputes/${view.id}` })).statusCode).toBe(401);
  });

  it('gives the A-to-z text within the requested length', async () => {
    const view = DisputeView.parse((await postFromPage(app, a.agentToken, chargebackPage(newOrderId('111')))).json());
    const full = await app.inject({ method: 'GET', url: `/v1/disputes/${view.id}/defence.txt`, headers: auth(a.agentToken) });
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toContain('text/plain');
    expect(full.body).toContain('The order was delivered');
    expect(full.body).toContain(view.dispute.id);
    const short = await app.inject({ method: 'GET', url: `/v1/disputes/${view.id}/defence.txt?maxLength=300`, headers: auth(a.agentToken) });
    expect(short.body.length).toBeLessThanOrEqual(300);
    expect(short.headers['x-defence-truncated']).toBe('true');
    const tooShort = await app.inject({ method: 'GET', url: `/v1/disputes/${view.id}/defence.txt?maxLength=5`, headers: auth(a.agentToken) });
    expect(tooShort.json().error.field).toBe('querystring.maxLength');
    // The same defence as data, for the panel: the full sections stay whole, the warnings say what was left out.
    const json = Defence.parse((await app.inject({ method: 'GET', url: `/v1/disputes/${view.id}/defence?maxLength=300`, headers: auth(a.agentToken) })).json());
    expect(json.text).toBe(short.body);
    expect(json.truncated).toBe(true);
    expect(json.sections.map((x) => x.title)).toEqual(['Summary', 'The order was delivered', 'Evidence', 'Timeline']);
    expect(json.warnings.join(' ')).toContain('shortened');
  });
});
