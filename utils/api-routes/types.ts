import type { z } from 'zod';

/**
 * Who may call a route: anyone (public), any agent or lead of a team (the default), the team's leads only,
 * or also a receiver (an internal team's member; the route itself bounds what a receiver sees).
 */
export type RouteAccess = 'public' | 'agent' | 'lead' | 'receiver';
/** The error answers an operation may give, each an `ApiError` body (utils/schemas/api.ts). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 502 | 503;

/**
 * One backend operation, declared once: the server registers its route from it (server/routes/contract.ts),
 * the worker calls it by id (entrypoints/background/api.ts), and /openapi.json describes it.
 *
 * Routes marked `pages: true` are the ones extension pages (popup, lead tools, reports) may call through
 * the background worker: pages name a route by id; they never give a path or see the token. The worker
 * validates the body before sending and the response before answering.
 */
export interface ApiRoute<Res = unknown, Body = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with `:name` parameters, e.g. `/v1/templates/:id`. */
  path: string;
  /** One line for the API description (required of every declaration: see defineRoutes). */
  summary?: string;
  description?: string;
  /** Who may call it; `agent` when not given. */
  access?: RouteAccess;
  params?: z.ZodType;
  /** Query parameters (validated; anything else is refused). */
  query?: z.ZodType;
  body?: z.ZodType<Body>;
  headers?: z.ZodType;
  /** The JSON answer; absent for the routes that answer with a document or a stream (`produces`). */
  response?: z.ZodType<Res>;
  /** Success statuses of `response`; [200] when not given (201 for a creation, [200, 201] for a replayable write). */
  success?: readonly (200 | 201)[];
  /** The media type of a non-JSON answer. */
  produces?:
    | 'application/pdf'
    | 'text/javascript'
    | 'text/plain'
    | 'text/csv'
    | 'text/html'
    | 'text/event-stream'
    | 'application/octet-stream'
    | 'application/json'
    | 'image/png';
  /** The media type of a non-JSON request body (the route parses it itself). */
  consumes?: 'text/csv' | 'application/json';
  /** Error answers beyond those that follow from the declaration (see errorStatuses). */
  errors?: readonly ErrorStatus[];
  /** Extension pages may call it by id through the worker. */
  pages?: true;
  /** Left out of /openapi.json (the description itself, the static reports page). */
  hide?: true;
}

/** A declaration in the contract: a route with its summary. */
export type DeclaredRoute = ApiRoute<any, any> & { summary: string }; // eslint-disable-line @typescript-eslint/no-explicit-any

export function defineRoutes<const T extends Record<string, DeclaredRoute>>(routes: T): T {
  return routes;
}

/** `fraud.matrix.get` becomes `fraudMatrixGet`. */
export function operationIdOf(id: string): string {
  return id.replace(/[.-]([a-zA-Z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The error answers of an operation: 400 when it takes any input, 401 unless public, 403 for leads-only,
 * 404 when the path names a stored thing by id, 413 when it takes a body, 429 always (every request counts
 * against the per-address budget), plus those it declares (409 conflicts, 503 abandoned work).
 */
export function errorStatuses(route: ApiRoute): ErrorStatus[] {
  const out = new Set<ErrorStatus>();
  const hasBody = route.body !== undefined || route.consumes !== undefined;
  if (route.params || route.query || route.headers || hasBody) out.add(400);
  if ((route.access ?? 'agent') !== 'public') out.add(401);
  // A receiver's token is refused (403) on every route that does not serve receivers.
  if ((route.access ?? 'agent') === 'agent' || route.access === 'lead') out.add(403);
  if (/:(id|attachmentId)\b/.test(route.path)) out.add(404);
  if (hasBody) out.add(413);
  out.add(429);
  for (const status of route.errors ?? []) out.add(status);
  return [...out].sort((a, b) => a - b);
}

const PARAM = /^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,100}$/;

/** Builds the request path, refusing missing or odd parameters. */
export function buildPath(
  route: Pick<ApiRoute, 'path'>,
  params: Record<string, string>,
  query?: Record<string, string | undefined>,
): { ok: true; path: string } | { ok: false; message: string } {
  let missing: string | null = null;
  const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || !PARAM.test(value)) {
      missing = name;
      return '';
    }
    return encodeURIComponent(value);
  });
  if (missing) return { ok: false, message: `route parameter "${missing}" is missing or invalid` };
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') search.set(k, v);
  const qs = search.toString();
  return { ok: true, path: qs ? `${path}?${qs}` : path };
}
