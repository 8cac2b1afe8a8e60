import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT } from '../../utils/api-routes';
import { errorStatuses, operationIdOf, type ApiRoute } from '../../utils/api-routes/types';
import { buildApp, registeredRoutes } from '../app';
import { testDatabases } from '../../tests/server/databases';

const methodsOf = (method: string | string[]) => (Array.isArray(method) ? method : [method]);
const declared = Object.entries(CONTRACT as Record<string, ApiRoute>);

/** The server's routes and the contract (utils/api-routes) are the same set, and /openapi.json describes it. */
describe.each(testDatabases())('the route contract on $kind', (target) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  it('registers every declared route and no other (HEAD and the CORS preflight aside)', () => {
    const registered = registeredRoutes(app)
      .flatMap((r) => methodsOf(r.method).map((m) => ({ key: `${m} ${r.url}`, routeId: r.config?.routeId })))
      .filter((r) => !r.key.startsWith('HEAD ') && r.key !== 'OPTIONS *');
    expect(registered.map((r) => r.key).sort()).toEqual(declared.map(([, r]) => `${r.method} ${r.path}`).sort());
    // Each from its own declaration.
    for (const r of registered)
      expect(`${r.routeId && CONTRACT[r.routeId as keyof typeof CONTRACT].method} ${r.routeId && CONTRACT[r.routeId as keyof typeof CONTRACT].path}`).toBe(
        r.key,
      );
  });

  it("finds every declared route in Fastify's own route table", () => {
    for (const [id, route] of declared) expect(app.hasRoute({ method: route.method, url: route.path }), id).toBe(true);
  });

  it('describes every declared operation with its summary, id and error answers', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          { summary?: string; operationId?: string; responses: Record<string, { description?: string; content?: Record<string, { schema: unknown }> }> }
        >
      >;
      servers?: unknown[];
    };
    expect(doc.servers?.length).toBeGreaterThan(0);
    const described = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    const expected = declared.filter(([, r]) => !r.hide).map(([, r]) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    expect(described.sort()).toEqual(expected.sort());
    for (const [id, route] of declared.filter(([, r]) => !r.hide)) {
      const op = doc.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]![route.method.toLowerCase()]!;
      expect(op.summary, id).toBe(route.summary);
      expect(op.operationId, id).toBe(operationIdOf(id));
      for (const status of errorStatuses(route)) {
        expect(op.responses[String(status)]?.content?.['application/json']?.schema, `${id} ${status}`).toEqual({ $ref: '#/components/schemas/ApiError' });
      }
      // Each success answer: a description of its own, and JSON described by the declared schema, not a bare object.
      const successes = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(successes.length, id).toBeGreaterThan(0);
      for (const [status, answer] of successes) {
        expect(answer.description, `${id} ${status}`).not.toBe('Default Response');
        expect(answer.description, `${id} ${status}`).toBeTruthy();
        const json = answer.content?.['application/json']?.schema;
        if (json !== undefined) expect(json, `${id} ${status}`).not.toEqual({ type: 'object' });
        if (route.response) expect(json, `${id} ${status}`).toBeDefined();
      }
    }
  });
});
