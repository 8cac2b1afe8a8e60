import { z } from 'zod';
import type { Result } from '@/utils/messaging';
import { buildPath } from '@/utils/api-routes/types';
import { routeById } from '@/utils/api-routes';
import { SIGNED_OUT, type Session } from '../session';
import { defineHandler } from './define';

/**
 * Extension pages call backend routes by id only (see apiRequest in utils/api-client.ts); the body is
 * checked against the route's schema before sending and the answer against its response schema, which
 * differs by route, so the reply itself is passed on as checked there.
 */
export const apiRequest = defineHandler('api:request', z.unknown(), (req, { session }) => callPageRoute(session, req.route, req.params, req.query, req.body));

export async function callPageRoute(
  session: Session,
  routeId: string,
  params: Record<string, string>,
  query: Record<string, string> | undefined,
  body: unknown,
): Promise<Result<unknown>> {
  const route = routeById(routeId);
  if (!route) return { ok: false, error: { code: 'unknown_route', message: `No such backend route: ${routeId}` } };
  const creds = await session.credentials();
  if (!creds) return { ok: false, error: { ...SIGNED_OUT } };
  // The query is checked against the route's own schema and sent as the page gave it.
  if (query && route.query) {
    const checked = route.query.safeParse(query);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return { ok: false, error: { code: 'invalid_request', message: `query.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` } };
    }
  }
  const path = buildPath(route, params, query && route.query ? query : undefined);
  if (!path.ok) return { ok: false, error: { code: 'invalid_request', message: path.message } };
  let payload: unknown = undefined;
  if (route.body) {
    const parsed = route.body.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: { code: 'invalid_request', message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` } };
    }
    payload = parsed.data;
  }
  const res = await session.call({ method: route.method, path: path.path, body: payload, schema: route.response ?? z.unknown() });
  return res.ok ? { ok: true, data: res.data } : { ok: false, error: res.error };
}
