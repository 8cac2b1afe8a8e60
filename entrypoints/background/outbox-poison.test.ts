import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openCasesideDb, type CasesideDatabase, type OutboxItem } from './db';
import { Outbox, type NewOutboxItem, type SendOutcome } from './outbox';
import { classifyFailure, MAX_SERVER_ERRORS } from './outbox-failure';

let dbCounter = 0;
const ORDER = '302-1234567-1234567';
function note(key: string, text = key): NewOutboxItem {
  return {
    key,
    kind: 'note',
    path: '/v1/notes',
    body: { orderId: ORDER, text, idempotencyKey: key, at: '2026-12-01T10:00:00.000Z' },
    orderId: ORDER,
    summary: text,
    createdAt: '2026-12-01T10:00:00.000Z',
  };
}
function flag(key: string): NewOutboxItem {
  return {
    key,
    kind: 'decision',
    path: '/v1/decisions',
    body: { orderId: ORDER, decision: 'hold', reason: 'odd address', idempotencyKey: key },
    orderId: ORDER,
    summary: 'hold: odd address',
    createdAt: '2026-12-01T10:00:00.000Z',
  };
}
const refusedNul: SendOutcome = { ok: false, status: 400, code: 'validation_failed', message: 'body.text: must not contain NUL', field: 'body.text' };
const serverFailed: SendOutcome = { ok: false, status: 500, code: 'internal', message: 'Something went wrong on the server.' };

describe('Outbox: a poison write never blocks the queue', () => {
  let db: CasesideDatabase;
  let clock: number;
  let delivered: { key: string; body: Record<string, unknown> }[];
  let answer: (i: OutboxItem) => SendOutcome;
  let outbox: Outbox;
  const make = () =>
    new Outbox({
      db,
      now: () => clock,
      send: async (i) => {
        const outcome = answer(i);
        if (outcome.ok) delivered.push({ key: i.key, body: i.body });
        return outcome;
      },
    });

  beforeEach(async () => {
    db = await openCasesideDb(`outbox-poison-${dbCounter++}`);
    clock = 1_000_000;
    delivered = [];
    answer = () => ({ ok: true });
    outbox = make();
  });

  it('sets aside a write refused with 400 between two good ones, keeping its body and the reason, and delivers the others', async () => {
    await outbox.enqueue(note('key-one-01'));
    await outbox.enqueue(note('key-two-02', 'pasted \u0000 text'));
    await outbox.enqueue(flag('key-three3'));
    answer = (i) => (i.key === 'key-two-02' ? refusedNul : { ok: true });
    expect(await outbox.flush()).toEqual({ sent: 2, failed: 1, stoppedBy: null });
    expect(delivered.map((d) => d.key)).toEqual(['key-one-01', 'key-three3']);
    const [aside] = await outbox.setAside();
    expect(aside).toMatchObject({
      key: 'key-two-02',
      failed: true,
      body: { text: 'pasted \u0000 text' },
      failure: { status: 400, code: 'validation_failed', field: 'body.text', message: 'body.text: must not contain NUL' },
    });
    expect(await outbox.counts()).toEqual({ pending: 0, failed: 1, heldForOthers: 0 });
    // A later flush does not send it again by itself.
    await outbox.flush();
    expect(delivered).toHaveLength(2);
  });

  it('retries a write the backend fails on (500) with backoff, and sets it aside after the fifth failure', async () => {
    await outbox.enqueue(note('key-poison'));
    await outbox.enqueue(flag('key-behind'));
    answer = (i) => (i.key === 'key-poison' ? serverFailed : { ok: true });
    for (let attempt = 1; attempt < MAX_SERVER_ERRORS; attempt++) {
      expect(await outbox.flush({ force: true })).toMatchObject({ sent: 0, stoppedBy: 'offline' });
      expect(delivered).toEqual([]); // order holds while it may still be a passing failure
    }
    expect(await outbox.flush({ force: true })).toMatchObject({ sent: 1, failed: 1, stoppedBy: null });
    expect(delivered.map((d) => d.key)).toEqual(['key-behind']);
    expect((await outbox.setAside())[0]).toMatchObject({ key: 'key-poison', attempts: MAX_SERVER_ERRORS, failure: { status: 500, code: 'internal' } });
  });

  it('never sets aside a write while the backend is unreachable or behind a gateway answering 502/503/504', async () => {
    await outbox.enqueue(note('key-downnn'));
    for (let i = 0; i < 12; i++) {
      answer = () =>
        i % 2
          ? { ok: false, code: 'offline', message: 'The backend cannot be reached.' }
          : { ok: false, status: 503, code: 'offline', message: 'The backend answered 503 without JSON.' };
      await outbox.flush({ force: true });
    }
    expect(await outbox.counts()).toEqual({ pending: 1, failed: 0, heldForOthers: 0 });
  });

  it('backs off on 429 and retries without ever setting the write aside', async () => {
    await outbox.enqueue(note('key-rate01'));
    answer = () => ({ ok: false, status: 429, code: 'rate_limited', message: 'Too many requests; slow down and retry shortly.' });
    for (let i = 0; i < 8; i++) expect(await outbox.flush({ force: true })).toMatchObject({ stoppedBy: 'rate_limited' });
    const [waiting] = await outbox.list();
    expect(waiting).toMatchObject({ attempts: 8, nextAttemptAt: clock + 20_000 });
    expect(waiting!.failed).toBeUndefined();
    answer = () => ({ ok: true });
    expect(await outbox.flush()).toMatchObject({ sent: 0, stoppedBy: 'backoff' });
    clock += 20_000;
    expect(await outbox.flush()).toMatchObject({ sent: 1 });
  });

  it('keeps writes waiting, in order, while signed out (401), and sends them after sign-in', async () => {
    await outbox.enqueue(note('key-auth01'));
    await outbox.enqueue(note('key-auth02'));
    answer = () => ({ ok: false, status: 401, code: 'unauthorized', message: 'Sign in again.' });
    expect(await outbox.flush()).toMatchObject({ stoppedBy: 'auth' });
    expect(await outbox.counts()).toEqual({ pending: 2, failed: 0, heldForOthers: 0 });
    answer = () => ({ ok: true });
    await outbox.flush({ force: true });
    expect(delivered.map((d) => d.key)).toEqual(['key-auth01', 'key-auth02']);
  });

  it('sends an edited note once, under a new idempotency key, with the new text', async () => {
    await outbox.enqueue(note('key-edit01', 'bad \u0000 text'));
    answer = (i) => (String(i.body['text']).includes('\u0000') ? refusedNul : { ok: true });
    await outbox.flush();
    const res = await outbox.resend('key-edit01', { text: 'good text', newKey: 'key-edit02' });
    expect(res).toMatchObject({ ok: true, item: { key: 'key-edit02', summary: 'good text', body: { text: 'good text', idempotencyKey: 'key-edit02' } } });
    await outbox.flush();
    await outbox.flush();
    expect(delivered).toEqual([{ key: 'key-edit02', body: expect.objectContaining({ text: 'good text', idempotencyKey: 'key-edit02', orderId: ORDER }) }]);
    expect(await outbox.list()).toEqual([]);
  });

  it('retries an unchanged flag under its own key (a replay if it had landed), at the end of the queue', async () => {
    await outbox.enqueue(flag('key-flag01'));
    answer = () => refusedNul;
    await outbox.flush();
    answer = () => ({ ok: true });
    await outbox.enqueue(note('key-later1'));
    expect(await outbox.resend('key-flag01', { newKey: 'key-unused' })).toMatchObject({ ok: true, item: { key: 'key-flag01' } });
    await outbox.flush();
    expect(delivered.map((d) => d.key)).toEqual(['key-later1', 'key-flag01']);
  });

  it('uses a new key when the old one was refused as reused (409), and refuses to edit a flag', async () => {
    await outbox.enqueue(flag('key-conf01'));
    answer = () => ({
      ok: false,
      status: 409,
      code: 'conflict',
      message: 'This idempotency key was already used for a different write.',
      field: 'body.idempotencyKey',
    });
    await outbox.flush();
    expect(await outbox.resend('key-conf01', { text: 'x', newKey: 'key-conf02' })).toMatchObject({ ok: false, code: 'not_editable' });
    expect(await outbox.resend('key-conf01', { newKey: 'key-conf02' })).toMatchObject({
      ok: true,
      item: { key: 'key-conf02', body: { idempotencyKey: 'key-conf02' } },
    });
  });

  it('discards only a set-aside write, for good', async () => {
    await outbox.enqueue(note('key-drop01'));
    await outbox.enqueue(note('key-wait01'));
    answer = (i) => (i.key === 'key-drop01' ? refusedNul : { ok: false, code: 'offline', message: 'offline' });
    await outbox.flush();
    expect(await outbox.discard('key-wait01')).toBe(false);
    expect(await outbox.discard('key-drop01')).toBe(true);
    expect(await outbox.discard('key-drop01')).toBe(false);
    expect((await outbox.list()).map((i) => i.key)).toEqual(['key-wait01']);
    expect(await outbox.resend('key-drop01', { newKey: 'key-drop02' })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('survives a worker restart: the set-aside write and its reason are still there, and a resend goes through', async () => {
    await outbox.enqueue(note('key-rest01', 'pasted \u0000'));
    answer = () => refusedNul;
    await outbox.flush();
    db.close();
    db = await openCasesideDb(`outbox-poison-${dbCounter - 1}`);
    answer = () => ({ ok: true });
    const restarted = make();
    expect(await restarted.setAside()).toEqual([
      expect.objectContaining({
        key: 'key-rest01',
        body: expect.objectContaining({ text: 'pasted \u0000' }),
        failure: expect.objectContaining({ field: 'body.text' }),
      }),
    ]);
    await restarted.resend('key-rest01', { text: 'pasted', newKey: 'key-rest02' });
    await restarted.flush();
    expect(delivered.map((d) => d.key)).toEqual(['key-rest02']);
  });
});

describe('classifyFailure', () => {
  it.each([
    [{ code: 'offline' }, 'offline'],
    [{ status: 502, code: 'offline' }, 'offline'],
    [{ status: 503, code: 'http_error' }, 'offline'],
    [{ status: 500, code: 'offline' }, 'offline'],
    [{ status: 500, code: 'internal' }, 'server-error'],
    [{ status: 401, code: 'unauthorized' }, 'auth'],
    [{ code: 'signed_out' }, 'auth'],
    [{ status: 408, code: 'http_error' }, 'retry-later'],
    [{ status: 429, code: 'rate_limited' }, 'retry-later'],
    [{ status: 400, code: 'validation_failed' }, 'refused'],
    [{ status: 403, code: 'forbidden' }, 'refused'],
    [{ status: 404, code: 'not_found' }, 'refused'],
    [{ status: 409, code: 'conflict' }, 'refused'],
    [{ status: 413, code: 'validation_failed' }, 'refused'],
  ] as const)('%o -> %s', (failure, handling) => {
    expect(classifyFailure({ ok: false, message: '', ...failure })).toBe(handling);
  });
});
