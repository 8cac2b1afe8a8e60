import type { z } from 'zod';
import { ADMIN_ROUTES } from './admin';
import { CASE_ROUTES } from './cases';
import { DISPUTE_ROUTES } from './disputes';
import { HANDOFF_ROUTES } from './handoffs';
import { PAYMENT_ROUTES } from './payments';
import { PROCESSOR_ROUTES } from './processors';
import { REPORT_ROUTES } from './reports';
import { SOP_ROUTES } from './sops';
import { TEAM_ROUTES } from './team';
import { buildPath, type ApiRoute, type DeclaredRoute } from './types';

/**
 * The contract: every backend operation, by id, each declared once. The server registers its routes from
 * it, the worker calls them by id, and /openapi.json is generated from it. Each feature keeps its own table.
 */
export const CONTRACT = {
  ...TEAM_ROUTES,
  ...CASE_ROUTES,
  ...ADMIN_ROUTES,
  ...REPORT_ROUTES,
  ...DISPUTE_ROUTES,
  ...PROCESSOR_ROUTES,
  ...PAYMENT_ROUTES,
  ...HANDOFF_ROUTES,
  ...SOP_ROUTES,
} as const;
export type ContractId = keyof typeof CONTRACT;
export type ContractRoute<Id extends ContractId> = (typeof CONTRACT)[Id];

/** Where the backend answers: the one `npm start` runs; a team's own backend answers at its own address. */
export const API_SERVERS = [
  { url: 'http://127.0.0.1:8787', description: 'The backend started by `npm start` (a team runs its own at its own address)' },
] as const;

/** The ids of the routes extension pages may call through the worker (`pages: true`). */
export type RouteId = { [K in ContractId]: ContractRoute<K> extends { pages: true } ? K : never }[ContractId];

/** Every route extension pages may call, by id. */
export const API_ROUTES = Object.fromEntries(Object.entries(CONTRACT).filter(([, r]) => (r as ApiRoute).pages === true)) as {
  [K in RouteId]: ContractRoute<K>;
};

export type ResponseOf<Id extends ContractId> = ContractRoute<Id> extends { response: z.ZodType<infer Res> } ? Res : never;
export type BodyOf<Id extends ContractId> = ContractRoute<Id> extends { body: z.ZodType } ? z.input<ContractRoute<Id>['body']> : never;
export type RouteResponse<R extends RouteId> = ResponseOf<R>;
export type RouteBody<R extends RouteId> = ContractRoute<R> extends { body: z.ZodType<infer B> } ? B : never;

/** A route extension pages may call; undefined for any other id. */
export function routeById(id: string): ApiRoute | undefined {
  return Object.hasOwn(API_ROUTES, id) ? (API_ROUTES as Record<string, ApiRoute>)[id] : undefined;
}

/** The declaration of a contract route by id. */
export function contractRoute(id: ContractId): DeclaredRoute {
  return CONTRACT[id];
}

/**
 * The path of a contract route with its `:params` filled (and an optional query string). Throws on a
 * missing or odd parameter: callers pass ids they have already validated.
 */
export function routePath(id: ContractId, params: Record<string, string> = {}, query?: Record<string, string | undefined>): string {
  const built = buildPath(CONTRACT[id], params, query);
  if (!built.ok) throw new Error(`${id}: ${built.message}`);
  return built.path;
}
