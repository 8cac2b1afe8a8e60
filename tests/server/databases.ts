import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../server/db/open';

/**
 * The databases a server test file runs against: PGlite (in memory) always, and a fresh PostgreSQL
 * database when DATABASE_URL is set. Use with `describe.each(testDatabases())`; open once per file
 * (PGlite takes seconds to start) and call `dispose()` in afterAll.
 */
export interface TestDatabase {
  kind: DatabaseKind;
  /** Opens (and migrates) a new handle. For PostgreSQL every call in one file shares one fresh database. */
  open(): Promise<DatabaseHandle>;
  /** Closes every handle opened here and drops the PostgreSQL database. */
  dispose(): Promise<void>;
  /** The PostgreSQL URL of the fresh database, once opened. */
  url?: string;
}

let skipNoticePrinted = false;

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [pgliteTarget()];
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) list.push(postgresTarget(serverUrl));
  else if (!skipNoticePrinted) {
    skipNoticePrinted = true;
    console.warn('[server tests] DATABASE_URL is not set: PostgreSQL runs are SKIPPED, PGlite only.');
  }
  return list;
}

function pgliteTarget(): TestDatabase {
  const handles: DatabaseHandle[] = [];
  return {
    kind: 'pglite',
    async open() {
      const handle = await openDatabase({});
      handles.push(handle);
      return handle;
    },
    async dispose() {
      await Promise.all(handles.map((h) => h.close()));
    },
  };
}

function postgresTarget(serverUrl: string): TestDatabase {
  const handles: DatabaseHandle[] = [];
  const name = `caseside_t_${randomBytes(6).toString('hex')}`;
  let created: Promise<string> | undefined;
  const target: TestDatabase = {
    kind: 'postgres',
    async open() {
      created ??= createDatabase(serverUrl, name);
      target.url = await created;
      const handle = await openDatabase({ databaseUrl: target.url });
      handles.push(handle);
      return handle;
    },
    async dispose() {
      await Promise.all(handles.map((h) => h.close()));
      if (created) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
  return target;
}

async function createDatabase(serverUrl: string, name: string): Promise<string> {
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
