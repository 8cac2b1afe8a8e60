import type { z } from 'zod';

/**
 * What every backend-served page shares: the token in this tab's sessionStorage (never in the URL, gone
 * when the tab closes), requests to this origin with the Bearer header, answers checked by their schema.
 */

const TOKEN_KEY = 'caseside.token';

export const tokenStore = {
  get: (): string => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (token: string): void => sessionStorage.setItem(TOKEN_KEY, token),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

export type ApiAnswer<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string; field?: string };

export async function callApi<T>(token: string, method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown): Promise<ApiAnswer<T>> {
  try {
    const res = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const error = (json as { error?: { message?: unknown; field?: unknown } } | null)?.error;
      const message = typeof error?.message === 'string' ? error.message : `HTTP ${res.status}`;
      return { ok: false, status: res.status, message, ...(typeof error?.field === 'string' ? { field: error.field } : {}) };
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, status: res.status, data: parsed.data } : { ok: false, status: res.status, message: 'unexpected answer' };
  } catch (err) {
    return { ok: false, status: 0, message: err instanceof Error ? err.message : String(err) };
  }
}

export const newIdempotencyKey = (): string => `web_${crypto.randomUUID().replaceAll('-', '')}`;
