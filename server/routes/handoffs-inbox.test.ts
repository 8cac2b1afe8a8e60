import { PgDialect } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HandoffResult, HandoffTeamList, ReceiverHandoff, ReceiverHandoffList, type HandoffTeam } from '../../utils/schemas/handoffs';
import { createAgent } from '../repositories/agents';
import { insertToken } from '../repositories/tokens';
import { testDatabases } from '../../tests/server/databases';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { auth, idempotencyKey, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** The receivers' list with many hand-offs (read in a fixed number of statements), and the bounds of a hand-off's client time. */
describe.each(testDatabases())('the receivers’ hand-off list and hand-off times on $kind', (target) => {
  let app: FastifyInstance;
  let team: TestTeam;
  let teams: HandoffTeam[];
  let receiver: { id: string; token: string };

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
    app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload }) });
  const teamNamed = (name: string) => teams.find((t) => t.name === name)!;
  const handOff = (body: Record<string, unknown>) => call('POST', '/v1/handoffs', team.agentToken, { idempotencyKey: idempotencyKey(), ...body });

  async function handOffNewOrder(teamName: string, buyerName: string) {
    const page = orderPage({ orderId: newOrderId(), buyer: { name: buyerName, email: 'private@example.org' }, trackingNumber: `TRK-${buyerName}` });
    expect((await postPanel(app, team.agentToken, page)).statusCode).toBe(200);
    const res = await handOff({ orderId: page.orderId, handoffTeamId: teamNamed(teamName).id, question: `About ${buyerName}?`, dueAt: inHours(4) });
    expect(res.statusCode, res.body).toBe(201);
    return page.orderId;
  }

  /** The inbox and how many SQL statements answering it built (the auth hook's included: the same for every call). */
  async function inboxWithStatements() {
    const spy = vi.spyOn(PgDialect.prototype, 'sqlToQuery');
    try {
      const res = await call('GET', '/v1/handoffs/inbox', receiver.token);
      expect(res.statusCode, res.body).toBe(200);
      return { list: ReceiverHandoffList.parse(res.json()).handoffs, statements: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  }

  beforeAll(async () => {
    ({
      app,
      teams: [team],
    } = await openTestApp(target, 'Inbox'));
    const agent = await createAgent(app.db, team.teamId, { name: 'Inbox Receiver', role: 'receiver' });
    receiver = { id: agent.id, token: (await insertToken(app.db, { teamId: team.teamId, agentId: agent.id, label: 'test' })).token };
    teams = HandoffTeamList.parse((await call('GET', '/v1/handoff-teams', team.agentToken)).json()).teams;
    // The warehouse may see the buyer's name; logistics sees none of it.
    await call('PATCH', `/v1/handoff-teams/${teamNamed('Warehouse').id}`, team.leadToken, { memberIds: [receiver.id], allowedFields: ['buyerName'] });
    await call('PATCH', `/v1/handoff-teams/${teamNamed('Logistics').id}`, team.leadToken, { memberIds: [receiver.id] });
  }, 120_000);
  afterAll(() => closeTestApp(app, target));

  it('reads the orders of many hand-offs in a fixed number of statements, with the same result as one by one', async () => {
    await handOffNewOrder('Warehouse', 'Ada Few');
    await handOffNewOrder('Logistics', 'Bo Few');
    await inboxWithStatements(); // warm-up: the token's first use
    const few = await inboxWithStatements();
    expect(few.list).toHaveLength(2);
    for (let i = 0; i < 12; i++) await handOffNewOrder(i % 2 ? 'Warehouse' : 'Logistics', `Buyer${i}`);
    // Two hand-offs of one order: its snapshot is read once for both.
    const shared = await handOffNewOrder('Warehouse', 'Cy Shared');
    await handOff({ orderId: shared, handoffTeamId: teamNamed('Logistics').id, question: 'And the carrier?', dueAt: inHours(5) });
    const many = await inboxWithStatements();
    expect(many.list).toHaveLength(16);
    // One by one this grew by 14 statements (one per hand-off); now it does not grow at all.
    expect(many.statements).toBeLessThanOrEqual(few.statements + 1);
    // The same views as the route for a single hand-off, which reads its order alone.
    for (const h of many.list) {
      const one = await call('GET', `/v1/handoffs/inbox/${h.id}`, receiver.token);
      expect(ReceiverHandoff.parse(one.json())).toEqual(h);
    }
    const byTeam = (name: string) => many.list.filter((h) => h.teamName === name);
    expect(byTeam('Warehouse').every((h) => h.order.buyerName !== undefined && h.order.trackingNumber?.startsWith('TRK-'))).toBe(true);
    expect(byTeam('Logistics').every((h) => h.order.buyerName === undefined)).toBe(true);
    expect(many.list.filter((h) => h.order.orderId === shared)).toHaveLength(2);
  });

  it("bounds a hand-off's own time like every client time: refused outside the years 2000 to 2100 with the field named, never later than now", async () => {
    const page = orderPage({ orderId: newOrderId() });
    await postPanel(app, team.agentToken, page);
    const base = { orderId: page.orderId, handoffTeamId: teamNamed('Care').id, question: 'Refund approved?', dueAt: inHours(2) };
    for (const at of ['1999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '2101-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'yesterday']) {
      const res = await handOff({ ...base, at });
      expect(res.statusCode, at).toBe(400);
      expect(res.json().error.field, at).toBe('body.at');
    }
    const future = await handOff({ ...base, at: '2099-06-01T00:00:00Z' });
    expect(future.statusCode).toBe(201);
    expect(Date.parse(HandoffResult.parse(future.json()).handoff.createdAt)).toBeLessThanOrEqual(Date.now());
    const earlier = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const offline = await handOff({ ...base, at: earlier });
    expect(offline.statusCode).toBe(201);
    expect(HandoffResult.parse(offline.json()).handoff.createdAt).toBe(earlier);
  });
});
