import { z } from 'zod';
import type { PanelResult, Result } from '@/utils/messaging';
import { ownerOf, type CasesideDatabase, type OutboxItem } from './db';
import { Outbox, type NewOutboxItem, type SendOutcome } from './outbox';
import { SIGNED_OUT, type Session } from './session';

/**
 * The worker's writes: queued in the outbox (which survives worker and browser restarts), delivered in
 * order with their idempotency keys through the session, and retried when the backoff ends.
 */
export interface OutboxWritesDeps {
  db: CasesideDatabase;
  session: Session;
  newKey: () => string;
  onChange?: () => void;
}

export type QueuedWrite = Omit<NewOutboxItem, 'key' | 'createdAt' | 'body'> & { body: Record<string, unknown> };
export interface Queued {
  queued: boolean;
  key: string;
}

const anyJson = z.unknown();

export class OutboxWrites {
  readonly outbox: Outbox;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: OutboxWritesDeps) {
    this.outbox = new Outbox({
      db: deps.db,
      send: (item) => this.deliver(item),
      onChange: deps.onChange,
      currentOwner: async () => ownerOf(await deps.session.credentials()),
      // While the worker lives, retry when the backoff ends; the alarm covers a worker that was stopped.
      scheduleRetry: (atMs) => {
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => void this.outbox.flush(), Math.max(0, atMs - Date.now()));
      },
    });
  }

  /** Queues a write and tries to deliver it at once; `queued` tells whether it is still waiting. */
  async queue(w: QueuedWrite): Promise<Result<Queued>> {
    const creds = await this.deps.session.credentials();
    if (!creds) return { ok: false, error: { ...SIGNED_OUT } };
    const key = this.deps.newKey();
    const createdAt = new Date().toISOString();
    const owner = ownerOf(creds);
    await this.outbox.enqueue({
      ...w,
      key,
      createdAt,
      body: { ...w.body, idempotencyKey: key, at: createdAt },
      ...(owner ? { owner, ...(creds.agentName ? { ownerName: creds.agentName } : {}) } : {}),
    });
    await this.outbox.flush();
    const stillQueued = (await this.outbox.forOrder(w.orderId)).some((i) => i.key === key);
    return { ok: true, data: { queued: stillQueued, key } };
  }

  /** The writes for one order the backend has not acknowledged yet, as the panel lists them. */
  async pendingFor(orderId: string | undefined): Promise<PanelResult['pendingForOrder']> {
    if (!orderId) return [];
    const items = await this.outbox.forOrder(orderId);
    return items.map((i) => ({
      key: i.key,
      kind: i.kind,
      text: i.summary,
      createdAt: i.createdAt,
      ...(i.kind === 'decision' ? { decision: i.body['decision'] as 'hold' | 'release' | 'fraud' } : {}),
    }));
  }

  private async deliver(item: OutboxItem): Promise<SendOutcome> {
    const res = await this.deps.session.call({ method: 'POST', path: item.path, body: item.body, schema: anyJson, idempotencyKey: item.key }, item.owner);
    if (res.ok) return { ok: true };
    // Signed out (no answer from anyone, so no status): the write waits for the next sign-in.
    if (res.error.code === SIGNED_OUT.code && res.status === undefined) return { ok: false, code: 'signed_out', message: 'signed out' };
    return {
      ok: false,
      code: res.error.code,
      message: res.error.message,
      ...(res.status === undefined ? {} : { status: res.status }),
      ...(res.error.field === undefined ? {} : { field: res.error.field }),
    };
  }
}
