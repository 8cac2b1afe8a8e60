import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEventList, CaseList, DecisionResult, NoteResult, PanelData } from '../../utils/schemas/api';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/open';
import { decisions } from '../db/schema';
import { testDatabases } from '../../tests/server/databases';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { auth, idempotencyKey, newOrderId, postPanel, orderPage, type TestTeam } from '../../tests/server/harness';

/** The decisions stored for an order, newest first, read straight from the table. */
async function decisionsOfOrder(db: Database, teamId: string, orderId: string) {
  return db
    .select({ decision: decisions.kind })
    .from(decisions)
    .where(and(eq(decisions.teamId, teamId), eq(decisions.orderId, orderId)))
    .orderBy(desc(decisions.createdAt), desc(decisions.id));
}

describe.each(testDatabases())('notes and decisions on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;

  const note = (token: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/v1/notes', headers: { ...auth(token), ...headers }, payload });
  const decide = (token: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/v1/decisions', headers: auth(token), payload });
  const eventsOf = async (token: string, caseId: string) =>
    CaseEventList.parse((await app.inject({ method: 'GET', url: `/v1/cases/${caseId}/events`, headers: auth(token) })).json()).events;

  beforeAll(async () => {
    ({
      app,
      teams: [a, b],
    } = await openTestApp(target, 'Alpha', 'Beta'));
  });
  afterAll(() => closeTestApp(app, target));

  it("creates the order's case for a note on an order never opened, then appends to it", async () => {
    const orderId = newOrderId();
    const first = await note(a.agentToken, { orderId, text: 'First contact', idempotencyKey: idempotencyKey(), at: '2025-11-02T10:00:00Z' });
    expect(first.statusCode).toBe(201);
    const result = NoteResult.parse(first.json());
    expect(result.case).toMatchObject({ kind: 'order', portal: 'amazon', ref: orderId, orderId });
    expect(result.event).toMatchObject({
      type: 'note',
      text: 'First contact',
      agentId: a.agent.id,
      agentName: a.agent.name,
      createdAt: '2025-11-02T10:00:00.000Z',
    });

    const second = NoteResult.parse((await note(a.agentToken, { orderId, text: 'Second', idempotencyKey: idempotencyKey() })).json());
    expect(second.case.id).toBe(result.case.id);
    expect((await eventsOf(a.agentToken, result.case.id)).map((e) => e.type)).toEqual(['note', 'note', 'created']);
  });

  it('answers a replayed note with the original result and writes nothing', async () => {
    const orderId = newOrderId();
    const payload = { orderId, text: 'Only once', idempotencyKey: idempotencyKey() };
    const original = await note(a.agentToken, payload, { 'idempotency-key': payload.idempotencyKey });
    const replay = await note(a.agentToken, payload, { 'idempotency-key': payload.idempotencyKey });
    expect(original.statusCode).toBe(201);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().event).toEqual(original.json().event);
    expect(replay.json().case.id).toBe(original.json().case.id);
    expect((await eventsOf(a.agentToken, original.json().case.id)).filter((e) => e.type === 'note')).toHaveLength(1);
  });

  it('counts concurrent replays once', async () => {
    const orderId = newOrderId();
    const payload = { orderId, text: 'Sent from three tabs', idempotencyKey: idempotencyKey() };
    const responses = await Promise.all(Array.from({ length: 6 }, () => note(a.agentToken, payload)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.json().event.id)).size).toBe(1);
    const caseId = responses[0]!.json().case.id;
    expect((await eventsOf(a.agentToken, caseId)).map((e) => e.type)).toEqual(['note', 'created']);

    const decisionPayload = { orderId, decision: 'hold', reason: 'Racing', idempotencyKey: idempotencyKey() };
    const decisions = await Promise.all(Array.from({ length: 5 }, () => decide(a.agentToken, decisionPayload)));
    expect(decisions.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(new Set(decisions.map((r) => r.json().decision.id)).size).toBe(1);
    expect(await decisionsOfOrder(app.db, a.teamId, orderId)).toHaveLength(1);
  });

  it('refuses a key reused for a different write, and a header that disagrees with the body', async () => {
    const key = idempotencyKey();
    await note(a.agentToken, { orderId: newOrderId(), text: 'x', idempotencyKey: key });
    const otherOrder = await note(a.agentToken, { orderId: newOrderId(), text: 'x', idempotencyKey: key });
    expect(otherOrder.statusCode).toBe(409);
    expect(otherOrder.json().error).toMatchObject({ code: 'conflict', field: 'body.idempotencyKey' });
    const asDecision = await decide(a.agentToken, { orderId: newOrderId(), decision: 'release', idempotencyKey: key });
    expect(asDecision.statusCode).toBe(409);

    const mismatch = await note(a.agentToken, { orderId: newOrderId(), text: 'x', idempotencyKey: idempotencyKey() }, { 'idempotency-key': 'another-key-123' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.field).toBe('headers.idempotency-key');
  });

  it.each([
    [{ text: 'x', idempotencyKey: 'abcdefgh1' }, 'body.orderId'],
    [{ orderId: '302-1', text: '   ', idempotencyKey: 'abcdefgh1' }, 'body.text'],
    [{ orderId: '302-1', text: 'x', idempotencyKey: 'short' }, 'body.idempotencyKey'],
    [{ orderId: '302-1', text: 'x', idempotencyKey: 'abcdefgh1', at: 'yesterday' }, 'body.at'],
  ])('rejects note %j naming %s', async (payload, field) => {
    const res = await note(a.agentToken, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field });
  });

  it('records decisions as history: every decision stays, the case shows the latest', async () => {
    const orderId = newOrderId();
    await postPanel(app, a.agentToken, orderPage({ orderId }));
    const hold = await decide(a.agentToken, { orderId, decision: 'hold', reason: 'Address changed', idempotencyKey: idempotencyKey(), score: 71 });
    expect(hold.statusCode).toBe(201);
    const held = DecisionResult.parse(hold.json());
    expect(held.decision).toMatchObject({ decision: 'hold', reason: 'Address changed', score: 71, agentId: a.agent.id, orderId });
    expect(held.event).toMatchObject({ type: 'decision', decision: 'hold', text: 'Held: Address changed' });
    expect(held.case.decision).toBe('hold');

    const release = DecisionResult.parse((await decide(a.leadToken, { orderId, decision: 'release', idempotencyKey: idempotencyKey() })).json());
    expect(release.case.decision).toBe('release');
    expect((await decisionsOfOrder(app.db, a.teamId, orderId)).map((d) => d.decision)).toEqual(['release', 'hold']);

    const panel = PanelData.parse((await postPanel(app, a.agentToken, orderPage({ orderId }))).json());
    expect(panel.case!.decision).toBe('release');
    expect(panel.history.filter((e) => e.type === 'decision').map((e) => e.decision)).toEqual(['release', 'hold']);
  });

  it('answers a replayed decision with the original decision and adds none', async () => {
    const orderId = newOrderId();
    const payload = { orderId, decision: 'fraud', reason: 'Chargeback 10.4', idempotencyKey: idempotencyKey() };
    const original = DecisionResult.parse((await decide(a.agentToken, payload)).json());
    const replay = await decide(a.agentToken, payload);
    expect(replay.statusCode).toBe(200);
    expect(DecisionResult.parse(replay.json()).decision).toEqual(original.decision);
    expect(replay.json().event).toEqual(original.event);
    expect(await decisionsOfOrder(app.db, a.teamId, orderId)).toHaveLength(1);
  });

  it('keeps idempotency keys and writes per team', async () => {
    const orderId = newOrderId();
    const key = idempotencyKey();
    const mine = NoteResult.parse((await note(a.agentToken, { orderId, text: 'Alpha note', idempotencyKey: key })).json());
    const theirs = await note(b.agentToken, { orderId, text: 'Beta note', idempotencyKey: key });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().case.id).not.toBe(mine.case.id);
    expect(theirs.json().event.text).toBe('Beta note');

    const cases = CaseList.parse((await app.inject({ method: 'GET', url: `/v1/cases?orderId=${orderId}`, headers: auth(b.agentToken) })).json());
    expect(cases.cases.map((c) => c.id)).toEqual([theirs.json().case.id]);
    expect((await app.inject({ method: 'GET', url: `/v1/cases/${mine.case.id}/events`, headers: auth(b.agentToken) })).statusCode).toBe(404);

    await decide(b.agentToken, { orderId, decision: 'fraud', idempotencyKey: idempotencyKey() });
    const alphaView = CaseList.parse((await app.inject({ method: 'GET', url: `/v1/cases?orderId=${orderId}`, headers: auth(a.agentToken) })).json());
    expect(alphaView.cases[0]!.decision).toBeNull();
  });
});
