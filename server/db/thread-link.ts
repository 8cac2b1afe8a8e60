import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, ThreadLink } from './open';
import { PGliteThread } from './pglite-thread';
import * as schema from './schema';

/**
 * The server's database, opened on a worker thread from what `DatabaseHandle.connectThread()` gave it:
 * heavy reads (the back-test's) run there, so their rows are parsed (PostgreSQL) or received (PGlite)
 * on that thread, never on the server's event loop. No migrations: the server has run them.
 * On PostgreSQL it is one connection of its own, outside the server's pool.
 */
export async function openLinkedDatabase(link: ThreadLink): Promise<{ db: Database; close: () => Promise<void> }> {
  if (link.kind === 'pglite') {
    const client = PGliteThread.overPort(link.port);
    return { db: drizzlePglite({ client: client as unknown as PGlite, schema }), close: () => client.close() };
  }
  const pool = new pg.Pool({ connectionString: link.url, max: 1 });
  // A connection lost while idle must not end the thread; the next query reports it.
  pool.on('error', () => {});
  return { db: drizzlePostgres({ client: pool, schema }), close: () => pool.end() };
}
