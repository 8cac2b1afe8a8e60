import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/open';

/** The filters every report query applies; `agentId` is already forced to the caller for agents. */
export interface ReportFilter {
  teamId: string;
  /** Inclusive start instant (UTC midnight of the first day). */
  from: Date;
  /** Exclusive end instant (UTC midnight after the last day). */
  to: Date;
  marketplace: string | null;
  agentId: string | null;
}

/** Rows of a raw query; both drivers (PGlite and node-postgres) answer `{ rows }`. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** `and <column> = <marketplace>` when the filter names one; nothing otherwise. */
export function marketplaceClause(column: SQL, marketplace: string | null): SQL {
  return marketplace === null ? sql`` : sql` and ${column} = ${marketplace}`;
}

/** Numbers from aggregates: node-postgres hands back float8 as number but int8/numeric as strings. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

/**
 * Runs one report's queries in one read-only snapshot (its tables agree with each other even while the
 * team keeps writing), with room to sort a year of cases in memory rather than in temporary files.
 * work_mem is per sort, for this transaction only.
 */
export async function inReportSnapshot<T>(db: Database, run: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local work_mem = '32MB'`);
      return run(tx as unknown as Database);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
