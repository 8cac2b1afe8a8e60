import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseList, PanelData } from '../../utils/schemas/api';
import { findOrder } from '../repositories/orders';
import { testDatabases } from '../../tests/server/databases';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { auth, idempotencyKey, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

describe.each(testDatabases())('POST /v1/panel on $kind', (target) => {
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

  it('opens a case for an order page once, and returns it with its history', async () => {
    const page = orderPage();
    const first = await postPanel(app, a.agentToken, page);
    expect(first.statusCode).toBe(200);
    const data = PanelData.parse(first.json());
    expect(data.case).toMatchObject({
      kind: 'order',
      portal: 'amazon',
      marketplace: 'DE',
      ref: page.orderId,
      orderId: page.orderId,
      status: 'open',
      decision: null,
    });
    expect(data.history.map((e) => e.type)).toEqual(['created']);
    expect(data.agent).toEqual({ id: a.agent.id, name: a.agent.name, role: 'agent' });

    const again = PanelData.parse((await postPanel(app, a.agentToken, page)).json());
    expect(again.case!.id).toBe(data.case!.id);
    expect(again.history).toHaveLength(1);
  });

  it("shows every case of the order in a claim page's history, newest first", async () => {
    const orderId = newOrderId();
    const order = PanelData.parse((await postPanel(app, a.agentToken, orderPage({ orderId }))).json());
    const note = await app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: auth(a.agentToken),
      payload: { orderId, text: 'Called the buyer', idempotencyKey: idempotencyKey() },
    });
    expect(note.statusCode).toBe(201);

    const claimPage = orderPage({
      orderId,
      pageKind: 'claim',
      url: 'https://sellercentral.amazon.de/gp/guarantee-claims/home.html?claimId=AZCLAIM01',
      shipTo: undefined,
      claim: { id: 'AZCLAIM01', reason: 'Item not received' },
    });
    const claim = PanelData.parse((await postPanel(app, a.agentToken, claimPage)).json());
    expect(claim.case).toMatchObject({ kind: 'claim', ref: 'AZCLAIM01', orderId });
    expect(claim.case!.id).not.toBe(order.case!.id);
    expect(claim.history.map((e) => [e.type, e.caseId === claim.case!.id])).toEqual([
      ['created', true],
      ['note', false],
      ['created', false],
    ]);
    // The claim page showed no address: the order keeps the one seen before.
    const stored = await findOrder(app.db, a.teamId, orderId);
    expect(stored?.addressKey).toBeTruthy();

    const cases = CaseList.parse((await app.inject({ method: 'GET', url: `/v1/cases?orderId=${orderId}`, headers: auth(a.agentToken) })).json());
    expect(cases.cases.map((c) => c.kind).sort()).toEqual(['claim', 'order']);
  });

  it("links the buyer's cases across marketplaces through the normalised name", async () => {
    const buyer = `Kowalczyk ${Math.random().toString(36).slice(2, 8)}`;
    const de = PanelData.parse((await postPanel(app, a.agentToken, orderPage({ buyer: { name: `Jana ${buyer}` } }))).json());
    const frOrder = newOrderId('403');
    const fr = PanelData.parse(
      (
        await postPanel(
          app,
          a.agentToken,
          orderPage({
            orderId: frOrder,
            url: `https://sellercentral.amazon.fr/orders-v3/order/${frOrder}`,
            marketplace: { code: 'FR', currency: 'EUR' },
            buyer: { name: `${buyer.toUpperCase()}, Jana` },
          }),
        )
      ).json(),
    );
    expect(fr.buyerCases.map((c) => c.id)).toEqual([de.case!.id]);
    expect(fr.buyerCases[0]!.marketplace).toBe('DE');
  });

  it('records nothing for an order list or a page that is not a work page', async () => {
    for (const pageKind of ['order-list', 'unknown'] as const) {
      const orderId = newOrderId();
      const res = await postPanel(app, a.agentToken, orderPage({ pageKind, orderId, url: 'https://sellercentral.amazon.de/orders-v3' }));
      const data = PanelData.parse(res.json());
      expect(data).toMatchObject({ case: null, history: [], buyerCases: [], fraud: null, sla: null });
      const cases = (await app.inject({ method: 'GET', url: `/v1/cases?orderId=${orderId}`, headers: auth(a.agentToken) })).json();
      expect(cases.cases).toEqual([]);
    }
  });

  it('names the offending field of a bad page context', async () => {
    const bad = await postPanel(app, a.agentToken, { ...orderPage(), orderId: 42 as unknown as string });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'body.context.orderId' });

    const { recognition: _, ...noRecognition } = orderPage();
    const missing = await postPanel(app, a.agentToken, noRecognition as never);
    expect(missing.json().error.field).toBe('body.context.recognition');

    const extra = await app.inject({ method: 'POST', url: '/v1/panel', headers: auth(a.agentToken), payload: { context: orderPage(), admin: true } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('validation_failed');
  });

  it('keeps teams apart: the same order id is two unrelated cases, histories and buyers', async () => {
    const orderId = newOrderId();
    const mine = PanelData.parse((await postPanel(app, a.agentToken, orderPage({ orderId }))).json());
    await app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: auth(a.agentToken),
      payload: { orderId, text: 'Secret of Alpha', idempotencyKey: idempotencyKey() },
    });

    const theirs = PanelData.parse((await postPanel(app, b.agentToken, orderPage({ orderId }))).json());
    expect(theirs.case!.id).not.toBe(mine.case!.id);
    expect(theirs.history.map((e) => e.text)).not.toContain('Secret of Alpha');
    expect(theirs.history).toHaveLength(1);
    // Max Mustermann has many cases in Alpha; none of them shows up for Beta.
    expect(theirs.buyerCases.every((c) => c.id !== mine.case!.id)).toBe(true);
    const lookup = (await app.inject({ method: 'GET', url: `/v1/cases?orderId=${orderId}`, headers: auth(b.agentToken) })).json();
    expect(lookup.cases.map((c: { id: string }) => c.id)).toEqual([theirs.case!.id]);
    const events = await app.inject({ method: 'GET', url: `/v1/cases/${mine.case!.id}/events`, headers: auth(b.agentToken) });
    expect(events.statusCode).toBe(404);
  });
});
