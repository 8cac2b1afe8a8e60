import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, ApiTokenInfo, CreatedToken } from '../../utils/schemas/api';
import { AuditPage } from '../../utils/schemas/audit';
import { buildApp } from '../app';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, type TestTeam } from '../../tests/server/harness';

const urlOf = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

/** Reads the stream until the server ends it or `timeoutMs` passes (then `endedByServer` is false). */
async function untilEnded(response: Response, timeoutMs: number): Promise<{ text: string; ms: number; endedByServer: boolean }> {
  const started = Date.now();
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    void reader.cancel();
  }, timeoutMs);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(deadline);
  }
  return { text, ms: Date.now() - started, endedByServer: !timedOut };
}

describe.each(testDatabases())('sessions that end on $kind', (target) => {
  // Two instances on one database, as two servers behind a load balancer: changes are made on A,
  // streams are open on B, so only the NOTIFY can close them.
  let instanceA: FastifyInstance;
  let instanceB: FastifyInstance;
  let t: TestTeam;
  let other: TestTeam;

  beforeAll(async () => {
    const first = await target.open();
    const second = target.kind === 'postgres' ? await target.open() : first;
    instanceA = await buildApp({ db: first.db });
    instanceB = await buildApp({ db: second.db, heartbeatMs: 60_000 });
    await instanceB.listen({ port: 0, host: '127.0.0.1' });
    t = await createTestTeam(instanceA.db, 'Sessions');
    other = await createTestTeam(instanceA.db, 'Other');
  }, 240_000);
  afterAll(async () => {
    await instanceA?.close();
    await instanceB?.close();
    await target.dispose();
  }, 120_000);

  const openStream = (token: string) => fetch(`${urlOf(instanceB)}/v1/stream`, { headers: { authorization: `Bearer ${token}` } });
  const newToken = async (agentId: string, body: Record<string, unknown> = {}) => {
    const res = await instanceA.inject({ method: 'POST', url: `/v1/agents/${agentId}/tokens`, headers: auth(t.leadToken), payload: body });
    expect(res.statusCode).toBe(201);
    return CreatedToken.parse(res.json());
  };

  it('closes a live stream within a second of its token being revoked, on another instance', async () => {
    const { token, info } = await newToken(t.agent.id, { label: 'to revoke' });
    const keep = await newToken(t.agent.id, { label: 'kept' });
    const stream = await openStream(token);
    const kept = await openStream(keep.token);
    expect(stream.status).toBe(200);
    const ended = untilEnded(stream, 3000);
    const revoked = await instanceA.inject({ method: 'DELETE', url: `/v1/tokens/${info.id}`, headers: auth(t.leadToken) });
    expect(revoked.statusCode).toBe(200);
    const { text, ms, endedByServer } = await ended;
    expect(endedByServer).toBe(true);
    expect(ms).toBeLessThan(1000);
    expect(text).toContain('event: session-ended');
    expect(text).toContain('"reason":"revoked"');
    expect((await instanceB.inject({ method: 'GET', url: '/v1/me', headers: auth(token) })).statusCode).toBe(401);
    // The agent's other token keeps its stream.
    expect((await untilEnded(kept, 300)).endedByServer).toBe(false);
  });

  it('deactivating an agent refuses all their tokens and closes their streams; reactivating lets them back', async () => {
    const extra = await newToken(t.agent.id);
    const streams = [await openStream(t.agentToken), await openStream(extra.token)];
    const ends = streams.map((s) => untilEnded(s, 3000));
    const res = await instanceA.inject({ method: 'PATCH', url: `/v1/agents/${t.agent.id}`, headers: auth(t.leadToken), payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect(Agent.parse(res.json()).active).toBe(false);
    for (const { text, ms, endedByServer } of await Promise.all(ends)) {
      expect(endedByServer).toBe(true);
      expect(ms).toBeLessThan(1000);
      expect(text).toContain('"reason":"deactivated"');
    }
    for (const token of [t.agentToken, extra.token]) {
      expect((await instanceA.inject({ method: 'GET', url: '/v1/me', headers: auth(token) })).statusCode).toBe(401);
    }
    const list = await instanceA.inject({ method: 'GET', url: '/v1/agents', headers: auth(t.leadToken) });
    expect(list.json().agents.find((a: Agent) => a.id === t.agent.id).active).toBe(false);

    const back = await instanceA.inject({ method: 'PATCH', url: `/v1/agents/${t.agent.id}`, headers: auth(t.leadToken), payload: { active: true } });
    expect(Agent.parse(back.json()).active).toBe(true);
    expect((await instanceA.inject({ method: 'GET', url: '/v1/me', headers: auth(t.agentToken) })).statusCode).toBe(200);
  });

  it('only a lead of the same team may deactivate, and never the last active lead', async () => {
    const asAgent = await instanceA.inject({ method: 'PATCH', url: `/v1/agents/${t.agent.id}`, headers: auth(t.agentToken), payload: { active: false } });
    expect(asAgent.statusCode).toBe(403);
    const otherTeam = await instanceA.inject({ method: 'PATCH', url: `/v1/agents/${t.agent.id}`, headers: auth(other.leadToken), payload: { active: false } });
    expect(otherTeam.statusCode).toBe(404);
    const lastLead = await instanceA.inject({ method: 'PATCH', url: `/v1/agents/${t.lead.id}`, headers: auth(t.leadToken), payload: { active: false } });
    expect(lastLead.statusCode).toBe(409);
    const bad = await instanceA.inject({ method: 'PATCH', url: `/v1/agents/${t.agent.id}`, headers: auth(t.leadToken), payload: { active: 'no' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.active');
  });

  it('caps the live streams of one token and names the limit', async () => {
    const { token } = await newToken(t.agent.id, { label: 'many tabs' });
    const open = [];
    for (let i = 0; i < 5; i++) {
      const s = await openStream(token);
      expect(s.status).toBe(200);
      open.push(s);
    }
    const sixth = await openStream(token);
    expect(sixth.status).toBe(429);
    expect((await sixth.json()).error.message).toContain('5');
    // Closing one frees a place.
    await open.pop()!.body!.cancel();
    await expect
      .poll(async () => {
        const again = await openStream(token);
        const status = again.status;
        if (status === 200) open.push(again);
        else await again.body?.cancel();
        return status;
      })
      .toBe(200);
    for (const s of open) await s.body!.cancel();
  });

  it('a token with an expiry works until then, answers 401 after, and its stream ends at that moment', async () => {
    const past = await instanceA.inject({
      method: 'POST',
      url: `/v1/agents/${t.agent.id}/tokens`,
      headers: auth(t.leadToken),
      payload: { expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.field).toBe('body.expiresAt');

    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const { token, info } = await newToken(t.agent.id, { label: 'short', expiresAt });
    expect(ApiTokenInfo.parse(info).expiresAt).toBe(expiresAt);
    expect((await instanceA.inject({ method: 'GET', url: '/v1/me', headers: auth(token) })).statusCode).toBe(200);
    const stream = await openStream(token);
    const { text, ms, endedByServer } = await untilEnded(stream, 4000);
    expect(endedByServer).toBe(true);
    expect(text).toContain('"reason":"expired"');
    expect(ms).toBeLessThan(2500);
    expect((await instanceA.inject({ method: 'GET', url: '/v1/me', headers: auth(token) })).statusCode).toBe(401);
  });

  it("keeps an audit log of the leads' actions, newest first, paged, for leads of that team only", async () => {
    const settings = await instanceA.inject({ method: 'GET', url: '/v1/settings', headers: auth(t.leadToken) });
    expect((await instanceA.inject({ method: 'PUT', url: '/v1/settings', headers: auth(t.leadToken), payload: settings.json() })).statusCode).toBe(200);
    const template = await instanceA.inject({
      method: 'POST',
      url: '/v1/templates',
      headers: auth(t.leadToken),
      payload: { scope: 'team', title: 'Audited', body: 'Hello', language: 'en' },
    });
    expect(template.statusCode).toBe(201);

    const first = AuditPage.parse((await instanceA.inject({ method: 'GET', url: '/v1/audit?limit=3', headers: auth(t.leadToken) })).json());
    expect(first.entries.map((e) => e.action)).toEqual(['template.created', 'settings.saved', 'token.created']);
    expect(first.entries.every((e) => e.actorId === t.lead.id && e.actorName === t.lead.name)).toBe(true);
    expect(first.nextCursor).not.toBeNull();
    const all = [...first.entries];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = AuditPage.parse((await instanceA.inject({ method: 'GET', url: `/v1/audit?limit=3&before=${cursor}`, headers: auth(t.leadToken) })).json());
      all.push(...page.entries);
      cursor = page.nextCursor;
    }
    const actions = all.map((e) => e.action);
    expect(actions).toContain('agent.deactivated');
    expect(actions).toContain('token.revoked');
    expect(actions.filter((a) => a === 'token.created').length).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    // No secret in the log.
    expect(JSON.stringify(all)).not.toMatch(/cs_|token_hash|tokenHash/);

    expect((await instanceA.inject({ method: 'GET', url: '/v1/audit', headers: auth(t.agentToken) })).statusCode).toBe(403);
    const otherLog = AuditPage.parse((await instanceA.inject({ method: 'GET', url: '/v1/audit', headers: auth(other.leadToken) })).json());
    expect(otherLog.entries).toEqual([]);
    expect((await instanceA.inject({ method: 'GET', url: '/v1/audit?limit=0', headers: auth(t.leadToken) })).json().error.field).toBe('querystring.limit');
  });
});
