import { useCallback, useEffect, useState } from 'react';
import type { RouteBody, RouteId, RouteResponse } from '@/utils/api-routes';
import type { Result } from '@/utils/messaging';

/**
 * How the lead tools reach the backend: the page passes `apiRequest` (utils/api-client.ts), tests pass
 * a fake. Components never call `browser.*` themselves.
 */
export type ApiCall = <R extends RouteId>(
  route: R,
  opts?: { params?: Record<string, string>; query?: Record<string, string>; body?: RouteBody<R> },
) => Promise<Result<RouteResponse<R>>>;

export type LoadState<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; value: T };

/** Loads once (and again on `reload`); an error is shown with a retry, never thrown. */
export function useLoad<T>(load: () => Promise<Result<T>>): { state: LoadState<T>; reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void load().then((res) => {
      if (!live) return;
      setState(res.ok ? { kind: 'ready', value: res.data } : { kind: 'error', message: res.error.message });
    });
    return () => {
      live = false;
    };
  }, [load, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { state, reload };
}
