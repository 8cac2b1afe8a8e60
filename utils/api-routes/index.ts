import type { z } from 'zod';
import { ADMIN_ROUTES } from './admin';
import { DISPUTE_ROUTES } from './disputes';
import { PROCESSOR_ROUTES } from './processors';
import { REPORT_ROUTES } from './reports';
import type { ApiRoute } from './types';

/** Every route extension pages may call, by id. Each feature keeps its own table. */
export const API_ROUTES = { ...ADMIN_ROUTES, ...REPORT_ROUTES, ...DISPUTE_ROUTES, ...PROCESSOR_ROUTES } as const;
export type RouteId = keyof typeof API_ROUTES;
export type RouteResponse<R extends RouteId> = (typeof API_ROUTES)[R] extends ApiRoute<infer Res, any> ? Res : never; // eslint-disable-line @typescript-eslint/no-explicit-any
export type RouteBody<R extends RouteId> = (typeof API_ROUTES)[R] extends { body: z.ZodType<infer B> } ? B : never;

export function routeById(id: string): ApiRoute | undefined {
  return Object.hasOwn(API_ROUTES, id) ? (API_ROUTES as Record<string, ApiRoute>)[id] : undefined;
}
