import type { SwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_SERVERS, CONTRACT } from '../utils/api-routes';
import { errorStatuses, type ApiRoute, type ErrorStatus } from '../utils/api-routes/types';
import { ApiError } from '../utils/schemas/api';

/**
 * /openapi.json, generated from the contract (utils/api-routes): the routes' schemas come from the route
 * options the contract registered (summary, operation id, tag); this adds what Fastify's route schemas do
 * not carry: the servers, the error answers of each operation (all described by the shared ApiError
 * schema), and the media types of the document, stream and CSV routes.
 */

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'The request is invalid; `error.field` names the offending field.',
  401: 'No valid token: send `Authorization: Bearer <token>`.',
  403: 'The caller may not do this (a team lead may).',
  404: "No such thing in the caller's team.",
  409: 'A conflict: someone saved a newer version first (`error.details.current`), or the idempotency key was used for a different write.',
  413: 'The body is larger than this route accepts.',
  429: 'Too many requests: wait for `Retry-After` seconds.',
  502: 'The payment processor refused or could not be reached; `error.message` gives its own words and nothing was recorded as sent.',
  503: 'The work was abandoned at its deadline; retrying later may succeed.',
};

const ERROR_REF = { $ref: '#/components/schemas/ApiError' };

const TAGS: Record<string, string> = {
  system: 'Health and this description',
  me: 'The signed-in agent',
  agents: "Team administration: the team's agents",
  tokens: "Team administration: the agents' API tokens",
  panel: 'The side panel on a portal page',
  cases: 'Cases and their history',
  notes: 'Notes on cases (from the outbox)',
  decisions: 'Fraud decisions (from the outbox)',
  insertions: 'Template insertions (from the outbox)',
  stream: 'Live events',
  templates: 'The template library',
  fraud: 'The fraud matrix',
  sla: 'SLA policies',
  settings: 'Team settings',
  queue: 'The at-risk queue',
  audit: 'The audit log',
  pageHealth: 'Portal pages the extension could not fully read',
  reports: 'Reports',
  disputes: 'Disputes: chargebacks and claims',
  defenceTemplates: 'Defence templates of disputes',
  processors: 'Payment processor webhook secrets',
  webhooks: 'Webhooks from payment processors',
};

const openapiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

type Operation = { responses?: Record<string, unknown>; requestBody?: unknown };
type Document = { paths?: Record<string, Record<string, Operation>>; components?: Record<string, unknown>; tags?: unknown; servers?: unknown };

function documentedContent(route: ApiRoute): Record<string, unknown> | undefined {
  if (!route.produces) return undefined;
  const schema =
    route.produces === 'application/json'
      ? { type: 'object' }
      : { type: 'string', ...(route.produces === 'application/pdf' || route.produces === 'application/octet-stream' ? { format: 'binary' } : {}) };
  return { [route.produces]: { schema } };
}

/**
 * A record keyed by an enum (`z.record(FraudIndicator, ...)`) becomes `required` keys with only
 * `additionalProperties` in OpenAPI 3.0, which names required properties it never defines: each key gets
 * the value schema as its own property, which is what the record means.
 */
function defineRecordKeys(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(defineRecordKeys);
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  const values = schema.additionalProperties;
  if (schema.type === 'object' && values && typeof values === 'object' && Array.isArray(schema.required) && !schema.properties) {
    schema.properties = Object.fromEntries((schema.required as string[]).map((key) => [key, values]));
  }
  Object.values(schema).forEach(defineRecordKeys);
}

/** Adds the servers, the error answers and the non-JSON media types to the generated document. */
function completeDocument(doc: Document): Document {
  defineRecordKeys(doc.paths);
  const byPath = new Map<string, ApiRoute>();
  for (const route of Object.values(CONTRACT) as ApiRoute[]) byPath.set(`${route.method.toLowerCase()} ${openapiPath(route.path)}`, route);
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const route = byPath.get(`${method} ${path}`);
      if (!route) continue;
      const responses = (operation.responses ??= {});
      const content = documentedContent(route);
      if (content) responses['200'] = { description: route.summary ?? 'The answer', content };
      // Success answers carry their real schema already; what @fastify/swagger lacks is a description.
      for (const status of Object.keys(responses).filter((s) => s.startsWith('2'))) {
        const answer = responses[status] as { description?: string };
        if (answer.description === 'Default Response') answer.description = `${status === '201' ? 'Created' : 'OK'}: ${route.summary ?? route.path}`;
      }
      for (const status of errorStatuses(route)) {
        responses[String(status)] ??= { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: ERROR_REF } } };
      }
      if (route.consumes && !operation.requestBody) {
        const schema = route.consumes === 'text/csv' ? { type: 'string' } : { type: 'object' };
        operation.requestBody = { required: true, content: { [route.consumes]: { schema } } };
      }
    }
  }
  const components = (doc.components ??= {});
  components.schemas = {
    ...((components.schemas as Record<string, unknown> | undefined) ?? {}),
    ApiError: z.toJSONSchema(ApiError, { target: 'openapi-3.0' }),
  };
  return doc;
}

const usedTags = [...new Set(Object.keys(CONTRACT).map((id) => id.split('.')[0]!))];

export const SWAGGER_OPTIONS: SwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'Caseside team backend',
      version: '1',
      description: 'The team backend of the Caseside extension. Every operation is declared once in utils/api-routes.',
    },
    servers: API_SERVERS.map((s) => ({ ...s })),
    tags: usedTags.map((name) => ({ name, description: TAGS[name] ?? name })),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
  },
  transform: jsonSchemaTransform,
  transformObject: (documentObject) =>
    completeDocument(('openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject) as Document) as never,
};
