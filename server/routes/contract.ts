import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyContextConfig,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CONTRACT, type ContractId, type ContractRoute } from '../../utils/api-routes';
import { operationIdOf, type ApiRoute } from '../../utils/api-routes/types';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract id the route was registered from (utils/api-routes). */
    routeId?: string;
  }
}

type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

type None = Record<never, never>;
type Part<D, K extends string, Out extends string> = D extends { [P in K]: infer S extends z.ZodType } ? { [P in Out]: S } : None;
type Statuses<D> = D extends { success: readonly (infer S extends number)[] } ? S : 200;
type ResponsePart<D> = D extends { response: infer R extends z.ZodType } ? { response: { [S in Statuses<D>]: R } } : None;

/** The Fastify schema a declaration becomes, so handlers are typed from the contract's zod schemas. */
export type SchemaOf<D> = Part<D, 'params', 'params'> &
  Part<D, 'query', 'querystring'> &
  Part<D, 'body', 'body'> &
  Part<D, 'headers', 'headers'> &
  ResponsePart<D>;

type HandlerOf<D> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  SchemaOf<D>,
  ZodTypeProvider
>;
export type ContractHandler<Id extends ContractId> = HandlerOf<ContractRoute<Id>>;

export interface ServeOptions {
  /** A larger body limit than the app's 1 MB (attachments, CSV imports, webhooks). */
  bodyLimit?: number;
  /** A description built at start-up (it names a configured limit). */
  description?: string;
}

/** The route options a declaration stands for: method, path, access, schemas, summary and operation id. */
export function routeOptionsOf(id: ContractId): { method: ApiRoute['method']; url: string; config: FastifyContextConfig; schema: Record<string, unknown> } {
  const def = (CONTRACT as Record<string, ApiRoute>)[id]!;
  const response = def.response ? Object.fromEntries((def.success ?? [200]).map((status) => [status, def.response!])) : undefined;
  return {
    method: def.method,
    url: def.path,
    config: { routeId: id, ...(def.access && def.access !== 'agent' ? { access: def.access } : {}) },
    schema: {
      summary: def.summary,
      operationId: operationIdOf(id),
      tags: [id.split('.')[0]!],
      ...(def.description ? { description: def.description } : {}),
      ...(def.hide ? { hide: true } : {}),
      ...(def.access === 'public' ? { security: [] } : {}),
      ...(def.params ? { params: def.params } : {}),
      ...(def.query ? { querystring: def.query } : {}),
      ...(def.body ? { body: def.body } : {}),
      ...(def.headers ? { headers: def.headers } : {}),
      ...(response ? { response } : {}),
    },
  };
}

/**
 * Registers the contract route `id` with `handler`: the method, path, access, schemas, summary and
 * operation id all come from its declaration in utils/api-routes, so no route spells its own path.
 */
export function serve<Id extends ContractId>(app: ZodApp, id: Id, handler: ContractHandler<Id>, options: ServeOptions = {}): void {
  const route = routeOptionsOf(id);
  // The handler's types were checked against the declaration above; Fastify needs no inference here.
  (app as unknown as FastifyInstance).route({
    ...route,
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    schema: { ...route.schema, ...(options.description ? { description: options.description } : {}) },
    handler: handler as unknown as RouteHandlerMethod,
  });
}
