import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../utils/schemas/api';
import { buildApp } from '../app';
import { loggableError } from '../errors';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, idempotencyKey, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

/** One test per reproduced finding of the adversarial review: each failed on the code before the fix. */
describe.each(testDatabases())('hardening findings ($kind)', (target) => {
  let app: FastifyInstance;
  let team: TestTeam;
  const post = (url: string, payload: unknown, token = team.agentToken) =>
    app.inject({ method: 'POST', url, headers: auth(token), payload: payload as object });
  const fieldOf = (res: { json(): unknown }) => ApiError.parse(res.json()).error.field;
  const chargebackPage = (overrides: Parameters<typeof orderPage>[0] = {}) =>
    orderPage({
      pageKind: 'chargeback',
      chargeback: { id: `CB-${idempotencyKey().slice(4, 14)}`, amount: { amountMinor: 4999, currency: 'EUR' }, reason: '13.1 Merchandise not received' },
      ...overrides,
    });

  beforeAll(async () => {
    app = await buildApp({ db: (await target.open()).db });
    team = await createTestTeam(app.db, 'Findings');
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  describe('3: no accepted input breaks later reads', () => {
    it('refuses an evidence key longer than the answers allow, and the dispute stays readable', async () => {
      const dispute = await post('/v1/disputes/from-page', { context: chargebackPage() });
      expect(dispute.statusCode).toBe(201);
      const id = dispute.json().id as string;
      const res = await post(`/v1/disputes/${id}/attachments`, {
        filename: 'proof.txt',
        contentType: 'text/plain',
        base64: Buffer.from('x').toString('base64'),
        evidenceKey: 'k'.repeat(201),
      });
      expect(res.statusCode).toBe(400);
      expect(fieldOf(res)).toBe('body.evidenceKey');
      expect((await app.inject({ method: 'GET', url: `/v1/disputes/${id}`, headers: auth(team.agentToken) })).statusCode).toBe(200);
    });

    it('refuses an order id over 64 characters from a page, and every dispute list stays readable', async () => {
      const res = await post('/v1/disputes/from-page', { context: chargebackPage({ orderId: '3'.repeat(65) }) });
      expect(res.statusCode).toBe(400);
      expect(fieldOf(res)).toBe('body.context.orderId');
      expect((await app.inject({ method: 'GET', url: '/v1/disputes', headers: auth(team.agentToken) })).statusCode).toBe(200);
    });
  });

  describe('4: ordinary bad input gets a 400 naming the field', () => {
    it('refuses a NUL in a note', async () => {
      const res = await post('/v1/notes', { orderId: newOrderId(), text: 'pasted \u0000 binary', idempotencyKey: idempotencyKey() });
      expect(res.statusCode).toBe(400);
      expect(fieldOf(res)).toBe('body.text');
    });

    it('refuses a lone UTF-16 surrogate in page text', async () => {
      const res = await postPanel(app, team.agentToken, orderPage({ buyer: { name: 'Max \uD83D Mustermann' } }));
      expect(res.statusCode).toBe(400);
      expect(fieldOf(res)).toBe('body.context.buyer.name');
    });

    it('stores amounts of 2^31 minor units and more, and refuses amounts beyond exact JSON numbers', async () => {
      const big = 2 ** 31 + 5;
      const page = chargebackPage({ totals: { total: { amountMinor: big, currency: 'JPY' } } });
      page.chargeback!.amount = { amountMinor: big, currency: 'JPY' };
      const ok = await post('/v1/disputes/from-page', { context: page });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().dispute.amount).toEqual({ amountMinor: big, currency: 'JPY' });
      const huge = chargebackPage();
      huge.chargeback!.amount = { amountMinor: 2 ** 53, currency: 'JPY' };
      const refused = await post('/v1/disputes/from-page', { context: huge });
      expect(refused.statusCode).toBe(400);
      expect(fieldOf(refused)).toBe('body.context.chargeback.amount.amountMinor');
    });

    it('refuses versions beyond the 32-bit version columns', async () => {
      const matrix = await app.inject({
        method: 'PUT',
        url: '/v1/fraud/matrix',
        headers: auth(team.leadToken),
        payload: { matrix: {}, expectedVersion: 2 ** 31 },
      });
      expect(matrix.statusCode).toBe(400);
      expect(fieldOf(matrix)).toBe('body.expectedVersion');
    });

    it.each(['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z'])('refuses the date %s', async (date) => {
      const res = await postPanel(app, team.agentToken, orderPage({ purchasedAt: date }));
      expect(res.statusCode).toBe(400);
      expect(fieldOf(res)).toBe('body.context.purchasedAt');
    });
  });

  describe('7: the smaller gaps', () => {
    it('refuses a decision dated 9999-12-31 and keeps a future one from topping the history', async () => {
      const orderId = newOrderId();
      const far = await post('/v1/decisions', { orderId, decision: 'fraud', idempotencyKey: idempotencyKey(), at: '9999-12-31T00:00:00Z' });
      expect(far.statusCode).toBe(400);
      expect(fieldOf(far)).toBe('body.at');
      const future = await post('/v1/decisions', { orderId, decision: 'hold', idempotencyKey: idempotencyKey(), at: '2099-01-01T00:00:00Z' });
      expect(future.statusCode).toBe(201);
      // Clamped to the server's now, so the next decision is the latest.
      expect(Date.parse(future.json().decision.createdAt)).toBeLessThanOrEqual(Date.now());
      const later = await post('/v1/decisions', { orderId, decision: 'release', idempotencyKey: idempotencyKey() });
      expect(later.json().case.decision).toBe('release');
    });

    it('answers 409 to an idempotency key reused with a different body, and replays the same body', async () => {
      const orderId = newOrderId();
      const key = idempotencyKey();
      expect((await post('/v1/notes', { orderId, text: 'Called the buyer', idempotencyKey: key })).statusCode).toBe(201);
      const replay = await post('/v1/notes', { orderId, text: 'Called the buyer', idempotencyKey: key });
      expect(replay.statusCode).toBe(200);
      const reused = await post('/v1/notes', { orderId, text: 'Something else entirely', idempotencyKey: key });
      expect(reused.statusCode).toBe(409);
      expect(fieldOf(reused)).toBe('body.idempotencyKey');
      const decisionKey = idempotencyKey();
      expect((await post('/v1/decisions', { orderId, decision: 'hold', reason: 'address check', idempotencyKey: decisionKey })).statusCode).toBe(201);
      expect((await post('/v1/decisions', { orderId, decision: 'hold', reason: 'another reason', idempotencyKey: decisionKey })).statusCode).toBe(409);
    });

    it('sends nosniff and no-store with JSON answers, errors included', async () => {
      for (const res of [
        await app.inject({ method: 'GET', url: '/v1/me', headers: auth(team.agentToken) }),
        await app.inject({ method: 'GET', url: '/v1/me' }),
        await app.inject({ method: 'GET', url: '/v1/nothing-here', headers: auth(team.agentToken) }),
      ]) {
        expect(res.headers['content-type']).toMatch(/application\/json/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['cache-control']).toBe('no-store');
      }
    });

    it('limits per client address as well as per token, and believes X-Forwarded-For only with trustProxy', async () => {
      const from = (a: FastifyInstance, address: string, token: string) =>
        a.inject({ method: 'GET', url: '/v1/me', headers: { ...auth(token), 'x-forwarded-for': address } });
      const direct = await buildApp({ db: app.db, rateLimitPerMinute: 100, addressRateLimitPerMinute: 2 });
      const proxied = await buildApp({ db: app.db, rateLimitPerMinute: 100, addressRateLimitPerMinute: 2, trustProxy: true });
      try {
        // Without trustProxy every client behind the proxy is the proxy: two tokens share its budget.
        const shared = [
          await from(direct, '203.0.113.1', team.agentToken),
          await from(direct, '203.0.113.2', team.leadToken),
          await from(direct, '203.0.113.3', team.agentToken),
        ];
        expect(shared.map((r) => r.statusCode)).toEqual([200, 200, 429]);
        expect(shared[2]!.headers['retry-after']).toMatch(/^\d+$/);
        // With it each client address has its own.
        const own = [
          await from(proxied, '203.0.113.1', team.agentToken),
          await from(proxied, '203.0.113.1', team.agentToken),
          await from(proxied, '203.0.113.2', team.agentToken),
        ];
        expect(own.map((r) => r.statusCode)).toEqual([200, 200, 200]);
        expect((await from(proxied, '203.0.113.1', team.leadToken)).statusCode).toBe(429);
      } finally {
        await direct.close();
        await proxied.close();
      }
    });

    it('shares rate limits between instances on one database', async () => {
      const one = await buildApp({ db: app.db, rateLimitPerMinute: 3, rateLimitStore: 'database' });
      const two = await buildApp({ db: app.db, rateLimitPerMinute: 3, rateLimitStore: 'database' });
      const token = (await createTestTeam(app.db, 'Shared')).agentToken;
      try {
        const statuses = [];
        for (const instance of [one, two, one, two]) statuses.push((await instance.inject({ method: 'GET', url: '/v1/me', headers: auth(token) })).statusCode);
        expect(statuses).toEqual([200, 200, 200, 429]);
      } finally {
        await one.close();
        await two.close();
      }
    });

    it('keeps tokens, buyer names and addresses out of the logs', async () => {
      const lines: string[] = [];
      const stream = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
      const logged = await buildApp({ db: app.db, logger: { level: 'trace' }, logStream: stream });
      try {
        await postPanel(
          logged,
          team.agentToken,
          orderPage({ buyer: { name: 'Erika Geheimnis' }, shipTo: { name: 'Erika Geheimnis', lines: ['Verstecktweg 7'], country: 'DE' } }),
        );
        await postPanel(logged, team.agentToken, orderPage({ buyer: { name: 'Erika Geheimnis \u0000' } }));
      } finally {
        await logged.close();
      }
      const text = lines.join('');
      expect(text.length).toBeGreaterThan(0);
      for (const secret of [team.agentToken, 'Erika', 'Verstecktweg']) expect(text).not.toContain(secret);
      // An unexpected database error is logged without the query's parameters or the row it quotes.
      const cause = Object.assign(new Error('invalid input syntax for type uuid: "Erika Geheimnis"'), {
        code: '22P02',
        detail: 'Key (name)=(Erika Geheimnis)',
      });
      const failed = new Error('Failed query: select * from orders where buyer = $1\nparams: Erika Geheimnis,Verstecktweg 7', { cause });
      const entry = JSON.stringify(loggableError(failed));
      expect(entry).toContain('Failed query');
      expect(entry).toContain('22P02');
      expect(entry).not.toMatch(/Erika|Verstecktweg/);
    });
  });
});
