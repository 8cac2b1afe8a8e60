import { backoffDelay } from '@/utils/backoff';
import type { CasesideDatabase, OutboxFailure, OutboxItem } from './db';
import { classifyFailure, MAX_SERVER_ERRORS, type SendFailure } from './outbox-failure';

/**
 * Writes (flags, notes, decisions, template insertions) wait here until the backend acknowledges them.
 * Delivery is in creation order: while the backend is unreachable the head holds back the ones behind it,
 * so "hold" then "release" never arrives reversed. A write the backend refuses (4xx) or keeps failing on
 * is set aside (kept, with the backend's reason) and the rest go on: one poison write never jams the queue.
 * Each write carries an idempotency key, so a write that reached the backend but whose answer was lost is
 * replayed harmlessly.
 */
export type SendOutcome = { ok: true } | SendFailure;

export interface OutboxDeps {
  db: CasesideDatabase;
  send: (item: OutboxItem) => Promise<SendOutcome>;
  now?: () => number;
  onChange?: () => void;
  /** Called after a flush that left writes waiting, with when the next one is due (ms epoch). */
  scheduleRetry?: (atMs: number) => void;
  /** Whose writes may be sent and shown now (ownerOf the signed-in credentials); without it, everyone's. */
  currentOwner?: () => Promise<string | undefined>;
}

export const BASE_BACKOFF_MS = 1_000;
// Short enough that a backend back from a restart sees the waiting writes within seconds, long enough
// not to hammer one that is down.
export const MAX_BACKOFF_MS = 20_000;

export function outboxBackoff(attempts: number): number {
  return backoffDelay(attempts, { baseMs: BASE_BACKOFF_MS, maxMs: MAX_BACKOFF_MS });
}

export type NewOutboxItem = Omit<OutboxItem, 'id' | 'attempts' | 'nextAttemptAt'>;

export type ResendResult = { ok: true; item: OutboxItem } | { ok: false; code: 'not_found' | 'not_editable'; message: string };

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

  /** A filter keeping the writes of whoever is signed in now (and those made before authors were kept). */
  private async mine(): Promise<(item: OutboxItem) => boolean> {
    if (!this.deps.currentOwner) return () => true;
    const current = await this.deps.currentOwner();
    return (item) => item.owner === undefined || item.owner === current;
  }

  /** The signed-in person's writes (another person's are neither sent, shown nor changed). */
  async list(): Promise<OutboxItem[]> {
    const mine = await this.mine();
    return (await this.deps.db.getAll('outbox')).filter(mine);
  }

  async forOrder(orderId: string): Promise<OutboxItem[]> {
    const mine = await this.mine();
    return (await this.deps.db.getAllFromIndex('outbox', 'orderId', orderId)).filter(mine);
  }

  /** The writes set aside, oldest first. */
  async setAside(): Promise<OutboxItem[]> {
    return (await this.list()).filter((i) => i.failed).sort(byId);
  }

  /** Pending and set aside are the signed-in person's; heldForOthers counts writes waiting for their authors. */
  async counts(): Promise<{ pending: number; failed: number; heldForOthers: number }> {
    const everyone = await this.deps.db.getAll('outbox');
    const mine = await this.mine();
    const own = everyone.filter(mine);
    const failed = own.filter((i) => i.failed).length;
    return { pending: own.length - failed, failed, heldForOthers: everyone.length - own.length };
  }

  /** The earliest time a retry is due, or null when nothing waits. */
  async nextAttemptAt(): Promise<number | null> {
    const waiting = (await this.list()).filter((i) => !i.failed);
    return waiting.length ? Math.min(...waiting.map((i) => i.nextAttemptAt)) : null;
  }

  /**
   * Puts a set-aside write back at the end of the queue. `change` carries the agent's edit (a note's new
   * text) and the key to use when the body changes: the backend keeps one write per key, so an edited body
   * under the old key would be refused as a different write. An unchanged write keeps its key, so if the
   * earlier attempt did land after all, the retry is a harmless replay.
   */
  async resend(key: string, change: { text?: string; newKey: string }): Promise<ResendResult> {
    const item = await this.deps.db.getFromIndex('outbox', 'key', key);
    if (!item || !item.failed || !(await this.mine())(item)) return { ok: false, code: 'not_found', message: 'This change is no longer set aside.' };
    if (change.text !== undefined && item.kind !== 'note') return { ok: false, code: 'not_editable', message: 'Only a note can be edited.' };
    const edited = change.text !== undefined && change.text !== item.body['text'];
    const reused = item.failure?.code === 'conflict'; // the key itself was refused
    const nextKey = edited || reused ? change.newKey : item.key;
    const body: Record<string, unknown> = { ...item.body, ...(edited ? { text: change.text, at: new Date(this.now()).toISOString() } : {}) };
    if (nextKey !== item.key) body['idempotencyKey'] = nextKey;
    const fresh: OutboxItem = {
      key: nextKey,
      kind: item.kind,
      path: item.path,
      body,
      orderId: item.orderId,
      summary: edited ? change.text! : item.summary,
      createdAt: item.createdAt,
      attempts: 0,
      nextAttemptAt: 0,
      ...(item.owner === undefined ? {} : { owner: item.owner }),
      ...(item.ownerName === undefined ? {} : { ownerName: item.ownerName }),
    };
    const tx = this.deps.db.transaction('outbox', 'readwrite');
    await tx.store.delete(item.id!);
    fresh.id = await tx.store.add(fresh);
    await tx.done;
    this.deps.onChange?.();
    return { ok: true, item: fresh };
  }

  /** Drops a set-aside write for good (the agent chose to). Writes still waiting cannot be discarded. */
  async discard(key: string): Promise<boolean> {
    const mine = await this.mine();
    const tx = this.deps.db.transaction('outbox', 'readwrite');
    const item = await tx.store.index('key').get(key);
    const gone = Boolean(item?.failed && mine(item));
    if (gone) await tx.store.delete(item!.id!);
    await tx.done;
    if (gone) this.deps.onChange?.();
    return gone;
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
          if (report.stoppedBy === 'offline' || report.stoppedBy === 'backoff' || report.stoppedBy === 'rate_limited') {
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
    const items = (await this.list()).filter((i) => !i.failed).sort(byId);
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
      const handling = classifyFailure(outcome);
      const attempts = item.attempts + 1;
      const serverErrors = (item.serverErrors ?? 0) + (handling === 'server-error' ? 1 : 0);
      if (handling === 'refused' || (handling === 'server-error' && serverErrors >= MAX_SERVER_ERRORS)) {
        await this.deps.db.put('outbox', { ...item, attempts, serverErrors, lastError: outcome.message, failed: true, failure: this.failureOf(outcome) });
        report.failed++;
        this.deps.onChange?.();
        continue;
      }
      await this.deps.db.put('outbox', { ...item, attempts, serverErrors, lastError: outcome.message, nextAttemptAt: this.now() + outboxBackoff(attempts) });
      report.stoppedBy = handling === 'auth' ? 'auth' : handling === 'retry-later' ? 'rate_limited' : 'offline';
      this.deps.onChange?.();
      break;
    }
    return report;
  }

  private failureOf(outcome: SendFailure): OutboxFailure {
    return {
      ...(outcome.status === undefined ? {} : { status: outcome.status }),
      code: outcome.code,
      message: outcome.message,
      ...(outcome.field === undefined ? {} : { field: outcome.field }),
      at: new Date(this.now()).toISOString(),
    };
  }
}

const byId = (a: OutboxItem, b: OutboxItem) => (a.id ?? 0) - (b.id ?? 0);

export interface FlushReport {
  sent: number;
  failed: number;
  stoppedBy: 'backoff' | 'offline' | 'rate_limited' | 'auth' | null;
}
