import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseList, CaseStatusResult, PanelData } from '../../utils/schemas/api';
import { QueueList } from '../../utils/schemas/admin';
import { buildApp } from '../app';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, idempotencyKey, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

describe.each(testDatabases())('case status on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
    a = await createTestTeam(app.db, 'Alpha');
    b = await createTestTeam(app.db, 'Beta');
  });
  afterAll(async () => {
    await app?.close();
  });

  const messageCase = async () => {
    const orderId = newOrderId();
    const page = orderPage({ orderId, pageKind: 'message', message: { threadId: `t-${orderId}`, receivedAt: new Date(Date.now() - 3_600_000).toISOString() } });
    return PanelData.parse((await postPanel(app, a.agentToken, page)).json()).case!;
  };
  const setStatus = (token: string, caseId: string, body: object) =>
    app.inject({ method: 'POST', url: `/v1/cases/${caseId}/status`, headers: auth(token), payload: body });

  it('resolves a case: a status event in the history, the case out of the queue, a replay counted once', async () => {
    const c = await messageCase();
    const queued = QueueList.parse((await app.inject({ method: 'GET', url: '/v1/queue', headers: auth(a.agentToken) })).json());
    expect(queued.items.some((i) => i.case.id === c.id)).toBe(true);

    const key = idempotencyKey();
    const first = await setStatus(a.agentToken, c.id, { status: 'resolved', idempotencyKey: key });
    expect(first.statusCode).toBe(201);
    const result = CaseStatusResult.parse(first.json());
    expect(result.case.status).toBe('resolved');
    expect(result.event).toMatchObject({ type: 'status', text: 'Case resolved', data: { status: 'resolved', from: 'open' } });

    const replay = await setStatus(a.agentToken, c.id, { status: 'resolved', idempotencyKey: key });
    expect(replay.statusCode).toBe(200);
    expect(CaseStatusResult.parse(replay.json()).event.id).toBe(result.event.id);
    expect((await setStatus(a.agentToken, c.id, { status: 'closed', idempotencyKey: key })).statusCode).toBe(409);

    const after = QueueList.parse((await app.inject({ method: 'GET', url: '/v1/queue', headers: auth(a.agentToken) })).json());
    expect(after.items.some((i) => i.case.id === c.id)).toBe(false);
    const listed = CaseList.parse((await app.inject({ method: 'GET', url: `/v1/cases?orderId=${c.orderId}`, headers: auth(a.agentToken) })).json());
    expect(listed.cases.find((x) => x.id === c.id)?.status).toBe('resolved');
  });

  it("refuses an unknown status naming the field, and another team's case as not found", async () => {
    const c = await messageCase();
    const bad = await setStatus(a.agentToken, c.id, { status: 'done', idempotencyKey: idempotencyKey() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/status/);
    expect((await setStatus(b.agentToken, c.id, { status: 'resolved', idempotencyKey: idempotencyKey() })).statusCode).toBe(404);
  });
});
