import type { RouteBody, RouteId, RouteResponse } from './api-routes';
import { sendRequest, type Result } from './messaging';

/**
 * Typed calls from extension pages to the team backend, through the background worker (which holds the
 * token). Errors come back as data: `{ ok: false, error: { code, message } }`.
 */
export async function apiRequest<R extends RouteId>(
  route: R,
  opts: { params?: Record<string, string>; query?: Record<string, string>; body?: RouteBody<R> } = {},
): Promise<Result<RouteResponse<R>>> {
  const res = await sendRequest({
    type: 'api:request',
    route,
    params: opts.params ?? {},
    ...(opts.query ? { query: opts.query } : {}),
    ...(opts.body === undefined ? {} : { body: opts.body }),
  });
  return res as Result<RouteResponse<R>>;
}
