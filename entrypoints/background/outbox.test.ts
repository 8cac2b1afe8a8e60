import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openCasesideDb, type CasesideDatabase, type OutboxItem } from './db';
import { outboxBackoff, Outbox, type NewOutboxItem, type SendOutcome } from './outbox';

let dbCounter = 0;
function item(key: string, orderId = '302-1234567-1234567'): NewOutboxItem {
  return { key, kind: 'note', path: '/v1/notes', body: { text: key, idempotencyKey: key }, orderId, summary: key, createdAt: new Date(0).toISOString() };
}

describe('Outbox', () => {
  let db: CasesideDatabase;
  let clock: number;
  let delivered: string[];
  let answer: (i: OutboxItem) => SendOutcome;
  let outbox: Outbox;

  beforeEach(async () => {
    db = await openCasesideDb(`outbox-test-${dbCounter++}`);
    clock = 1_000_000;
    delivered = [];
    answer = () => ({ ok: true });
    outbox = new Outbox({
      db,
      now: () => clock,
      send: async (i) => {
        const outcome = answer(i);
        if (outcome.ok) delivered.push(i.key);
        return outcome;
      },
    });
  });

  it('delivers writes in the order they were made', async () => {
    for (const k of ['key-aaaa1', 'key-aaaa2', 'key-aaaa3']) await outbox.enqueue(item(k));
    const report = await outbox.flush();
    expect(delivered).toEqual(['key-aaaa1', 'key-aaaa2', 'key-aaaa3']);
    expect(report).toMatchObject({ sent: 3, stoppedBy: null });
    expect(await outbox.counts()).toEqual({ pending: 0, failed: 0, heldForOthers: 0 });
  });

  it('treats the same idempotency key as one write', async () => {
    await outbox.enqueue(item('key-dup00'));
    await outbox.enqueue(item('key-dup00'));
    expect((await outbox.list()).length).toBe(1);
  });

  it('holds back later writes while the head cannot be delivered, then retries with backoff', async () => {
    await outbox.enqueue(item('key-first'));
    await outbox.enqueue(item('key-second'));
    answer = () => ({ ok: false, code: 'offline', message: 'offline' });
    expect(await outbox.flush()).toMatchObject({ sent: 0, stoppedBy: 'offline' });
    expect(delivered).toEqual([]);
    const [head] = await outbox.list();
    expect(head).toMatchObject({ attempts: 1, nextAttemptAt: clock + 1_000, lastError: 'offline' });

    answer = () => ({ ok: true });
    expect(await outbox.flush()).toMatchObject({ sent: 0, stoppedBy: 'backoff' });
    clock += 1_000;
    await outbox.flush();
    expect(delivered).toEqual(['key-first', 'key-second']);
  });

  it('asks for a retry at the end of the backoff when writes are left waiting', async () => {
    const retries: number[] = [];
    const ob = new Outbox({
      db,
      now: () => clock,
      send: async () => ({ ok: false, code: 'offline', message: 'offline' }),
      scheduleRetry: (at) => retries.push(at),
    });
    await ob.enqueue(item('key-retry'));
    await ob.flush();
    expect(retries).toEqual([clock + 1_000]);
  });

  it('doubles the backoff up to 20 seconds', () => {
    expect([1, 2, 3, 4, 5, 10].map(outboxBackoff)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 20_000]);
  });

  it('keeps a write the backend refused for good, visibly, and delivers the rest', async () => {
    await outbox.enqueue(item('key-bad00'));
    await outbox.enqueue(item('key-good0'));
    answer = (i) => (i.key === 'key-bad00' ? { ok: false, status: 400, code: 'validation_failed', message: 'text: too long' } : { ok: true });
    const report = await outbox.flush();
    expect(report).toMatchObject({ sent: 1, failed: 1 });
    expect(await outbox.counts()).toEqual({ pending: 0, failed: 1, heldForOthers: 0 });
    expect((await outbox.list())[0]).toMatchObject({ key: 'key-bad00', failed: true, lastError: 'text: too long' });
  });

  it('survives a restart: a new Outbox on the same database replays what was left', async () => {
    await outbox.enqueue(item('key-left0'));
    answer = () => ({ ok: false, code: 'offline', message: 'offline' });
    await outbox.flush();
    const restarted = new Outbox({ db, now: () => clock + 10_000, send: async (i) => (delivered.push(i.key), { ok: true }) });
    await restarted.flush();
    expect(delivered).toEqual(['key-left0']);
  });

  it('runs a forced flush after one that was already running and stopped at a backoff', async () => {
    await outbox.enqueue(item('key-force'));
    answer = () => ({ ok: false, code: 'offline', message: 'offline' });
    await outbox.flush();
    answer = () => ({ ok: true });
    const running = outbox.flush();
    const forced = outbox.flush({ force: true });
    expect(await running).toMatchObject({ stoppedBy: 'backoff' });
    expect(await forced).toMatchObject({ sent: 1 });
    expect(delivered).toEqual(['key-force']);
  });

  it('runs one flush at a time', async () => {
    await outbox.enqueue(item('key-once0'));
    await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
    expect(delivered).toEqual(['key-once0']);
  });

  it('finds the writes waiting for one order', async () => {
    await outbox.enqueue(item('key-ord01', '111-2223334-4445556'));
    await outbox.enqueue(item('key-ord02', '302-1234567-1234567'));
    expect((await outbox.forOrder('111-2223334-4445556')).map((i) => i.key)).toEqual(['key-ord01']);
  });
});
