import { eq, sum } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open';
import { rateLimitHits } from '../db/schema';
import { testDatabases } from '../../tests/server/databases';
import { DatabaseRateLimitStore } from './rate-limits';

describe.each(testDatabases())('the shared rate-limit store on $kind', (target) => {
  let db: Database;
  const window = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  let n = 0;
  const key = () => `t:test-${Date.now()}-${n++}`;
  const stored = async (k: string) =>
    Number(
      (
        await db
          .select({ n: sum(rateLimitHits.count) })
          .from(rateLimitHits)
          .where(eq(rateLimitHits.key, k))
      )[0]?.n ?? 0,
    );

  beforeAll(async () => {
    db = (await target.open()).db;
  });
  afterAll(async () => {
    await target.dispose();
  });

  it('counts far below the budget in memory and writes all keys together, not once per request', async () => {
    const store = new DatabaseRateLimitStore(db, 60_000);
    const [a, b] = [key(), key()];
    for (let i = 1; i <= 20; i++) expect(await store.hit(a, window, 1000)).toBe(i);
    await store.hit(b, window, 1000);
    expect(await stored(a)).toBe(0);
    await store.close();
    expect(await stored(a)).toBe(20);
    expect(await stored(b)).toBe(1);
  });

  it('syncs on its own within the interval, bringing back what other instances counted', async () => {
    const other = new DatabaseRateLimitStore(db, 60_000);
    const one = new DatabaseRateLimitStore(db, 20);
    const k = key();
    for (let i = 0; i < 7; i++) await other.hit(k, window, 1000);
    await other.close();
    for (let i = 0; i < 5; i++) await one.hit(k, window, 1000);
    expect(await stored(k)).toBe(7);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await stored(k)).toBe(12);
    // Its sync brought back the table's 12 (the other's 7 with its own 5): the next hit answers 13, not 6.
    expect(await one.hit(k, window, 1000)).toBe(13);
    await one.close();
  });

  it('holds the budget exactly across instances from half of it on', async () => {
    const one = new DatabaseRateLimitStore(db, 60_000);
    const two = new DatabaseRateLimitStore(db, 60_000);
    const k = key();
    const max = 10;
    const counts: number[] = [];
    // Alternating, neither ever syncing on its own: each counts locally up to a quarter, then asks the table.
    for (let i = 0; i < 14; i++) counts.push(await (i % 2 === 0 ? one : two).hit(k, window, max));
    const refused = counts.filter((c) => c > max).length;
    // 14 hits on a budget of 10: exactly 4 refused, whatever the interleaving.
    expect(refused).toBe(4);
    await one.close();
    await two.close();
    expect(await stored(k)).toBe(14);
  });
});
