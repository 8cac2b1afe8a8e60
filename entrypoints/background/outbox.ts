import type { CasesideDatabase, OutboxItem } from './db';

/**
 * Writes (flags, notes, decisions, template insertions) wait here until the backend acknowledges them.
 * Delivery is strictly in creation order: a write that cannot be delivered yet holds back the ones behind
 * it, so "hold" then "release" never arrives reversed. Each write carries an idempotency key, so a write
 * that reached the backend but whose answer was lost is replayed harmlessly.
 */
export type SendOutcome =
  | { ok: true }
  | { ok: false; retryable: boolean; authFailed?: boolean; message: string };

export interface OutboxDeps {
  db: CasesideDatabase;
  send: (item: OutboxItem) => Promise<SendOutcome>;
  now?: () => number;
  onChange?: () => void;
  /** Called after a flush that left writes waiting, with when the next one is due (ms epoch). */
  scheduleRetry?: (atMs: number) => void;
}

export const BASE_BACKOFF_MS = 1_000;
// Short enough that a backend back from a restart sees the waiting writes within seconds, long enough
// not to hammer one that is down.
export const MAX_BACKOFF_MS = 20_000;

export function backoffDelay(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

export type NewOutboxItem = Omit<OutboxItem, 'id' | 'attempts' | 'nextAttemptAt'>;

export class Outbox {
  private flushing: Promise<FlushReport> | null = null;
  private forcedAfter: Promise<FlushReport> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Adds a write; the same idempotency key twice is one write. */
  async enqueue(item: NewOutboxItem): Promise<OutboxItem> {
    const tx = this.deps.db.transaction('outbox', 'readwrite');
    const existing = await tx.store.index('key').get(item.key);
    if (existing) {
      await tx.done;
      return existing;
    }
    const stored: OutboxItem = { ...item, attempts: 0, nextAttemptAt: 0 };
    stored.id = await tx.store.add(stored);
    await tx.done;
    this.deps.onChange?.();
    return stored;
  }

  async list(): Promise<OutboxItem[]> {
    return this.deps.db.getAll('outbox');
  }

  async forOrder(orderId: string): Promise<OutboxItem[]> {
    return this.deps.db.getAllFromIndex('outbox', 'orderId', orderId);
  }

  async counts(): Promise<{ pending: number; failed: number }> {
    const all = await this.list();
    const failed = all.filter((i) => i.failed).length;
    return { pending: all.length - failed, failed };
  }

  /** The earliest time a retry is due, or null when nothing waits. */
  async nextAttemptAt(): Promise<number | null> {
    const waiting = (await this.list()).filter((i) => !i.failed);
    return waiting.length ? Math.min(...waiting.map((i) => i.nextAttemptAt)) : null;
  }

  /** Delivers due writes in order. Concurrent calls share one run. */
  flush(opts: { force?: boolean } = {}): Promise<FlushReport> {
    // A forced flush (the backend is back) must not be swallowed by a running one that stopped at a
    // backoff: it runs right after it.
    if (this.flushing && opts.force) {
      this.forcedAfter ??= this.flushing.then(() => {
        this.forcedAfter = null;
        return this.flush({ force: true });
      });
      return this.forcedAfter;
    }
    if (!this.flushing) {
      this.flushing = this.runFlush(opts.force ?? false)
        .then(async (report) => {
          if (report.stoppedBy === 'offline' || report.stoppedBy === 'backoff') {
            const next = await this.nextAttemptAt();
            if (next !== null) this.deps.scheduleRetry?.(next);
          }
          return report;
        })
        .finally(() => {
          this.flushing = null;
        });
    }
    return this.flushing;
  }

  private async runFlush(force: boolean): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, failed: 0, stoppedBy: null };
    const items = (await this.list()).filter((i) => !i.failed).sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
    for (const item of items) {
      if (!force && item.nextAttemptAt > this.now()) {
        report.stoppedBy = 'backoff';
        break;
      }
      const outcome = await this.deps.send(item);
      if (outcome.ok) {
        await this.deps.db.delete('outbox', item.id!);
        report.sent++;
        this.deps.onChange?.();
        continue;
      }
      if (outcome.retryable || outcome.authFailed) {
        const attempts = item.attempts + 1;
        await this.deps.db.put('outbox', { ...item, attempts, lastError: outcome.message, nextAttemptAt: this.now() + backoffDelay(attempts) });
        report.stoppedBy = outcome.authFailed ? 'auth' : 'offline';
        this.deps.onChange?.();
        break;
      }
      // The backend refused this write for good (e.g. a validation error): keep it, visibly, and go on.
      await this.deps.db.put('outbox', { ...item, attempts: item.attempts + 1, lastError: outcome.message, failed: true });
      report.failed++;
      this.deps.onChange?.();
    }
    return report;
  }
}

export interface FlushReport {
  sent: number;
  failed: number;
  stoppedBy: 'backoff' | 'offline' | 'auth' | null;
}
