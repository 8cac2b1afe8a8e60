import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../app';
import { CaseEventList, CaseList, PanelData, type LiveEvent } from '../../utils/schemas/api';
import {
  HandoffList,
  HandoffReport,
  HandoffResult,
  HandoffTeam,
  HandoffTeamList,
  ReceiverHandoffList,
  ReceiverHandoffResult,
} from '../../utils/schemas/handoffs';
import { createAgent } from '../repositories/agents';
import { insertToken } from '../repositories/tokens';
import { testDatabases } from '../../tests/server/databases';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { auth, createTestTeam, idempotencyKey, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

/** The buyer's personal data on the test page: none of these strings may reach a receiver by default. */
const BUYER = { name: 'Erika Privatperson', email: 'erika.privat@example.org', phone: '+49 30 9876543', street: 'Geheimweg 17', postalCode: '10999' };

function privatePage(orderId = newOrderId()) {
  return orderPage({
    orderId,
    buyer: { name: BUYER.name, email: BUYER.email },
    shipTo: { name: BUYER.name, lines: [BUYER.street], city: 'Berlin', postalCode: BUYER.postalCode, country: 'DE', phone: BUYER.phone },
    trackingNumber: '1Z999AA10123456784',
    shippingService: 'DHL Paket',
  });
}

const PERSONAL_STRINGS = [BUYER.name, BUYER.email, BUYER.phone, BUYER.street, BUYER.postalCode];

describe.each(testDatabases())('hand-offs on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;
  let teamsA: HandoffTeam[];
  let receiverA: { id: string; token: string };
  let receiverB: { id: string; token: string };

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, payload?: unknown) =>
    app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload: payload as object }) });
  const teamNamed = (name: string) => teamsA.find((t) => t.name === name)!;
  const handOff = (token: string, body: Record<string, unknown>) => call('POST', '/v1/handoffs', token, { idempotencyKey: idempotencyKey(), ...body });
  const inbox = async (token: string) => {
    const res = await call('GET', '/v1/handoffs/inbox', token);
    expect(res.statusCode).toBe(200);
    return { raw: res.body, list: ReceiverHandoffList.parse(res.json()).handoffs };
  };
  const eventsOfCase = async (caseId: string) => CaseEventList.parse((await call('GET', `/v1/cases/${caseId}/events`, a.agentToken)).json()).events;

  async function addReceiver(team: TestTeam, label: string) {
    const agent = await createAgent(app.db, team.teamId, { name: `${label} Receiver`, role: 'receiver' });
    const { token } = await insertToken(app.db, { teamId: team.teamId, agentId: agent.id, label: 'test' });
    return { id: agent.id, token };
  }

  beforeAll(async () => {
    ({
      app,
      teams: [a, b],
    } = await openTestApp(target, 'Alpha', 'Beta'));
    receiverA = await addReceiver(a, 'Alpha');
    receiverB = await addReceiver(b, 'Beta');
    teamsA = HandoffTeamList.parse((await call('GET', '/v1/handoff-teams', a.agentToken)).json()).teams;
    // The Alpha receiver answers for the warehouse and for fraud; the Beta one for Beta's warehouse.
    for (const name of ['Warehouse', 'Fraud']) {
      const res = await call('PATCH', `/v1/handoff-teams/${teamNamed(name).id}`, a.leadToken, { memberIds: [receiverA.id] });
      expect(res.statusCode, res.body).toBe(200);
    }
    const teamsB = HandoffTeamList.parse((await call('GET', '/v1/handoff-teams', b.agentToken)).json()).teams;
    await call('PATCH', `/v1/handoff-teams/${teamsB.find((t) => t.name === 'Warehouse')!.id}`, b.leadToken, { memberIds: [receiverB.id] });
    teamsA = HandoffTeamList.parse((await call('GET', '/v1/handoff-teams', a.agentToken)).json()).teams;
  }, 120_000);
  afterAll(() => closeTestApp(app, target));

  it('starts every team with the five default internal teams, and only the lead changes them', async () => {
    expect(teamsA.map((t) => t.name).sort()).toEqual(['Care', 'Finance', 'Fraud', 'Logistics', 'Warehouse']);
    expect(teamNamed('Fraud').kind).toBe('fraud');
    expect(teamsA.every((t) => t.allowedFields.length === 0)).toBe(true);
    expect(teamNamed('Warehouse').memberIds).toEqual([receiverA.id]);
    expect((await call('POST', '/v1/handoff-teams', a.agentToken, { name: 'Returns' })).statusCode).toBe(403);
    const dup = await call('POST', '/v1/handoff-teams', a.leadToken, { name: 'warehouse' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('body.name');
    // Another team's agent is no member: named by its index.
    const foreign = await call('POST', '/v1/handoff-teams', a.leadToken, { name: 'Returns', memberIds: [b.agent.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.field).toBe('body.memberIds.0');
    expect((await call('PATCH', `/v1/handoff-teams/${teamNamed('Care').id}`, b.leadToken, { pausesSla: true })).statusCode).toBe(404);
  });

  it('refuses a receiver on every route that does not serve receivers', async () => {
    const routes = registeredRoutes(app).filter((r: RouteOptions) => (Array.isArray(r.method) ? r.method[0] : r.method) !== 'HEAD');
    const accessOf = (r: RouteOptions) => (r.config as { access?: string } | undefined)?.access ?? 'agent';
    const refused = routes.filter((r) => accessOf(r) === 'agent' || accessOf(r) === 'lead');
    expect(refused.length).toBeGreaterThan(40);
    for (const route of refused) {
      const url = route.url.replace(/:([A-Za-z]+)/g, '00000000-0000-4000-8000-000000000000');
      const method = (Array.isArray(route.method) ? route.method[0] : route.method) as 'GET';
      const res = await app.inject({ method, url, headers: auth(receiverA.token), payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${route.url}`).toBe(403);
    }
    // What a receiver may call: who it is, its inbox.
    expect((await call('GET', '/v1/me', receiverA.token)).statusCode).toBe(200);
    expect((await call('GET', '/v1/handoffs/inbox', receiverA.token)).statusCode).toBe(200);
  });

  it("hands a case to the warehouse; the receiver sees the order without the buyer's personal data, and answers", async () => {
    const page = privatePage();
    const panel = PanelData.parse((await postPanel(app, a.agentToken, page)).json());
    const body = { orderId: page.orderId, handoffTeamId: teamNamed('Warehouse').id, question: 'Was the parcel scanned out on Monday?', dueAt: inHours(4) };
    const key = idempotencyKey();
    const created = await call('POST', '/v1/handoffs', a.agentToken, { ...body, idempotencyKey: key });
    expect(created.statusCode).toBe(201);
    const result = HandoffResult.parse(created.json());
    expect(result.case.id).toBe(panel.case!.id);
    expect(result.handoff).toMatchObject({ teamName: 'Warehouse', status: 'open', requestedBy: a.agent.id, answer: null });
    expect(result.event).toMatchObject({ type: 'handoff', text: 'Handed off to Warehouse: Was the parcel scanned out on Monday?' });
    // The outbox's replay answers the same result and writes nothing more.
    const replay = await call('POST', '/v1/handoffs', a.agentToken, { ...body, idempotencyKey: key });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(created.json());
    const listed = HandoffList.parse((await call('GET', `/v1/handoffs?orderId=${page.orderId}`, a.agentToken)).json()).handoffs;
    expect(listed.map((h) => h.id)).toEqual([result.handoff.id]);

    const { raw, list } = await inbox(receiverA.token);
    const seen = list.find((h) => h.id === result.handoff.id)!;
    expect(seen.order).toMatchObject({
      orderId: page.orderId,
      carrier: 'DHL Paket',
      trackingNumber: '1Z999AA10123456784',
      purchasedAt: '2025-11-02T14:20:00.000Z',
    });
    expect(seen.order.items).toEqual([{ title: 'Kaffeemaschine', sku: 'B000TEST01', quantity: 1 }]);
    for (const personal of PERSONAL_STRINGS) expect(raw).not.toContain(personal);
    const one = await call('GET', `/v1/handoffs/inbox/${seen.id}`, receiverA.token);
    for (const personal of PERSONAL_STRINGS) expect(one.body).not.toContain(personal);

    const answerKey = idempotencyKey();
    const answered = await call('POST', `/v1/handoffs/inbox/${seen.id}/answer`, receiverA.token, {
      answer: 'Yes, scanned 09:12 by DHL.',
      idempotencyKey: answerKey,
    });
    expect(answered.statusCode).toBe(201);
    const answer = ReceiverHandoffResult.parse(answered.json()).handoff;
    expect(answer).toMatchObject({ status: 'answered', answer: 'Yes, scanned 09:12 by DHL.', decision: null });
    for (const personal of PERSONAL_STRINGS) expect(answered.body).not.toContain(personal);
    expect(
      (await call('POST', `/v1/handoffs/inbox/${seen.id}/answer`, receiverA.token, { answer: 'Yes, scanned 09:12 by DHL.', idempotencyKey: answerKey }))
        .statusCode,
    ).toBe(200);
    const again = await call('POST', `/v1/handoffs/inbox/${seen.id}/answer`, receiverA.token, { answer: 'Second answer', idempotencyKey: idempotencyKey() });
    expect(again.statusCode).toBe(409);

    const history = await eventsOfCase(result.case.id);
    expect(history.map((e) => e.type).slice(0, 2)).toEqual(['handoff_answer', 'handoff']);
    expect(history[0]).toMatchObject({ agentName: 'Alpha Receiver', data: { handoffId: seen.id, requestedBy: a.agent.id, minutesToAnswer: 0 } });
    expect(history[0]!.text).toMatch(/^Warehouse answered after 0 min: Yes, scanned 09:12 by DHL\.$/);
    const after = HandoffList.parse((await call('GET', `/v1/handoffs?orderId=${page.orderId}`, a.agentToken)).json()).handoffs[0]!;
    expect(after).toMatchObject({ status: 'answered', answeredByName: 'Alpha Receiver', minutesToAnswer: 0 });
  });

  it('shows a personal field only once the lead allows it for that team', async () => {
    const page = privatePage();
    await postPanel(app, a.agentToken, page);
    const warehouse = teamNamed('Warehouse');
    await handOff(a.agentToken, { orderId: page.orderId, handoffTeamId: warehouse.id, question: 'Who signed for it?', dueAt: inHours(2) });
    expect((await call('PATCH', `/v1/handoff-teams/${warehouse.id}`, a.leadToken, { allowedFields: ['buyerName', 'shipTo'] })).statusCode).toBe(200);
    try {
      const seen = (await inbox(receiverA.token)).list.find((h) => h.order.orderId === page.orderId)!;
      expect(seen.order.buyerName).toBe(BUYER.name);
      expect(seen.order.shipTo).toEqual([BUYER.name, BUYER.street, `${BUYER.postalCode} Berlin`, 'DE']);
      const raw = JSON.stringify(seen);
      expect(raw).not.toContain(BUYER.email);
      expect(raw).not.toContain(BUYER.phone);
    } finally {
      await call('PATCH', `/v1/handoff-teams/${warehouse.id}`, a.leadToken, { allowedFields: [] });
    }
  });

  it("keeps a receiver to its own teams' hand-offs and away from other teams' data", async () => {
    const page = privatePage();
    await postPanel(app, a.agentToken, page);
    const toFinance = HandoffResult.parse(
      (
        await handOff(a.agentToken, { orderId: page.orderId, handoffTeamId: teamNamed('Finance').id, question: 'Was the refund booked?', dueAt: inHours(3) })
      ).json(),
    ).handoff;
    const mine = (await inbox(receiverA.token)).list;
    expect(mine.some((h) => h.id === toFinance.id)).toBe(false);
    expect((await call('GET', `/v1/handoffs/inbox/${toFinance.id}`, receiverA.token)).statusCode).toBe(404);
    expect(
      (await call('POST', `/v1/handoffs/inbox/${toFinance.id}/answer`, receiverA.token, { answer: 'x', idempotencyKey: idempotencyKey() })).statusCode,
    ).toBe(404);
    // Beta's receiver sees none of Alpha's hand-offs, even Alpha's warehouse ones.
    const beta = await inbox(receiverB.token);
    expect(beta.list).toEqual([]);
    expect(
      (await call('POST', `/v1/handoffs/inbox/${toFinance.id}/answer`, receiverB.token, { answer: 'x', idempotencyKey: idempotencyKey() })).statusCode,
    ).toBe(404);
    expect((await call('GET', `/v1/handoffs?orderId=${page.orderId}`, b.agentToken)).json()).toEqual({ handoffs: [] });
  });

  it('refuses bad hand-offs with the field named, and writes nothing', async () => {
    const page = privatePage();
    const panel = PanelData.parse((await postPanel(app, a.agentToken, page)).json());
    const before = (await eventsOfCase(panel.case!.id)).length;
    const base = { orderId: page.orderId, handoffTeamId: teamNamed('Logistics').id, question: 'Where is it?', dueAt: inHours(1) };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, question: '   ' }, 400, 'body.question'],
      [{ ...base, dueAt: new Date(Date.now() - 60_000).toISOString() }, 400, 'body.dueAt'],
      [{ ...base, handoffTeamId: '00000000-0000-4000-8000-000000000000' }, 404, 'body.handoffTeamId'],
      [{ ...base, escalation: { score: 80, indicators: [] } }, 400, 'body.escalation'],
      [{ ...base, caseId: '00000000-0000-4000-8000-000000000000' }, 404, 'body.caseId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await handOff(a.agentToken, body);
      expect(res.statusCode, field).toBe(status);
      expect(res.json().error.field, field).toBe(field);
    }
    const doomed = HandoffTeam.parse((await call('POST', '/v1/handoff-teams', a.leadToken, { name: 'Doomed' })).json());
    expect((await call('DELETE', `/v1/handoff-teams/${doomed.id}`, a.leadToken)).statusCode).toBe(200);
    const deleted = await handOff(a.agentToken, { ...base, handoffTeamId: doomed.id });
    expect(deleted.statusCode).toBe(400);
    expect(deleted.json().error).toMatchObject({ field: 'body.handoffTeamId', message: 'The team "Doomed" was deleted; choose another team.' });
    // Another team's hand-off team does not exist for this team.
    const teamsB = HandoffTeamList.parse((await call('GET', '/v1/handoff-teams', b.agentToken)).json()).teams;
    expect((await handOff(a.agentToken, { ...base, handoffTeamId: teamsB[0]!.id })).statusCode).toBe(404);
    expect((await eventsOfCase(panel.case!.id)).length).toBe(before);
    expect(HandoffList.parse((await call('GET', `/v1/handoffs?orderId=${page.orderId}`, a.agentToken)).json()).handoffs).toEqual([]);
  });

  it("escalates to Fraud with the score; Fraud's decision is the answer and the decision on the order", async () => {
    const page = privatePage();
    await postPanel(app, a.agentToken, page);
    const escalation = {
      score: 72,
      indicators: [
        { indicator: 'forwarder_address', label: 'Ships to a freight forwarder', points: 30, evidence: `Ships to a freight forwarder (${BUYER.street})` },
        { indicator: 'new_buyer_high_value', label: 'New buyer, high value', points: 25, evidence: 'New buyer: €129.99' },
      ],
    };
    const created = HandoffResult.parse(
      (
        await handOff(a.agentToken, { orderId: page.orderId, handoffTeamId: teamNamed('Fraud').id, question: 'Ship or cancel?', dueAt: inHours(1), escalation })
      ).json(),
    );
    expect(created.event.text).toBe('Escalated to Fraud: Ship or cancel?');
    expect(created.handoff.escalationScore).toBe(72);
    const { raw, list } = await inbox(receiverA.token);
    const seen = list.find((h) => h.id === created.handoff.id)!;
    expect(seen.escalation).toEqual({
      score: 72,
      indicators: [
        { indicator: 'forwarder_address', label: 'Ships to a freight forwarder', points: 30 },
        { indicator: 'new_buyer_high_value', label: 'New buyer, high value', points: 25 },
      ],
    });
    expect(raw).not.toContain(BUYER.street);

    const noDecision = await call('POST', `/v1/handoffs/inbox/${seen.id}/answer`, receiverA.token, { answer: 'Looks bad', idempotencyKey: idempotencyKey() });
    expect(noDecision.statusCode).toBe(400);
    expect(noDecision.json().error.field).toBe('body.decision');
    const decided = await call('POST', `/v1/handoffs/inbox/${seen.id}/answer`, receiverA.token, {
      answer: 'Forwarder known for fraud',
      decision: 'hold',
      idempotencyKey: idempotencyKey(),
    });
    expect(decided.statusCode).toBe(201);
    expect(ReceiverHandoffResult.parse(decided.json()).handoff.decision).toBe('hold');
    const cases = CaseList.parse((await call('GET', `/v1/cases?orderId=${page.orderId}`, a.agentToken)).json()).cases;
    expect(cases[0]!.decision).toBe('hold');
    const history = await eventsOfCase(created.case.id);
    expect(history[0]).toMatchObject({ type: 'handoff_answer', decision: 'hold' });
    // A non-fraud team does not decide on orders.
    const plain = HandoffResult.parse(
      (
        await handOff(a.agentToken, { orderId: page.orderId, handoffTeamId: teamNamed('Warehouse').id, question: 'Stop the parcel?', dueAt: inHours(1) })
      ).json(),
    );
    const wrong = await call('POST', `/v1/handoffs/inbox/${plain.handoff.id}/answer`, receiverA.token, {
      answer: 'ok',
      decision: 'fraud',
      idempotencyKey: idempotencyKey(),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('body.decision');
  });

  it("pauses the case's clock only when the team's policy allows it, and never a marketplace deadline", async () => {
    const t = await createTestTeam(app.db, 'Clock');
    const receiver = await addReceiver(t, 'Clock');
    const teams = HandoffTeamList.parse((await call('GET', '/v1/handoff-teams', t.agentToken)).json()).teams;
    const care = teams.find((x) => x.name === 'Care')!;
    await call('PATCH', `/v1/handoff-teams/${care.id}`, t.leadToken, { pausesSla: true, memberIds: [receiver.id] });
    // A buyer message: a calendar clock that may pause.
    const threadId = `thread-${Math.random().toString(36).slice(2)}`;
    const message = orderPage({
      pageKind: 'message',
      url: `https://sellercentral.amazon.de/messaging/thread/${threadId}`,
      message: { threadId, receivedAt: new Date(Date.now() - HOUR).toISOString() },
    });
    const loaded = PanelData.parse((await postPanel(app, t.agentToken, message)).json());
    expect(loaded.sla).toMatchObject({ paused: false });
    const created = HandoffResult.parse(
      (
        await handOff(t.agentToken, {
          orderId: message.orderId,
          caseId: loaded.case!.id,
          handoffTeamId: care.id,
          question: 'Goodwill voucher?',
          dueAt: inHours(2),
        })
      ).json(),
    );
    expect(created.handoff.slaPaused).toBe(true);
    expect(PanelData.parse((await postPanel(app, t.agentToken, message)).json()).sla).toMatchObject({ paused: true });
    await call('POST', `/v1/handoffs/inbox/${created.handoff.id}/answer`, receiver.token, { answer: 'Yes, 10 EUR', idempotencyKey: idempotencyKey() });
    expect(PanelData.parse((await postPanel(app, t.agentToken, message)).json()).sla).toMatchObject({ paused: false });
    // A ship-by deadline belongs to the marketplace: the hand-off is made, the clock runs on.
    const shipBy = inHours(10);
    const order = PanelData.parse((await postPanel(app, t.agentToken, orderPage({ fulfilmentChannel: 'Merchant', orderStatus: 'Unshipped', shipBy }))).json());
    const onOrder = HandoffResult.parse(
      (await handOff(t.agentToken, { orderId: order.case!.orderId, handoffTeamId: care.id, question: 'Can we ship today?', dueAt: inHours(1) })).json(),
    );
    expect(onOrder.handoff.slaPaused).toBe(false);
  });

  it('delivers the answer live to the team that handed off', async () => {
    const page = privatePage();
    await postPanel(app, a.agentToken, page);
    const created = HandoffResult.parse(
      (await handOff(a.agentToken, { orderId: page.orderId, handoffTeamId: teamNamed('Warehouse').id, question: 'Live?', dueAt: inHours(1) })).json(),
    );
    const seen: LiveEvent[] = [];
    const unsubscribe = app.live.subscribe(a.teamId, (e) => seen.push(e));
    try {
      await call('POST', `/v1/handoffs/inbox/${created.handoff.id}/answer`, receiverA.token, { answer: 'Live answer', idempotencyKey: idempotencyKey() });
      const deadline = Date.now() + 5000;
      while (!seen.some((e) => e.event.type === 'handoff_answer') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(seen.find((e) => e.event.type === 'handoff_answer')).toMatchObject({ orderId: page.orderId, event: { data: { requestedBy: a.agent.id } } });
    } finally {
      unsubscribe();
    }
  });

  it('reports hand-offs by team: how many, time to answer, overdue', async () => {
    const from = new Date(Date.now() - HOUR).toISOString();
    const to = new Date(Date.now() + HOUR).toISOString();
    const res = await call('GET', `/v1/reports/handoffs?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, a.leadToken);
    expect(res.statusCode).toBe(200);
    const rows = HandoffReport.parse(res.json()).rows;
    const warehouse = rows.find((r) => r.team === 'Warehouse')!;
    expect(warehouse.count).toBeGreaterThanOrEqual(3);
    expect(warehouse.answered).toBeGreaterThanOrEqual(2);
    expect(warehouse.medianMinutes).toBe(0);
    expect(warehouse.overdue).toBe(0);
    expect(rows.find((r) => r.team === 'Fraud')).toMatchObject({ count: 1, answered: 1 });
    expect((await call('GET', `/v1/reports/handoffs?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`, a.leadToken)).json().error.field).toBe(
      'query.to',
    );
    expect((await call('GET', `/v1/reports/handoffs?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, b.leadToken)).json()).toEqual({ rows: [] });
  });
});
