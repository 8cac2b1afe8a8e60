import type { MessagePort } from 'node:worker_threads';

/**
 * Messages between the server's main thread and the worker thread that runs the embedded database
 * (db/pglite-thread.ts and db/pglite-thread-entry.ts). Both sides are this repository's code, so the
 * shapes are types, not schemas: nothing here comes from outside the process.
 */

/** Options of PGlite's `query` that cross the thread: functions cannot, so parsers travel as type ids. */
export interface QueryOptions {
  rowMode?: 'array' | 'object';
  /** Type ids whose text is returned as is (Drizzle's parsers for dates and intervals do exactly that). */
  rawTypes?: number[];
}

export type Request =
  | { id: number; op: 'query'; sql: string; params: unknown[]; options: QueryOptions; tx?: number }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  /** Opens a transaction; the answer comes once it holds the database, with its id. */
  | { id: number; op: 'begin' }
  /** Ends transaction `tx`: commit, or roll back; the answer comes once it has ended. */
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; listener: number }
  | { id: number; op: 'close' }
  /** Serves `port` too (another thread's connection): its statements join the same queue. */
  | { id: number; op: 'port'; port: MessagePort };

/** A database error's fields (code, detail, constraint, ...) survive the crossing. */
export interface ErrorShape {
  message: string;
  name: string;
  fields: Record<string, unknown>;
}

export type Reply =
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: ErrorShape }
  | { kind: 'notify'; listener: number; payload: string }
  /** The database could not be opened (sent once, instead of 'ready'). */
  | { kind: 'failed'; error: ErrorShape }
  | { kind: 'ready' };

export interface ThreadData {
  /** PGlite's directory; undefined keeps the database in memory. */
  dataDir?: string;
}

export function errorShape(err: unknown): ErrorShape {
  if (!(err instanceof Error)) return { message: String(err), name: 'Error', fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(err)) {
    if (value === undefined || typeof value === 'function') continue;
    // Keep what can be cloned to the other thread; drop the rest (a socket, a buffer view of the heap).
    if (value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value)) fields[key] = value;
  }
  return { message: err.message, name: err.name, fields };
}
