import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, Health, Me } from '../utils/schemas/api';
import { buildApp } from './app';
import { testDatabases } from '../tests/server/databases';
import { auth, createTestTeam, type TestTeam } from '../tests/server/harness';

describe.each(testDatabases())('health, openapi, auth and errors on $kind', (target) => {
  let app: FastifyInstance;
  let team: TestTeam;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
    team = await createTestTeam(app.db);
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  it('answers /health without a token', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(Health.parse(res.json())).toMatchObject({ ok: true, database: target.kind });
  });

  it('serves an OpenAPI description generated from the shared schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/panel', '/v1/notes', '/v1/decisions', '/v1/agents', '/v1/me']));
    const noteBody = doc.paths['/v1/notes'].post.requestBody.content['application/json'].schema;
    expect(noteBody.required).toEqual(expect.arrayContaining(['orderId', 'text', 'idempotencyKey']));
  });

  it.each([
    ['no header', undefined],
    ['a malformed header', 'Token abc'],
    ['an unknown token', 'Bearer cs_not-a-real-token'],
  ])('rejects %s with 401 unauthorized', async (_label, header) => {
    const res = await app.inject({ method: 'GET', url: '/v1/me', headers: header ? { authorization: header } : {} });
    expect(res.statusCode).toBe(401);
    expect(ApiError.parse(res.json()).error.code).toBe('unauthorized');
  });

  it('knows the caller', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/me', headers: auth(team.agentToken) });
    expect(res.statusCode).toBe(200);
    const me = Me.parse(res.json());
    expect(me.agent.id).toBe(team.agent.id);
    expect(me.team.id).toBe(team.teamId);
  });

  it('rejects a revoked token', async () => {
    const other = await createTestTeam(app.db, 'Revoked');
    expect((await app.inject({ method: 'GET', url: '/v1/me', headers: auth(other.agentToken) })).statusCode).toBe(200);
    const revoke = await app.inject({ method: 'DELETE', url: `/v1/tokens/${other.agentTokenId}`, headers: auth(other.leadToken) });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).toEqual(expect.any(String));
    const res = await app.inject({ method: 'GET', url: '/v1/me', headers: auth(other.agentToken) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });

  it('answers unknown routes with not_found JSON', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/nothing-here', headers: auth(team.agentToken) });
    expect(res.statusCode).toBe(404);
    expect(ApiError.parse(res.json()).error.code).toBe('not_found');
  });

  it('turns malformed JSON into validation_failed, never a stack', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: { ...auth(team.agentToken), 'content-type': 'application/json' },
      payload: '{"orderId": ',
    });
    expect(res.statusCode).toBe(400);
    const body = ApiError.parse(res.json());
    expect(body.error.code).toBe('validation_failed');
    expect(res.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('allows the extension origin for CORS with the headers it sends, and no web origin', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/v1/notes',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('idempotency-key');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

    const web = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
    expect(web.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('stops a client guessing tokens after too many failures', async () => {
    const guarded = await buildApp({ db: app.db, maxAuthFailuresPerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await guarded.inject({ method: 'GET', url: '/v1/me', headers: auth(`cs_guess_${i}`) })).statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const guess = await guarded.inject({ method: 'GET', url: '/v1/me', headers: auth('cs_guess_again') });
      expect(guess.json().error.code).toBe('rate_limited');
      // A colleague with a valid token behind the same address is not locked out.
      expect((await guarded.inject({ method: 'GET', url: '/v1/me', headers: auth(team.agentToken) })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('rate limits per token with rate_limited', async () => {
    const limited = await buildApp({ db: app.db, rateLimitPerMinute: 2 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.inject({ method: 'GET', url: '/v1/me', headers: auth(team.agentToken) })).statusCode);
      expect(statuses).toEqual([200, 200, 429]);
      const res = await limited.inject({ method: 'GET', url: '/v1/me', headers: auth(team.agentToken) });
      expect(ApiError.parse(res.json()).error.code).toBe('rate_limited');
      // Another token has its own budget.
      expect((await limited.inject({ method: 'GET', url: '/v1/me', headers: auth(team.leadToken) })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
