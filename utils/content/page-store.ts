import type { WatchedPage } from './page-watcher';

/** A tiny external store so the watcher (outside React) can feed the panel (inside React). */
export interface PageStore {
  get: () => WatchedPage | null;
  set: (page: WatchedPage | null) => void;
  subscribe: (fn: () => void) => () => void;
}

export function createPageStore(): PageStore {
  let current: WatchedPage | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (page) => {
      current = page;
      for (const fn of listeners) fn();
    },
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
