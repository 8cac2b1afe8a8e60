import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { PgListener } from './pg-listener';
import { PGliteThread } from './pglite-thread';
import * as schema from './schema';

/** The one Drizzle type repositories use, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = 'pglite' | 'postgres';

/**
 * Called with the payload of every NOTIFY on a channel; returns a function that stops listening.
 * `onResume` is called when listening resumes after a lost connection (PostgreSQL only): notifications
 * sent in between were lost, so whoever keeps state from them should assume it missed some.
 */
export type ListenFn = (channel: string, onPayload: (payload: string) => void, onResume?: () => void) => Promise<() => Promise<void>>;

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** LISTEN on a channel: one dedicated connection for all channels on PostgreSQL, PGlite's own listen in-process. */
  listen: ListenFn;
  /**
   * How another worker thread reaches this database without its rows passing through this thread
   * (db/thread-link.ts openLinkedDatabase): a port to PGlite's thread, or PostgreSQL's URL.
   */
  connectThread(): Promise<ThreadLink>;
  close(): Promise<void>;
}

/** What a worker thread is handed to open the server's database itself (transfer `port` when present). */
export type ThreadLink = { kind: 'pglite'; port: MessagePort } | { kind: 'postgres'; url: string };

export interface DatabaseOptions {
  /** postgres:// URL: use that server. Otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite's directory; undefined keeps the database in memory (tests). */
  dataDir?: string;
}

// A path built from the module's own file path (not `new URL`), so it also works under DOM test environments.
const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any fixed number: instances starting together on one server take turns to migrate. */
const MIGRATION_LOCK_KEY = 7_412_001;

const handles = new WeakMap<Database, DatabaseHandle>();

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  handles.set(handle.db, handle);
  return handle;
}

/** The handle a `db` came from, so code given only `db` (buildApp) can still LISTEN and tell the kind. */
export function handleOf(db: Database): DatabaseHandle {
  const handle = handles.get(db);
  if (!handle) throw new Error('This database was not opened with openDatabase().');
  return handle;
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  let dir: string | undefined;
  if (dataDir) {
    dir = path.resolve(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  // On its own thread: PGlite runs SQL synchronously, and the server's event loop must stay free (and
  // keep accepting connections: each answer arrives as a message, so the loop polls I/O in between).
  const client = await PGliteThread.open(dir);
  // Drizzle's PGlite driver uses query() and transaction() of this interface, which the thread provides.
  const db = drizzlePglite({ client: client as unknown as PGlite, schema });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (err) {
    await client.close();
    throw err;
  }
  return {
    db,
    kind: 'pglite',
    connectThread: async () => ({ kind: 'pglite', port: await client.connect() }),
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePostgres({ client: pool, schema });
  // LISTEN needs a connection of its own that stays open (a pooled one would be handed to others); one
  // serves every channel (live events, sessions, team configuration), opened on the first LISTEN.
  const listener = new PgListener(url);
  try {
    await migrateWithLock(url, () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER }));
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    db,
    kind: 'postgres',
    connectThread: async () => ({ kind: 'postgres', url }),
    listen: (channel, onPayload, onResume) => listener.listen(channel, onPayload, onResume),
    async close() {
      await listener.stop();
      await pool.end();
    },
  };
}

async function migrateWithLock(url: string, run: () => Promise<void>): Promise<void> {
  const lockClient = new pg.Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await run();
  } finally {
    await lockClient.end().catch(() => {});
  }
}
