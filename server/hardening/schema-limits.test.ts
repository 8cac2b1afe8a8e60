import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, registeredRoutes } from '../app';
import { testDatabases } from '../../tests/server/databases';
import { leavesOf, type AnySchema, type Leaf } from './zod-walk';

/**
 * One source of limits: a request field may be no looser than the answer field it flows into, or a
 * write is committed whose every later read answers 500 (a 201-character evidence key, a 65-character
 * order id from a page). A top-level request field (body, query or path) flows into the answer fields
 * of the same name; FLOWS names the ones that nest or change name on the way.
 */
const FLOWS: Record<string, string[]> = {
  // An evidence item without a label is shown by its key.
  evidenceKey: ['key', 'label', 'evidenceKey'],
  key: ['key', 'label'],
  // A page context becomes an order, a case and a dispute.
  'context.orderId': ['orderId', 'ref'],
  'context.marketplace.code': ['marketplace'],
  'context.items[].unitPrice.amountMinor': ['amountMinor'],
  'context.totals.total.amountMinor': ['amountMinor'],
  'context.chargeback.amount.amountMinor': ['amountMinor'],
  'context.claim.amount.amountMinor': ['amountMinor'],
  'context.chargeback.notifiedAt': ['filedAt', 'deadline'],
  'context.chargeback.respondBy': ['deadline'],
  'context.claim.filedAt': ['filedAt'],
  'recovered.amountMinor': ['amountMinor'],
};

/** Same names that are different things, as `requestName -> answerPath`. */
const UNRELATED = new Set([
  // Route parameters are the backend's uuids; a dispute's `id` in the answer is the portal's reference.
  'id -> dispute.id',
  // A dispute's status is not its checklist items' (present, missing ...).
  'status -> checklist[].status',
  // Nor is CE 3.0's verdict (eligible, not eligible, payment not imported).
  'status -> ce3.status',
  // An alert's answer (refund, stop the shipment, decline) is not the chargeback advice (fight, refund, accept).
  'action -> recommendation.action',
]);

function requestSchemas(route: ReturnType<typeof registeredRoutes>[number]): [string, AnySchema][] {
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  return (['body', 'querystring', 'params'] as const).filter((part) => schema[part]).map((part) => [part, schema[part] as AnySchema]);
}

function responseSchemas(route: ReturnType<typeof registeredRoutes>[number]): AnySchema[] {
  const response = ((route.schema ?? {}) as { response?: Record<string, AnySchema> }).response ?? {};
  return Object.entries(response)
    .filter(([status]) => status.startsWith('2'))
    .map(([, schema]) => schema);
}

/** Why `request` is looser than `answer`, or undefined when it is not. */
export function loosenessOf(request: Leaf, answer: Leaf): string | undefined {
  if (answer.kind === 'enum') {
    if (request.kind !== 'enum') return `free ${request.kind} flows into an enum`;
    const extra = request.values!.filter((v) => !answer.values!.includes(v));
    return extra.length ? `values ${extra.join(', ')} are not in the answer's enum` : undefined;
  }
  if (answer.kind === 'string' && request.kind === 'string') {
    if (request.max > answer.max) return `max length ${request.max} > ${answer.max}`;
    if (answer.format === 'uuid' && request.format !== 'uuid') return 'not a uuid but the answer is';
    if (answer.format === 'datetime' && request.format !== 'datetime') return 'not an instant but the answer is';
  }
  if (answer.kind === 'number' && request.kind === 'number') {
    if (request.max > answer.max) return `max ${request.max} > ${answer.max}`;
    if (request.min < answer.min) return `min ${request.min} < ${answer.min}`;
    if (answer.integer && !request.integer) return 'not an integer but the answer is';
  }
  return undefined;
}

describe.each(testDatabases())('request limits no looser than the answers ($kind)', (target) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: (await target.open()).db });
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  it('holds for every field of every route', () => {
    const problems: string[] = [];
    let compared = 0;
    for (const route of registeredRoutes(app)) {
      const answers = responseSchemas(route).flatMap((schema) => leavesOf(schema));
      if (!answers.length) continue;
      for (const [part, schema] of requestSchemas(route)) {
        for (const leaf of leavesOf(schema)) {
          const topLevel = !leaf.path.includes('.') && !leaf.path.includes('[');
          const targets = FLOWS[leaf.path] ?? (topLevel ? [leaf.name] : []);
          for (const answer of answers.filter((a) => targets.includes(a.name) && !UNRELATED.has(`${leaf.name} -> ${a.path}`))) {
            compared += 1;
            const why = loosenessOf(leaf, answer);
            if (why) problems.push(`${route.method} ${route.url} ${part}.${leaf.path} -> ${answer.path}: ${why}`);
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
    expect([...new Set(problems)]).toEqual([]);
  });
});
