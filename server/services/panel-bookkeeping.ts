import type { FraudScore } from '../../utils/schemas/fraud';
import type { PageContext } from '../../utils/schemas/page';
import type { Database } from '../db/open';
import { touchOrdersSeen, type OrderSeen } from '../repositories/orders';
import { pageHealthSighting, recordPageHealthBatch, type PageHealthSighting } from '../repositories/page-health';
import { upsertFraudSignalsBatch, type FraudSignalRow } from '../repositories/reports-signals';

/**
 * What a panel load notes down besides answering: pages the adapter could not fully read (page health),
 * the indicators that fired on the order (fraud report), and when the order was last seen. None of it
 * changes the answer, so it is gathered in memory and written in one transaction per FLUSH_MS instead of
 * on each request.
 *
 * Idempotent and not lost: sightings of one key are merged in memory (counts add up, the latest
 * fraud score and sighting win), a flush either commits all of it or puts it back to be merged with what
 * arrived meanwhile, and closing the server flushes what is left. A crash loses at most the last second.
 * Readers of these tables (the page-health route, the fraud report) call `flush` first, so a lead sees
 * what this instance has heard.
 */
const FLUSH_MS = 1_000;
/** A burst is written early rather than held in memory. */
const MAX_PENDING = 2_000;

export class PanelBookkeeping {
  private pageHealth = new Map<string, PageHealthSighting>();
  private signals = new Map<string, FraudSignalRow>();
  private seen = new Map<string, OrderSeen>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  notePage(teamId: string, ctx: PageContext, now: Date): void {
    const sighting = pageHealthSighting(teamId, ctx, now);
    if (!sighting) return;
    const key = `${teamId}|${sighting.signature}`;
    const earlier = this.pageHealth.get(key);
    this.pageHealth.set(key, earlier ? mergeSightings(earlier, sighting) : sighting);
    this.schedule();
  }

  noteFraud(teamId: string, orderId: string, score: Pick<FraudScore, 'score' | 'fired'>, at: Date): void {
    for (const f of score.fired) {
      const key = `${teamId}|${orderId}|${f.indicator}`;
      const earlier = this.signals.get(key);
      if (earlier && earlier.scoredAt > at) continue;
      this.signals.set(key, { teamId, orderId, indicator: f.indicator, points: f.points, score: score.score, scoredAt: at });
    }
    if (score.fired.length > 0) this.schedule();
  }

  noteOrderSeen(teamId: string, portal: string, orderId: string, at: Date): void {
    const key = `${teamId}|${portal}|${orderId}`;
    const earlier = this.seen.get(key);
    if (!earlier || earlier.at < at) this.seen.set(key, { teamId, portal, orderId, at });
    this.schedule();
  }

  get pending(): number {
    return this.pageHealth.size + this.signals.size + this.seen.size;
  }

  /** Writes everything noted so far (waits for a flush already under way, then writes what came since). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => {});
    if (this.pending === 0) return;
    this.flushing = this.writeOnce().finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  /** Flushes and stops the timer (the server is closing: nothing is noted after this). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.pending >= MAX_PENDING) {
      this.flush().catch(this.onError);
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(this.onError);
    }, FLUSH_MS);
    this.timer.unref();
  }

  private async writeOnce(): Promise<void> {
    const pageHealth = this.pageHealth;
    const signals = this.signals;
    const seen = this.seen;
    this.pageHealth = new Map();
    this.signals = new Map();
    this.seen = new Map();
    try {
      await this.db.transaction(async (tx) => {
        await recordPageHealthBatch(tx, [...pageHealth.values()]);
        await upsertFraudSignalsBatch(tx, [...signals.values()]);
        await touchOrdersSeen(tx, [...seen.values()]);
      });
    } catch (err) {
      // Nothing was written: put it back, merged with what arrived during the attempt, for the next flush.
      for (const [key, s] of pageHealth) {
        const later = this.pageHealth.get(key);
        this.pageHealth.set(key, later ? mergeSightings(s, later) : s);
      }
      for (const [key, s] of signals) if (!this.signals.has(key)) this.signals.set(key, s);
      for (const [key, s] of seen) {
        const later = this.seen.get(key);
        if (!later || later.at < s.at) this.seen.set(key, s);
      }
      this.schedule();
      throw err;
    }
  }
}

function mergeSightings(a: PageHealthSighting, b: PageHealthSighting): PageHealthSighting {
  const [older, newer] = a.lastSeen <= b.lastSeen ? [a, b] : [b, a];
  return { ...newer, count: a.count + b.count, firstSeen: older.firstSeen < newer.firstSeen ? older.firstSeen : newer.firstSeen };
}

const books = new WeakMap<Database, PanelBookkeeping>();

/** The bookkeeping of one database (one per app); created on first use. */
export function panelBookkeeping(db: Database, onError?: (err: unknown) => void): PanelBookkeeping {
  let book = books.get(db);
  if (!book) books.set(db, (book = new PanelBookkeeping(db, onError)));
  return book;
}

/** Flushes the database's bookkeeping if it has any (readers call this before reading its tables). */
export async function flushPanelBookkeeping(db: Database): Promise<void> {
  await books.get(db)?.flush();
}
