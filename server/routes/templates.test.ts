import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEventList } from '../../utils/schemas/api';
import { TemplateInsertionResult, TemplateList, TemplateSaved, TemplateUsageReport, TemplateVersionList } from '../../utils/schemas/admin';
import { buildApp } from '../app';
import { createAgent } from '../repositories/agents';
import { insertToken } from '../repositories/tokens';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, idempotencyKey, newOrderId, type TestTeam } from '../../tests/server/harness';

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: 'Where is my parcel',
  body: 'Hallo {{buyer.firstName | "there"}}, your parcel {{tracking.number}} is on its way.',
  language: 'de',
  marketplaces: ['DE'],
  pageKinds: ['message'],
  scope: 'team',
  ...overrides,
});

describe.each(testDatabases())('template library on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;
  let secondLeadToken: string;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...auth(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const create = async (token: string, overrides: Record<string, unknown> = {}) => {
    const res = await call('POST', '/v1/templates', token, draft(overrides));
    expect(res.statusCode, res.body).toBe(201);
    return TemplateSaved.parse(res.json()).template;
  };
  const list = async (token: string, query = '') => TemplateList.parse((await call('GET', `/v1/templates${query}`, token)).json()).templates;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
    a = await createTestTeam(app.db, 'Alpha');
    b = await createTestTeam(app.db, 'Beta');
    const lead2 = await createAgent(app.db, a.teamId, { name: 'Second Lead', role: 'lead' });
    secondLeadToken = (await insertToken(app.db, { teamId: a.teamId, agentId: lead2.id, label: 'test' })).token;
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  it('creates a team template for a lead, with Amazon lint warnings that do not block saving', async () => {
    const res = await call('POST', '/v1/templates', a.leadToken, draft({ body: 'Please leave a positive review at https://example.com' }));
    expect(res.statusCode).toBe(201);
    const saved = TemplateSaved.parse(res.json());
    expect(saved.template).toMatchObject({ scope: 'team', version: 1, ownerId: a.lead.id, archived: false, marketplaces: ['DE'] });
    expect(saved.warnings.map((w) => w.rule)).toEqual(expect.arrayContaining(['marketing', 'external-link']));
    // A Zalando-only template is not held to Amazon's messaging rules.
    const zalando = TemplateSaved.parse(
      (await call('POST', '/v1/templates', a.leadToken, draft({ marketplaces: ['ZALANDO-DE'], body: 'Visit https://example.com' }))).json(),
    );
    expect(zalando.warnings).toEqual([]);
  });

  it('refuses team templates from agents, and names the offending field of a bad body', async () => {
    const res = await call('POST', '/v1/templates', a.agentToken, draft());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    const bad = await call('POST', '/v1/templates', a.leadToken, draft({ title: '  ' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'body.title' });
    const badLanguage = await call('POST', '/v1/templates', a.leadToken, draft({ language: 'xx' }));
    expect(badLanguage.json().error.field).toBe('body.language');
  });

  it("keeps personal templates to their owner and another team's templates to that team", async () => {
    const mine = await create(a.agentToken, { scope: 'personal', title: 'Agent private' });
    expect((await list(a.agentToken)).map((t) => t.id)).toContain(mine.id);
    expect((await list(a.leadToken)).map((t) => t.id)).not.toContain(mine.id);
    expect(await list(b.leadToken)).toEqual([]);
    // Someone else's template reads as missing, for every route.
    for (const [method, url, payload] of [
      ['PUT', `/v1/templates/${mine.id}`, { ...draft({ scope: 'personal' }), expectedVersion: 1 }],
      ['GET', `/v1/templates/${mine.id}/versions`, undefined],
      ['POST', `/v1/templates/${mine.id}/archive`, undefined],
    ] as const) {
      expect((await call(method, url, a.leadToken, payload)).statusCode).toBe(404);
      expect((await call(method, url, b.agentToken, payload)).statusCode).toBe(404);
    }
    const team = await create(a.leadToken, { title: 'Team only' });
    expect((await call('GET', `/v1/templates/${team.id}/versions`, b.leadToken)).statusCode).toBe(404);
    expect((await call('PUT', `/v1/templates/${team.id}`, b.leadToken, { ...draft(), expectedVersion: 1 })).statusCode).toBe(404);
  });

  it('keeps every earlier version, newest first, with who wrote it', async () => {
    const t = await create(a.leadToken, { title: 'Refund sent', body: 'v1 text' });
    const v2 = await call('PUT', `/v1/templates/${t.id}`, secondLeadToken, { ...draft({ title: 'Refund sent', body: 'v2 text' }), expectedVersion: 1 });
    expect(v2.statusCode).toBe(200);
    expect(TemplateSaved.parse(v2.json()).template).toMatchObject({ version: 2, body: 'v2 text' });
    await call('PUT', `/v1/templates/${t.id}`, a.leadToken, { ...draft({ title: 'Refund issued', body: 'v3 text' }), expectedVersion: 2 });
    const versions = TemplateVersionList.parse((await call('GET', `/v1/templates/${t.id}/versions`, a.agentToken)).json()).versions;
    expect(versions.map((v) => [v.version, v.title, v.body, v.updatedBy])).toEqual([
      [3, 'Refund issued', 'v3 text', a.lead.name],
      [2, 'Refund sent', 'v2 text', 'Second Lead'],
      [1, 'Refund sent', 'v1 text', a.lead.name],
    ]);
  });

  it('answers the second of two conflicting edits with 409 and the current version, overwriting nothing', async () => {
    const t = await create(a.leadToken, { title: 'Delay', body: 'original' });
    const first = await call('PUT', `/v1/templates/${t.id}`, a.leadToken, { ...draft({ title: 'Delay', body: 'first lead' }), expectedVersion: 1 });
    expect(first.statusCode).toBe(200);
    const second = await call('PUT', `/v1/templates/${t.id}`, secondLeadToken, { ...draft({ title: 'Delay', body: 'second lead' }), expectedVersion: 1 });
    expect(second.statusCode).toBe(409);
    const error = second.json().error;
    expect(error.code).toBe('version_conflict');
    expect(error.details.current).toMatchObject({ id: t.id, version: 2, body: 'first lead' });
    const stored = (await list(a.leadToken)).find((x) => x.id === t.id);
    expect(stored).toMatchObject({ version: 2, body: 'first lead' });
    const versions = TemplateVersionList.parse((await call('GET', `/v1/templates/${t.id}/versions`, a.leadToken)).json()).versions;
    expect(versions.map((v) => v.body)).toEqual(['first lead', 'original']);
  });

  it('lets agents edit only their own personal templates, and archive them; team templates stay with leads', async () => {
    const team = await create(a.leadToken, { title: 'Team greeting' });
    expect((await call('PUT', `/v1/templates/${team.id}`, a.agentToken, { ...draft(), expectedVersion: 1 })).statusCode).toBe(403);
    expect((await call('POST', `/v1/templates/${team.id}/archive`, a.agentToken)).statusCode).toBe(403);
    const own = await create(a.agentToken, { scope: 'personal', title: 'My greeting' });
    // Promoting it to the team needs a lead.
    expect((await call('PUT', `/v1/templates/${own.id}`, a.agentToken, { ...draft({ scope: 'team' }), expectedVersion: 1 })).statusCode).toBe(403);
    const edited = await call('PUT', `/v1/templates/${own.id}`, a.agentToken, { ...draft({ scope: 'personal', title: 'My greeting 2' }), expectedVersion: 1 });
    expect(edited.statusCode).toBe(200);
    const archived = await call('POST', `/v1/templates/${own.id}/archive`, a.agentToken);
    expect(archived.json()).toMatchObject({ id: own.id, archived: true, version: 2 });
    expect((await list(a.agentToken)).map((t) => t.id)).not.toContain(own.id);
    expect((await list(a.agentToken, '?includeArchived=true')).map((t) => t.id)).toContain(own.id);
    expect((await call('POST', `/v1/templates/${own.id}/unarchive`, a.agentToken)).json()).toMatchObject({ archived: false });
    expect((await list(a.agentToken)).map((t) => t.id)).toContain(own.id);
  });

  it('logs an insertion in the order history once, however often the outbox delivers it', async () => {
    const t = await create(a.leadToken, { title: 'Tracking info' });
    const orderId = newOrderId();
    const payload = { orderId, templateId: t.id, templateVersion: 1, idempotencyKey: idempotencyKey(), at: new Date(Date.now() - 60_000).toISOString() };
    const first = await call('POST', '/v1/template-insertions', a.agentToken, payload, { 'idempotency-key': payload.idempotencyKey });
    expect(first.statusCode).toBe(201);
    const result = TemplateInsertionResult.parse(first.json());
    expect(result.event).toMatchObject({ type: 'template_inserted', text: 'Template inserted: Tracking info (v1)', orderId, agentId: a.agent.id });
    expect(result.event.data).toMatchObject({ templateId: t.id, version: 1, agent: a.agent.name });
    const replays = await Promise.all([1, 2, 3].map(() => call('POST', '/v1/template-insertions', a.agentToken, payload)));
    expect(replays.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(replays[0]!.headers['idempotent-replayed']).toBe('true');
    expect(replays[0]!.json().event).toEqual(first.json().event);
    const events = CaseEventList.parse((await call('GET', `/v1/cases/${result.case.id}/events`, a.agentToken)).json()).events;
    expect(events.filter((e) => e.type === 'template_inserted')).toHaveLength(1);
    // The same key for another template is a different write; another team cannot use this template.
    expect((await call('POST', '/v1/template-insertions', a.agentToken, { ...payload, templateId: (await create(a.leadToken)).id })).statusCode).toBe(409);
    expect((await call('POST', '/v1/template-insertions', b.agentToken, { ...payload, idempotencyKey: idempotencyKey() })).statusCode).toBe(404);
    expect((await call('POST', '/v1/template-insertions', a.agentToken, payload, { 'idempotency-key': idempotencyKey() })).statusCode).toBe(400);
  });

  it('counts insertions and what followed for leads only', async () => {
    const used = await create(a.leadToken, { title: 'Usage probe' });
    const unused = await create(a.leadToken, { title: 'Usage never' });
    const [o1, o2] = [newOrderId(), newOrderId()];
    for (const orderId of [o1, o1, o2]) {
      await call('POST', '/v1/template-insertions', a.agentToken, { orderId, templateId: used.id, templateVersion: 1, idempotencyKey: idempotencyKey() });
    }
    // Decided after the insertion: counted. A decision on an order the template never touched: not.
    await call('POST', '/v1/decisions', a.agentToken, { orderId: o1, decision: 'hold', idempotencyKey: idempotencyKey() });
    await call('POST', '/v1/decisions', a.agentToken, { orderId: newOrderId(), decision: 'fraud', idempotencyKey: idempotencyKey() });
    expect((await call('GET', '/v1/templates/usage?days=30', a.agentToken)).statusCode).toBe(403);
    const report = TemplateUsageReport.parse((await call('GET', '/v1/templates/usage?days=30', a.leadToken)).json());
    expect(report.days).toBe(30);
    const entry = report.templates.find((t) => t.templateId === used.id)!;
    expect(entry).toMatchObject({
      insertions: 3,
      cases: 2,
      caseStatus: { open: 2, waiting: 0, resolved: 0, closed: 0 },
      decisionsAfter: { hold: 1, release: 0, fraud: 0 },
    });
    expect(entry.lastInsertedAt).not.toBeNull();
    expect(report.templates.find((t) => t.templateId === unused.id)).toMatchObject({ insertions: 0, cases: 0, lastInsertedAt: null });
    expect(TemplateUsageReport.parse((await call('GET', '/v1/templates/usage', b.leadToken)).json()).templates).toEqual([]);
    expect((await call('GET', '/v1/templates/usage?days=abc', a.leadToken)).json().error.field).toBe('querystring.days');
  });
});
