import { z } from 'zod';
import { CONTRACT, routePath, type BodyOf, type ContractId, type ResponseOf } from '@/utils/api-routes';
import type { ApiRoute } from '@/utils/api-routes/types';
import { ApiError } from '@/utils/schemas/api';
import type { Result } from '@/utils/messaging';
import type { Credentials } from './db';

/**
 * The only caller of the team backend. Every response is schema-checked; every failure becomes error
 * data with a code the panel can act on: `offline` (network or 5xx: retry later), `unauthorized`
 * (sign in again), or the backend's own code.
 */
export interface ApiRequest<T> {
  method: ApiRoute['method'];
  path: string;
  body?: unknown;
  schema: z.ZodType<T>;
  idempotencyKey?: string;
  timeoutMs?: number;
}

export type ApiResult<T> = Result<T> & { status?: number };

export async function callApi<T>(creds: Credentials, req: ApiRequest<T>, fetchImpl: typeof fetch = fetch): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${creds.token}`, Accept: 'application/json' };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  if (req.idempotencyKey) headers['Idempotency-Key'] = req.idempotencyKey;
  let response: Response;
  try {
    response = await fetchImpl(`${creds.backendUrl}${req.path}`, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.timeout(req.timeoutMs ?? 10_000),
      credentials: 'omit',
    });
  } catch (err) {
    const message = err instanceof Error && err.name === 'TimeoutError' ? 'The backend did not answer in time.' : 'The backend cannot be reached.';
    return { ok: false, error: { code: 'offline', message } };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return {
      ok: false,
      status: response.status,
      error: { code: response.status >= 500 ? 'offline' : 'bad_response', message: `The backend answered ${response.status} without JSON.` },
    };
  }
  if (!response.ok) {
    const parsed = ApiError.safeParse(json);
    const error = parsed.success
      ? {
          code: parsed.data.error.code,
          message: parsed.data.error.message,
          ...(parsed.data.error.field === undefined ? {} : { field: parsed.data.error.field }),
          ...(parsed.data.error.details === undefined ? {} : { details: parsed.data.error.details }),
        }
      : { code: response.status === 401 ? 'unauthorized' : 'http_error', message: `The backend answered ${response.status}.` };
    return { ok: false, status: response.status, error };
  }
  const parsed = req.schema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      status: response.status,
      error: {
        code: 'bad_response',
        message: `Unexpected answer from the backend: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
      },
    };
  }
  return { ok: true, status: response.status, data: parsed.data };
}

/** What a call of a contract route fills in: its `:params`, query, body and request options. */
export interface RouteCall<Id extends ContractId> {
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: BodyOf<Id>;
  idempotencyKey?: string;
  timeoutMs?: number;
}

const anyJson = z.unknown();

/**
 * The request for the contract route `id` (utils/api-routes): its method and path with `:params` filled,
 * and its response schema to check the answer with. Throws on a missing or odd parameter (callers pass
 * ids their message schemas have already validated).
 */
export function routeRequest<Id extends ContractId>(id: Id, call: RouteCall<Id> = {}): ApiRequest<ResponseOf<Id>> {
  const route: ApiRoute = CONTRACT[id];
  return {
    method: route.method,
    path: routePath(id, call.params, call.query),
    ...(call.body === undefined ? {} : { body: call.body }),
    schema: (route.response ?? anyJson) as z.ZodType<ResponseOf<Id>>,
    ...(call.idempotencyKey ? { idempotencyKey: call.idempotencyKey } : {}),
    ...(call.timeoutMs ? { timeoutMs: call.timeoutMs } : {}),
  };
}

/** Calls the contract route `id` by name, e.g. `callRoute(creds, 'me.get')`. */
export function callRoute<Id extends ContractId>(
  creds: Credentials,
  id: Id,
  call: RouteCall<Id> = {},
  fetchImpl: typeof fetch = fetch,
): Promise<ApiResult<ResponseOf<Id>>> {
  return callApi(creds, routeRequest(id, call), fetchImpl);
}
