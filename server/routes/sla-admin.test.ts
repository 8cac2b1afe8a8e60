import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../utils/sla/policies';
import { CaseEventList, PanelData } from '../../utils/schemas/api';
import { SlaActionResult, SlaPoliciesSaved, SlaPoliciesView } from '../../utils/schemas/admin';
import type { SlaPolicySet } from '../../utils/schemas/sla';
import { testDatabases } from '../../tests/server/databases';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { auth, createTestTeam, idempotencyKey, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

const HOUR = 3_600_000;

/** An Amazon buyer message received `hoursAgo`: a 24 h calendar clock under the default policies. */
function messagePage(receivedAt: Date, threadId = `thread-${Math.random().toString(36).slice(2)}`) {
  const orderId = newOrderId();
  return orderPage({
    orderId,
    pageKind: 'message',
    url: `https://sellercentral.amazon.de/messaging/thread/${threadId}`,
    message: { threadId, receivedAt: receivedAt.toISOString() },
  });
}

const withMessageWindow = (hours: number): SlaPolicySet => ({
  ...DEFAULT_POLICIES,
  policies: {
    ...DEFAULT_POLICIES.policies,
    amazon_buyer_message: { ...DEFAULT_POLICIES.policies.amazon_buyer_message!, duration: { amount: hours, unit: 'hours' } },
  },
});

describe.each(testDatabases())('SLA policies and case clocks on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: unknown) =>
    app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload: payload as object }) });
  const panel = async (token: string, page: ReturnType<typeof messagePage>) => PanelData.parse((await postPanel(app, token, page)).json());
  const put = (token: string, policies: unknown, expectedVersion: number, applyToOpenCases = false) =>
    call('PUT', '/v1/sla/policies', token, { policies, expectedVersion, applyToOpenCases });

  beforeAll(async () => {
    ({
      app,
      teams: [a, b],
    } = await openTestApp(target, 'Alpha', 'Beta'));
  });
  afterAll(() => closeTestApp(app, target));

  it('keeps open cases on the policy they started under unless the lead applies the change to them', async () => {
    expect(SlaPoliciesView.parse((await call('GET', '/v1/sla/policies', a.agentToken)).json())).toEqual({
      policies: DEFAULT_POLICIES,
      version: 1,
      updatedAt: null,
      updatedBy: null,
    });
    const received = new Date(Date.now() - 2 * HOUR);
    const older = messagePage(received);
    const first = await panel(a.agentToken, older);
    expect(first.sla).toMatchObject({ caseKind: 'amazon_buyer_message', policyVersion: 1, deadline: new Date(received.getTime() + 24 * HOUR).toISOString() });

    expect((await put(a.agentToken, withMessageWindow(12), 1)).statusCode).toBe(403);
    const saved = await put(a.leadToken, withMessageWindow(12), 1);
    expect(saved.statusCode).toBe(200);
    expect(SlaPoliciesSaved.parse(saved.json())).toMatchObject({ version: 2, recomputedCases: 0, updatedBy: a.lead.name, policies: { version: 2 } });
    expect((await panel(a.agentToken, older)).sla).toMatchObject({ policyVersion: 1, deadline: new Date(received.getTime() + 24 * HOUR).toISOString() });
    const newer = messagePage(received);
    expect((await panel(a.agentToken, newer)).sla).toMatchObject({ policyVersion: 2, deadline: new Date(received.getTime() + 12 * HOUR).toISOString() });

    const applied = SlaPoliciesSaved.parse((await put(a.leadToken, withMessageWindow(6), 2, true)).json());
    expect(applied).toMatchObject({ version: 3, recomputedCases: 2 });
    for (const page of [older, newer]) {
      expect((await panel(a.agentToken, page)).sla).toMatchObject({ policyVersion: 3, deadline: new Date(received.getTime() + 6 * HOUR).toISOString() });
    }
    // Another team is untouched by all of this.
    expect(SlaPoliciesView.parse((await call('GET', '/v1/sla/policies', b.leadToken)).json()).version).toBe(1);
    expect((await panel(b.agentToken, messagePage(received))).sla).toMatchObject({ policyVersion: 1 });
  });

  it('refuses a stale save with the current version and an invalid set naming the problem', async () => {
    const current = SlaPoliciesView.parse((await call('GET', '/v1/sla/policies', a.leadToken)).json());
    const stale = await put(a.leadToken, withMessageWindow(48), current.version - 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { current: { version: current.version } } });
    const badZone = { ...DEFAULT_POLICIES, calendar: { ...DEFAULT_POLICIES.calendar, timeZone: 'Mars/Olympus' } };
    const invalid = await put(a.leadToken, badZone, current.version);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatchObject({ code: 'invalid_policies', details: { errors: [{ path: 'calendar.timeZone' }] } });
    expect(invalid.json().error.message).toContain('Mars/Olympus');
    expect((await put(a.leadToken, 42, current.version)).json().error.code).toBe('invalid_policies');
    expect((await call('PUT', '/v1/sla/policies', a.leadToken, { policies: DEFAULT_POLICIES, expectedVersion: current.version })).json().error.field).toBe(
      'body.applyToOpenCases',
    );
    expect(SlaPoliciesView.parse((await call('GET', '/v1/sla/policies', a.leadToken)).json())).toEqual(current);
  });

  it('extends the deadline by the time a case was paused, and records each step in the history', async () => {
    const t = await createTestTeam(app.db, 'Pauses');
    const received = new Date(Date.now() - 5 * HOUR);
    const page = messagePage(received);
    const loaded = await panel(t.agentToken, page);
    const caseId = loaded.case!.id;
    const pausedAt = new Date(received.getTime() + HOUR);
    const action = (payload: Record<string, unknown>, token = t.agentToken) => call('POST', `/v1/cases/${caseId}/sla`, token, payload);

    const pause = { action: 'pause', reason: 'buyer', idempotencyKey: idempotencyKey(), at: pausedAt.toISOString() };
    const paused = await action(pause);
    expect(paused.statusCode).toBe(201);
    const pausedResult = SlaActionResult.parse(paused.json());
    expect(pausedResult.event).toMatchObject({ type: 'sla', text: 'SLA clock paused (waiting for the buyer)', data: { action: 'pause', reason: 'buyer' } });
    expect(pausedResult.sla).toMatchObject({ paused: true, remainingAtPauseMs: 23 * HOUR });
    expect((await panel(t.agentToken, page)).sla).toMatchObject({ paused: true });
    const replay = await action(pause);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().event.id).toBe(pausedResult.event.id);
    expect((await action({ action: 'pause', idempotencyKey: idempotencyKey() })).statusCode).toBe(409);

    const resumedAt = new Date(pausedAt.getTime() + 3 * HOUR);
    const resumed = SlaActionResult.parse((await action({ action: 'resume', idempotencyKey: idempotencyKey(), at: resumedAt.toISOString() })).json());
    const extended = new Date(received.getTime() + 27 * HOUR).toISOString();
    expect(resumed.sla).toMatchObject({ paused: false, deadline: extended });
    expect((await panel(t.agentToken, page)).sla).toMatchObject({ paused: false, deadline: extended });
    expect((await action({ action: 'resume', idempotencyKey: idempotencyKey() })).statusCode).toBe(409);

    // Another team cannot touch the case; a bad action names the field.
    expect((await action({ action: 'pause', idempotencyKey: idempotencyKey() }, b.agentToken)).statusCode).toBe(404);
    expect((await action({ action: 'snooze', idempotencyKey: idempotencyKey() })).json().error.field).toBe('body.action');

    const done = SlaActionResult.parse((await action({ action: 'no_response_needed', idempotencyKey: idempotencyKey() })).json());
    expect(done.sla).toBeNull();
    expect((await panel(t.agentToken, page)).sla).toBeNull();
    const history = CaseEventList.parse((await call('GET', `/v1/cases/${caseId}/events`, t.agentToken)).json()).events;
    expect(history.filter((e) => e.type === 'sla').map((e) => e.data.action)).toEqual(['no_response_needed', 'resume', 'pause']);
  });

  it('refuses to pause a ship-by deadline or a case without a clock', async () => {
    const t = await createTestTeam(app.db, 'ShipBy');
    const shipBy = new Date(Date.now() + 10 * HOUR).toISOString();
    const order = PanelData.parse((await postPanel(app, t.agentToken, orderPage({ fulfilmentChannel: 'Merchant', orderStatus: 'Unshipped', shipBy }))).json());
    expect(order.sla).toMatchObject({ caseKind: 'amazon_mfn_shipment', deadline: shipBy });
    const res = await call('POST', `/v1/cases/${order.case!.id}/sla`, t.agentToken, { action: 'pause', idempotencyKey: idempotencyKey() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('ship-by');
    const noClock = PanelData.parse((await postPanel(app, t.agentToken, orderPage({ fulfilmentChannel: 'Amazon' }))).json());
    expect((await call('POST', `/v1/cases/${noClock.case!.id}/sla`, t.agentToken, { action: 'pause', idempotencyKey: idempotencyKey() })).statusCode).toBe(409);
  });
});
