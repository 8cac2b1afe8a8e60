import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../server/db/open';
import { seedBenchData, type BenchSeedResult } from '../../server/seed/bench-data';

/**
 * The bench team's year of data (server/seed/bench-data.ts) on one database, for the parts that need it
 * (backend load, reports). PGlite's seeded directory is cached between runs; PostgreSQL gets a fresh
 * throwaway database, dropped by `drop()`.
 *
 * The version in the directory name changes whenever the seed's shape does, so an old cache is never
 * measured as if it were the current data (v2: status and template events carry their data; v3: disputes
 * behind claims and chargebacks; v4: SLA clocks as the panel stores them).
 */
export const SEED_VERSION = 'v4';

export interface SeededDatabase {
  database: 'pglite' | 'postgres';
  seed: BenchSeedResult;
  /** Where a backend process finds the data: a PGlite directory, or DATABASE_URL for PostgreSQL. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** Removes a throwaway PostgreSQL database (nothing for PGlite, whose cache is kept). */
  drop: () => Promise<void>;
}

export interface SeedOptions {
  quick: boolean;
  log: (msg: string) => void;
  postgresUrl?: string;
}

export const seedSize = (quick: boolean) => (quick ? { orders: 20_000, events: 50_000 } : { orders: 200_000, events: 500_000 });

export const pgliteDataDir = (quick: boolean) => `bench/results/.data/pglite-${quick ? 'quick' : 'year'}-${SEED_VERSION}`;

/** Seeds (or reuses) the bench data; undefined when PostgreSQL is not reachable (the caller logs a skip). */
export async function seededDatabase(database: 'pglite' | 'postgres', opts: SeedOptions): Promise<SeededDatabase | undefined> {
  const size = seedSize(opts.quick);
  const progress = (w: string, d: number, n: number) => opts.log(`  seed ${w} ${d}/${n}`);
  if (database === 'pglite') {
    const dataDir = pgliteDataDir(opts.quick);
    // A directory without the marker is what an interrupted seed left behind: start it again.
    const marker = join(dataDir, 'seeded');
    if (existsSync(dataDir) && !existsSync(marker)) rmSync(dataDir, { recursive: true, force: true });
    opts.log(`seeding PGlite in ${dataDir} (reused when present)`);
    const handle = await openDatabase({ dataDir });
    const seed = await seedBenchData(handle.db, { ...size, onProgress: progress });
    await handle.close();
    writeFileSync(marker, `${JSON.stringify({ ...seed, tokens: seed.tokens.length })}\n`);
    return { database, seed, dataDir, env: {}, drop: async () => {} };
  }

  const adminUrl = opts.postgresUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = 'caseside_bench';
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (err) {
    opts.log(`PostgreSQL unreachable at ${adminUrl} (${(err as Error).message}); skipped`);
    return undefined;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  opts.log(`seeding PostgreSQL database ${dbName}`);
  const handle = await openDatabase({ databaseUrl: url.toString() });
  const seed = await seedBenchData(handle.db, { ...size, onProgress: progress });
  await handle.close();
  const drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  };
  return { database, seed, dataDir: 'bench/results/.data/unused', env: { DATABASE_URL: url.toString() }, drop };
}
