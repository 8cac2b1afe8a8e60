import type { z } from 'zod';

/**
 * A backend route that extension pages (popup, lead tools, reports) may call through the background
 * worker. Pages name a route by id; they never give a path or see the token. The worker validates the
 * body before sending and the response before answering.
 */
export interface ApiRoute<Res = unknown, Body = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path with `:name` parameters, e.g. `/v1/templates/:id`. */
  path: string;
  response: z.ZodType<Res>;
  body?: z.ZodType<Body>;
  /** Query parameters the page may pass (validated; anything else is refused). */
  query?: z.ZodType<Record<string, string | undefined>>;
}

export function defineRoutes<T extends Record<string, ApiRoute<any, any>>>(routes: T): T { // eslint-disable-line @typescript-eslint/no-explicit-any
  return routes;
}

const PARAM = /^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,100}$/;

/** Builds the request path, refusing missing or odd parameters. */
export function buildPath(route: ApiRoute, params: Record<string, string>, query?: Record<string, string | undefined>): { ok: true; path: string } | { ok: false; message: string } {
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
