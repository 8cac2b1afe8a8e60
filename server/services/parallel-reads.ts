import { handleOf, type Database } from '../db/open';

/**
 * Runs independent reads together when `db` is a pool (PostgreSQL hands each to its own connection) and
 * one after another when it is a transaction: a transaction is one connection, and node-postgres warns
 * ("client is already executing a query") and queues when it is given a second query before the first
 * answers. PGlite is one connection either way; it queues the same, so nothing is lost there.
 */
export function isTransaction(db: Database): boolean {
  try {
    handleOf(db);
    return false;
  } catch {
    return true;
  }
}

type Thunks = readonly (() => Promise<unknown>)[];
type Results<T extends Thunks> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

export async function readTogether<const T extends Thunks>(db: Database, reads: T): Promise<Results<T>> {
  if (!isTransaction(db)) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as Results<T>;
}
