import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from './open';

/**
 * Backup and restore of the embedded database (PGlite in `<dataDir>/pglite`) as one gzipped tar of its
 * data directory, taken through PGlite itself so the copy is consistent. The server must be stopped:
 * PGlite allows one process per data directory. PostgreSQL is backed up with its own tools (pg_dump).
 */
export async function backupDataDir(dataDir: string, outFile: string): Promise<{ bytes: number }> {
  const dir = path.resolve(dataDir, 'pglite');
  if (!existsSync(path.join(dir, 'PG_VERSION'))) throw new Error(`No embedded database in ${dataDir} (expected ${dir}).`);
  const pg = new PGlite(dir);
  try {
    // dumpDataDir does not wait for start-up itself; without this the process can end with nothing pending.
    await pg.waitReady;
    const tarball = await pg.dumpDataDir('gzip');
    const bytes = Buffer.from(await tarball.arrayBuffer());
    writeFileSync(outFile, bytes);
    return { bytes: bytes.length };
  } finally {
    await pg.close();
  }
}

/** Restores a backup into a data directory that has no database yet, then opens it once (migrating it to this version). */
export async function restoreDataDir(backupFile: string, dataDir: string): Promise<void> {
  const dir = path.resolve(dataDir, 'pglite');
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} already holds a database; restore into an empty data directory.`);
  mkdirSync(dir, { recursive: true });
  const pg = new PGlite(dir, { loadDataDir: new Blob([readFileSync(backupFile)]) });
  await pg.waitReady;
  await pg.close();
  // A backup from an older version gets this version's migrations now rather than at the next start.
  const handle = await openDatabase({ dataDir });
  await handle.close();
}
