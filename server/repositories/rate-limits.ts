import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { rateLimitHits } from '../db/schema';

/** Counts requests per key in fixed windows; `hit` answers the count including this request. */
export interface RateLimitStore {
  hit(key: string, windowStart: Date): Promise<number>;
}

/** One process's counters: enough for the embedded database, which only one process can open. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();

  async hit(key: string, windowStart: Date): Promise<number> {
    const start = windowStart.getTime();
    if (this.counts.size > 50_000) this.prune(start);
    const entry = this.counts.get(key);
    if (!entry || entry.windowStart !== start) {
      this.counts.set(key, { windowStart: start, count: 1 });
      return 1;
    }
    entry.count += 1;
    return entry.count;
  }

  private prune(currentStart: number): void {
    for (const [key, entry] of this.counts) if (entry.windowStart < currentStart) this.counts.delete(key);
  }
}

/**
 * Counters in a table, so every instance behind a load balancer draws on one budget per key. One upsert
 * per key and request; windows older than the previous one are deleted now and then by whichever
 * instance starts a new window.
 */
export class DatabaseRateLimitStore implements RateLimitStore {
  private lastSweptWindow = 0;

  constructor(private readonly db: Database) {}

  async hit(key: string, windowStart: Date): Promise<number> {
    const [row] = await this.db
      .insert(rateLimitHits)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { count: sql`${rateLimitHits.count} + 1` } })
      .returning({ count: rateLimitHits.count });
    if (windowStart.getTime() > this.lastSweptWindow) {
      this.lastSweptWindow = windowStart.getTime();
      await this.db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, windowStart));
    }
    return row!.count;
  }
}
