import fc from 'fast-check';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, registeredRoutes } from '../app';
import { auth, createTestTeam, idempotencyKey, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';
import { testDatabases } from '../../tests/server/databases';
import { arbitraryOf } from './zod-arbitrary';
import type { AnySchema } from './zod-walk';

/**
 * The authorisation matrix over every route the app registers (read from the app itself, so a new
 * route is covered the day it is added): no token gives 401, an agent's token on a lead route 403, and
 * another team's resource never a 2xx.
 */

const methodOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method[0]! : route.method) as 'GET' | 'HEAD';
const accessOf = (route: RouteOptions) => (route.config as { access?: string } | undefined)?.access ?? 'agent';

/** A well-formed body for the route (a request refused for its shape would prove nothing). */
function sampleBody(route: RouteOptions): unknown {
  const schema = ((route.schema ?? {}) as { body?: AnySchema }).body;
  if (!schema) return undefined;
  return fc.sample(arbitraryOf(schema, 0), { numRuns: 1, seed: 7 })[0];
}

describe.each(testDatabases())('authorisation matrix ($kind)', (target) => {
  let app: FastifyInstance;
  let owner: TestTeam;
  let other: TestTeam;
  let routes: RouteOptions[];
  /** Team `owner`'s resources by the path prefix that addresses them. */
  const owned: Record<string, string> = {};

  beforeAll(async () => {
    app = await buildApp({ db: (await target.open()).db, rateLimitPerMinute: 1_000_000 });
    owner = await createTestTeam(app.db, 'Owner');
    other = await createTestTeam(app.db, 'Other');
    const panel = await postPanel(app, owner.agentToken, orderPage());
    const chargeback = orderPage({
      pageKind: 'chargeback',
      chargeback: { id: 'CB-MATRIX-1', amount: { amountMinor: 2500, currency: 'EUR' }, reason: '13.1 Merchandise not received' },
    });
    const dispute = await app.inject({ method: 'POST', url: '/v1/disputes/from-page', headers: auth(owner.agentToken), payload: { context: chargeback } });
    const template = await app.inject({
      method: 'POST',
      url: '/v1/templates',
      headers: auth(owner.leadToken),
      payload: { title: 'Owned', body: 'Hello', language: 'en', scope: 'team' },
    });
    const file = await app.inject({
      method: 'POST',
      url: `/v1/disputes/${dispute.json().id}/attachments`,
      headers: auth(owner.agentToken),
      payload: { filename: 'proof.txt', contentType: 'text/plain', base64: Buffer.from('proof').toString('base64') },
    });
    Object.assign(owned, {
      '/v1/cases': panel.json().case.id,
      '/v1/disputes': dispute.json().id,
      '/v1/templates': template.json().template.id,
      '/v1/agents': owner.agent.id,
      '/v1/tokens': owner.agentTokenId,
      attachmentId: file.json().id,
    });
    expect(Object.values(owned).every((id) => typeof id === 'string')).toBe(true);
    routes = registeredRoutes(app).filter((r) => methodOf(r) !== 'HEAD');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  const fill = (url: string, ids: (prefix: string, param: string) => string) =>
    url.replace(/:([A-Za-z]+)/g, (_m, param: string) => ids(url.split('/:')[0]!, param));

  it('answers 401 to every non-public route without a token', async () => {
    const checked: string[] = [];
    for (const route of routes.filter((r) => accessOf(r) !== 'public')) {
      const url = fill(route.url, () => '00000000-0000-4000-8000-000000000000');
      const res = await app.inject({ method: methodOf(route), url, payload: sampleBody(route) as object });
      checked.push(`${route.method} ${route.url} -> ${res.statusCode}`);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
    expect(checked.length).toBeGreaterThan(40);
  });

  it("answers 403 to an agent's token on every lead route", async () => {
    const leadRoutes = routes.filter((r) => accessOf(r) === 'lead');
    expect(leadRoutes.length).toBeGreaterThan(8);
    for (const route of leadRoutes) {
      const url = fill(route.url, (prefix, param) => owned[param === 'id' ? prefix : param] ?? owned[prefix] ?? 'x');
      const res = await app.inject({ method: methodOf(route), url, headers: auth(owner.agentToken), payload: sampleBody(route) as object });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it("never answers 2xx to another team's lead about this team's resources", async () => {
    const byId = routes.filter((r) => r.url.includes(':id'));
    expect(byId.length).toBeGreaterThan(12);
    for (const route of byId) {
      const url = fill(route.url, (prefix, param) => (param === 'id' ? owned[prefix]! : (owned[param] ?? 'evidence_key')));
      const body = sampleBody(route) as Record<string, unknown> | undefined;
      if (body && 'idempotencyKey' in body) body.idempotencyKey = idempotencyKey();
      const res = await app.inject({ method: methodOf(route), url, headers: auth(other.leadToken), payload: body as object });
      expect(res.statusCode, `${route.method} ${url}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      // Validation may stop a generated body first; otherwise the resource simply does not exist for them.
      expect([400, 403, 404], `${route.method} ${url}`).toContain(res.statusCode);
    }
  });
});
