import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelData } from '../../utils/schemas/api';
import { QueueList, TeamSettingsView } from '../../utils/schemas/admin';
import { cases } from '../db/schema';
import { getSettingsDocument } from '../repositories/settings';
import { testDatabases } from '../../tests/server/databases';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { auth, idempotencyKey, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

const HOUR = 3_600_000;

function messagePage(hoursAgo: number, label: string) {
  const threadId = `${label}-${Math.random().toString(36).slice(2)}`;
  return orderPage({
    orderId: newOrderId(),
    pageKind: 'message',
    url: `https://sellercentral.amazon.de/messaging/thread/${threadId}`,
    message: { threadId, receivedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString() },
  });
}

describe.each(testDatabases())('queue and settings on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: unknown) =>
    app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload: payload as object }) });
  const open = async (page: ReturnType<typeof orderPage>) => PanelData.parse((await postPanel(app, a.agentToken, page)).json()).case!;

  beforeAll(async () => {
    ({
      app,
      teams: [a, b],
    } = await openTestApp(target, 'Alpha', 'Beta'));
  });
  afterAll(() => closeTestApp(app, target));

  it('ranks open cases by time left: breached first (most overdue first), then the nearest deadline', async () => {
    const fresh = await open(messagePage(2, 'fresh')); // 22 h left
    const overdue6 = await open(messagePage(30, 'overdue6')); // 6 h overdue
    const warning = await open(messagePage(20, 'warning')); // 4 h left of 24: warning
    const overdue1 = await open(messagePage(25, 'overdue1'));
    const orderId = newOrderId();
    const mfn = await open(
      orderPage({ orderId, fulfilmentChannel: 'Merchant', orderStatus: 'Unshipped', shipBy: new Date(Date.now() + 10 * HOUR).toISOString() }),
    );
    const paused = await open(messagePage(12, 'paused'));
    await call('POST', `/v1/cases/${paused.id}/sla`, a.agentToken, { action: 'pause', idempotencyKey: idempotencyKey() }); // 12 h left, frozen
    const answered = await open(messagePage(29, 'answered'));
    await call('POST', `/v1/cases/${answered.id}/sla`, a.agentToken, { action: 'no_response_needed', idempotencyKey: idempotencyKey() });
    const resolved = await open(messagePage(40, 'resolved'));
    await app.db
      .update(cases)
      .set({ status: 'resolved' })
      .where(and(eq(cases.teamId, a.teamId), eq(cases.id, resolved.id)));
    await open(orderPage({ fulfilmentChannel: 'Amazon' })); // no deadline at all

    const res = await call('GET', '/v1/queue', a.agentToken);
    expect(res.statusCode).toBe(200);
    const queue = QueueList.parse(res.json());
    expect(queue.items.map((i) => i.case.id)).toEqual([overdue6.id, overdue1.id, warning.id, mfn.id, paused.id, fresh.id]);
    // The ship-by clock runs from a purchase weeks ago, so its last 10 h are well inside the warning share.
    expect(queue.items.map((i) => i.state)).toEqual(['breached', 'breached', 'warning', 'warning', 'paused', 'ok']);
    expect(queue.items[0]!.remainingMs).toBe(0);
    expect(queue.items[2]!.remainingMs).toBeGreaterThan(3.9 * HOUR);
    expect(queue.items[2]!.title).toBe(`Buyer message reply · ${warning.ref}`);
    // Amazon orders open on their Seller Central order page; other cases on the page they were seen on.
    expect(queue.items[3]!.url).toBe(`https://sellercentral.amazon.de/orders-v3/order/${orderId}`);
    expect(queue.items[0]!.url).toMatch(/^https:\/\/sellercentral\.amazon\.de\/messaging\/thread\/overdue6-/);

    expect(QueueList.parse((await call('GET', '/v1/queue?limit=2', a.agentToken)).json()).items.map((i) => i.case.id)).toEqual([overdue6.id, overdue1.id]);
    expect((await call('GET', '/v1/queue?limit=0', a.agentToken)).json().error.field).toBe('querystring.limit');
    expect(QueueList.parse((await call('GET', '/v1/queue', b.agentToken)).json()).items).toEqual([]);
  });

  it('reads defaults, lets only leads change settings, and validates each field', async () => {
    expect(TeamSettingsView.parse((await call('GET', '/v1/settings', a.agentToken)).json())).toEqual({
      retentionDays: null,
      defaultLanguage: 'en',
      notifyLeadMinutes: 60,
      warningFraction: 0.25,
    });
    const next = { retentionDays: 90, defaultLanguage: 'de', notifyLeadMinutes: 30, warningFraction: 0.2 };
    expect((await call('PUT', '/v1/settings', a.agentToken, next)).statusCode).toBe(403);
    const saved = await call('PUT', '/v1/settings', a.leadToken, next);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(next);
    expect((await call('GET', '/v1/settings', a.agentToken)).json()).toEqual(next);
    expect((await call('GET', '/v1/settings', b.agentToken)).json().retentionDays).toBeNull();

    const bad = await call('PUT', '/v1/settings', a.leadToken, { ...next, warningFraction: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.warningFraction');
    expect((await call('PUT', '/v1/settings', a.leadToken, { ...next, defaultLanguage: 'xx' })).json().error.field).toBe('body.defaultLanguage');

    // No retention period removes the key (the retention sweep then keeps data), leaving other keys alone.
    await call('PUT', '/v1/fraud/matrix', a.leadToken, { matrix: (await call('GET', '/v1/fraud/matrix', a.leadToken)).json().matrix, expectedVersion: 0 });
    const cleared = await call('PUT', '/v1/settings', a.leadToken, { ...next, retentionDays: null });
    expect(cleared.json().retentionDays).toBeNull();
    const doc = await getSettingsDocument(app.db, a.teamId);
    expect('retentionDays' in doc).toBe(false);
    expect(doc.fraudMatrix).toBeDefined();
  });
});
