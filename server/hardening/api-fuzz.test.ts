import fc from 'fast-check';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, registeredRoutes } from '../app';
import { auth, createTestTeam, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';
import { testDatabases } from '../../tests/server/databases';
import { arbitraryOf, hostileValue } from './zod-arbitrary';
import type { AnySchema } from './zod-walk';

/**
 * A bounded, property-based fuzz of the whole API: requests generated from every route's zod schemas
 * (mostly well-formed, with hostile values mixed in at any position) must never answer 500 or more.
 * Bad input is the caller's problem (4xx naming the field), never the server's.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

/** The live event stream never ends by itself; it is covered by its own tests. */
const SKIPPED = new Set(['/v1/stream']);

interface FuzzRequest {
  method: string;
  url: string;
  token: 'lead' | 'agent';
  payload?: unknown;
  query?: Record<string, string>;
}

/**
 * Percent-encodes a path segment as a hostile client would send it: a lone surrogate (which
 * encodeURIComponent refuses) goes out as its three raw bytes, which the server must decode safely.
 */
function encodeSegment(value: string): string {
  return (value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g) ?? [])
    .map((unit) => {
      if (unit.length === 2 || unit < '\uD800' || unit > '\uDFFF') return encodeURIComponent(unit);
      const cp = unit.charCodeAt(0);
      return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    })
    .join('');
}

function schemaPart(route: RouteOptions, part: 'params' | 'querystring' | 'body'): AnySchema | undefined {
  return ((route.schema ?? {}) as Record<string, AnySchema | undefined>)[part];
}

/** Path parameters: mostly ids that exist (so the request reaches the service), sometimes anything. */
function paramArbitrary(route: RouteOptions, knownIds: string[]): fc.Arbitrary<Record<string, string>> {
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const schema = schemaPart(route, 'params');
  const generated = schema ? arbitraryOf(schema, 0) : fc.constant({});
  const one = (name: string, fromSchema: unknown) =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...knownIds), weight: 5 },
      { arbitrary: fc.constant(String(fromSchema ?? 'x')), weight: 3 },
      { arbitrary: hostileValue(60).map(String), weight: 1 },
    );
  return generated.chain((values) => fc.record(Object.fromEntries(names.map((name) => [name, one(name, (values as Record<string, unknown>)[name])]))));
}

function requestArbitrary(route: RouteOptions, knownIds: string[]): fc.Arbitrary<FuzzRequest> {
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  const body = schemaPart(route, 'body');
  const query = schemaPart(route, 'querystring');
  return fc
    .record({
      params: paramArbitrary(route, knownIds),
      payload: body ? arbitraryOf(body) : fc.constant(undefined),
      query: query ? arbitraryOf(query) : fc.constant(undefined),
      token: fc.constantFrom<'lead' | 'agent'>('lead', 'lead', 'agent'),
    })
    .map(({ params, payload, query: q, token }) => {
      const url = route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeSegment(params[name] ?? 'x'));
      const queryStrings =
        q && typeof q === 'object' && !Array.isArray(q)
          ? Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
          : undefined;
      return { method, url, token, ...(payload !== undefined ? { payload } : {}), ...(queryStrings ? { query: queryStrings } : {}) };
    });
}

describe.each(testDatabases())('API fuzz ($kind)', (target) => {
  let app: FastifyInstance;
  let team: TestTeam;
  const knownIds: string[] = [];

  beforeAll(async () => {
    app = await buildApp({ db: (await target.open()).db, rateLimitPerMinute: 1_000_000, maxAuthFailuresPerMinute: 1_000_000 });
    team = await createTestTeam(app.db, 'Fuzz');
    // Real resources, so generated ids reach the services: a case, a dispute, a template, the agents.
    const panel = await postPanel(app, team.agentToken, orderPage());
    const chargeback = orderPage({
      pageKind: 'chargeback',
      chargeback: { id: 'CB-FUZZ-1', amount: { amountMinor: 4999, currency: 'EUR' }, reason: '13.1 Merchandise not received' },
    });
    const dispute = await app.inject({ method: 'POST', url: '/v1/disputes/from-page', headers: auth(team.agentToken), payload: { context: chargeback } });
    const template = await app.inject({
      method: 'POST',
      url: '/v1/templates',
      headers: auth(team.leadToken),
      payload: { title: 'Fuzz', body: 'Hello {{buyerName}}', language: 'en', scope: 'team' },
    });
    knownIds.push(panel.json().case.id, dispute.json().id, template.json().template?.id ?? team.agent.id, team.agent.id, team.lead.id, team.agentTokenId);
    expect(knownIds.every((id) => typeof id === 'string')).toBe(true);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  it(`answers ${REQUESTS} generated requests without a single 5xx`, async () => {
    const routes = registeredRoutes(app).filter((r) => !SKIPPED.has(r.url) && r.method !== 'HEAD' && !(Array.isArray(r.method) && r.method.includes('HEAD')));
    expect(routes.length).toBeGreaterThan(30);
    const requests = fc.sample(fc.oneof(...routes.map((r) => requestArbitrary(r, knownIds))), { numRuns: REQUESTS, seed: SEED });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const spent = new Map<string, number>();
    for (const req of requests) {
      const started = performance.now();
      const res = await app.inject({
        method: req.method as 'GET',
        url: req.query
          ? `${req.url}?${Object.entries(req.query)
              .map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`)
              .join('&')}`
          : req.url,
        headers: auth(req.token === 'lead' ? team.leadToken : team.agentToken),
        ...(req.payload !== undefined ? { payload: req.payload as object } : {}),
      });
      const routeKey = `${req.method} ${req.url.split('/').slice(0, 4).join('/')}`;
      spent.set(routeKey, (spent.get(routeKey) ?? 0) + performance.now() - started);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500 && failures.length < 20)
        failures.push(
          `${req.method} ${req.url} ${JSON.stringify(req.query ?? {})} ${JSON.stringify(req.payload)?.slice(0, 400)} -> ${res.statusCode} ${res.body.slice(0, 200)}`,
        );
    }
    if (process.env.FUZZ_PROFILE) console.log([...statuses], [...spent].sort((a, b) => b[1] - a[1]).slice(0, 12));
    // Enough of them got through validation to exercise the services, not only the schemas.
    const succeeded = [...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
    expect(succeeded).toBeGreaterThan(REQUESTS / 10);
    expect(failures).toEqual([]);
  }, 600_000);
});
