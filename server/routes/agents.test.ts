import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentList, CreatedAgent, CreatedToken, TokenList } from '../../utils/schemas/api';
import { testDatabases } from '../../tests/server/databases';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { auth, type TestTeam } from '../../tests/server/harness';

describe.each(testDatabases())('agents and tokens on $kind', (target) => {
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

  it('lets a lead create an agent whose first token works at once', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/agents', headers: auth(a.leadToken), payload: { name: 'New Hire', email: 'new@example.com' } });
    expect(res.statusCode).toBe(201);
    const created = CreatedAgent.parse(res.json());
    expect(created.agent).toMatchObject({ name: 'New Hire', role: 'agent', teamId: a.teamId });
    const me = await app.inject({ method: 'GET', url: '/v1/me', headers: auth(created.token.token) });
    expect(me.json().agent.id).toBe(created.agent.id);
  });

  it('forbids agents the lead-only routes', async () => {
    for (const [method, url] of [
      ['GET', '/v1/agents'],
      ['POST', '/v1/agents'],
      ['GET', `/v1/agents/${a.agent.id}/tokens`],
      ['POST', `/v1/agents/${a.agent.id}/tokens`],
      ['DELETE', `/v1/tokens/${a.agentTokenId}`],
    ] as const) {
      const res = await app.inject({ method, url, headers: auth(a.agentToken), payload: method === 'POST' ? { name: 'x' } : undefined });
      expect([url, res.statusCode, res.json().error.code]).toEqual([url, 403, 'forbidden']);
    }
  });

  it('names the offending field on bad input', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/agents', headers: auth(a.leadToken), payload: { name: 'X', email: 'not-an-email' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'body.email' });
    const role = await app.inject({ method: 'POST', url: '/v1/agents', headers: auth(a.leadToken), payload: { name: 'X', role: 'admin' } });
    expect(role.json().error.field).toBe('body.role');
  });

  it('issues, lists and revokes tokens, never listing a secret', async () => {
    const issued = await app.inject({ method: 'POST', url: `/v1/agents/${a.agent.id}/tokens`, headers: auth(a.leadToken), payload: { label: 'laptop' } });
    expect(issued.statusCode).toBe(201);
    const token = CreatedToken.parse(issued.json());
    expect(token.token).toMatch(/^cs_[A-Za-z0-9_-]{43}$/);

    const list = await app.inject({ method: 'GET', url: `/v1/agents/${a.agent.id}/tokens`, headers: auth(a.leadToken) });
    const tokens = TokenList.parse(list.json()).tokens;
    expect(tokens.map((t) => t.label)).toEqual(expect.arrayContaining(['laptop', 'test']));
    expect(list.body).not.toContain(token.token);

    const revoked = await app.inject({ method: 'DELETE', url: `/v1/tokens/${token.info.id}`, headers: auth(a.leadToken) });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await app.inject({ method: 'GET', url: '/v1/me', headers: auth(token.token) })).statusCode).toBe(401);
  });

  it('keeps teams apart: a lead sees and touches only their own team', async () => {
    const list = AgentList.parse((await app.inject({ method: 'GET', url: '/v1/agents', headers: auth(b.leadToken) })).json());
    expect(list.agents.every((agent) => agent.teamId === b.teamId)).toBe(true);
    expect(list.agents.map((x) => x.id)).not.toContain(a.agent.id);

    const listOther = await app.inject({ method: 'GET', url: `/v1/agents/${a.agent.id}/tokens`, headers: auth(b.leadToken) });
    expect(listOther.statusCode).toBe(404);
    const issueOther = await app.inject({ method: 'POST', url: `/v1/agents/${a.agent.id}/tokens`, headers: auth(b.leadToken), payload: {} });
    expect(issueOther.statusCode).toBe(404);
    const revokeOther = await app.inject({ method: 'DELETE', url: `/v1/tokens/${a.agentTokenId}`, headers: auth(b.leadToken) });
    expect(revokeOther.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/v1/me', headers: auth(a.agentToken) })).statusCode).toBe(200);
  });

  it('rejects a malformed id with the field named', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/agents/not-a-uuid/tokens', headers: auth(a.leadToken) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('params.id');
  });
});
