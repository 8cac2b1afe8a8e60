import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { rateLimitHits } from '../db/schema';

/**
 * Counts requests per key in fixed windows; `hit` answers the count including this request. `max` is the
 * key's budget: a store may count cheaply while a key is far below it and exactly near it.
 */
export interface RateLimitStore {
  hit(key: string, windowStart: Date, max: number): Promise<number>;
  /** Writes what is still counted only in memory (the app's close). */
  close?(): Promise<void>;
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

/** How often counts made in memory reach the table (and the other instances' counts come back). */
export const RATE_SYNC_MS = 250;
/** A key is counted in memory while below 1/LOCAL_SHARE of its budget: exact for up to this many instances. */
const LOCAL_SHARE = 4;

type Entry = { windowStart: number; known: number; pending: number };

/**
 * Counters in a table, so every instance behind a load balancer draws on one budget per key, without a
 * write per request: while a key is below a quarter of its budget (by the table's count at its last sync
 * plus this instance's hits since), hits are counted in memory and written for all keys together in one
 * statement every RATE_SYNC_MS, which also brings back the table's count. From a quarter on, every hit is
 * written and answered with the table's count. Up to four instances' unsynced quarters fit in the budget,
 * so it holds exactly for them; beyond, a key can pass by (N - 4) quarters within one sync interval before
 * the exact count refuses it. Windows older than the current one are deleted now and then.
 */
export class DatabaseRateLimitStore implements RateLimitStore {
  private lastSweptWindow = 0;
  private readonly entries = new Map<string, Entry>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private syncing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly syncMs = RATE_SYNC_MS,
  ) {}

  async hit(key: string, windowStart: Date, max: number): Promise<number> {
    const start = windowStart.getTime();
    if (start > this.lastSweptWindow) await this.newWindow(windowStart);
    let entry = this.entries.get(key);
    if (!entry || entry.windowStart !== start) {
      entry = { windowStart: start, known: 0, pending: 0 };
      this.entries.set(key, entry);
    }
    const estimate = entry.known + entry.pending + 1;
    if (estimate * LOCAL_SHARE <= max) {
      entry.pending += 1;
      this.schedule();
      return estimate;
    }
    // Near the budget: this hit and any counted in memory go to the table now, and its count decides.
    const add = entry.pending + 1;
    entry.pending = 0;
    const [row] = await this.db
      .insert(rateLimitHits)
      .values({ key, windowStart, count: add })
      .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { count: sql`${rateLimitHits.count} + ${add}` } })
      .returning({ count: rateLimitHits.count });
    entry.known = Math.max(entry.known, row!.count);
    return row!.count;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.sync();
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.sync();
    }, this.syncMs);
    this.timer.unref();
  }

  /** All keys' hits counted in memory, in one statement; the table's counts come back as the new baseline. */
  private sync(): Promise<void> {
    this.syncing ??= (async () => {
      const batch = [...this.entries].filter(([, e]) => e.pending > 0).map(([key, e]) => ({ key, e, add: e.pending }));
      if (batch.length === 0) return;
      for (const b of batch) b.e.pending -= b.add;
      try {
        const rows = await this.db
          .insert(rateLimitHits)
          .values(batch.map((b) => ({ key: b.key, windowStart: new Date(b.e.windowStart), count: b.add })))
          .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { count: sql`${rateLimitHits.count} + excluded.count` } })
          .returning({ key: rateLimitHits.key, windowStart: rateLimitHits.windowStart, count: rateLimitHits.count });
        for (const row of rows) {
          const entry = this.entries.get(row.key);
          if (entry && entry.windowStart === row.windowStart.getTime()) entry.known = Math.max(entry.known, row.count);
        }
      } catch {
        // The table is unreachable: the hits stay counted here and go with the next sync.
        for (const b of batch) if (this.entries.get(b.key) === b.e) b.e.pending += b.add;
        this.schedule();
      }
    })().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  /** A new window: the previous ones' entries go, and the table's older windows are deleted. */
  private async newWindow(windowStart: Date): Promise<void> {
    this.lastSweptWindow = windowStart.getTime();
    for (const [key, e] of this.entries) if (e.windowStart < this.lastSweptWindow) this.entries.delete(key);
    await this.db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, windowStart));
  }
}
