import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openCasesideDb } from './db';
import { routeMessage, type Dispatch } from './router';
import { BackgroundService } from './service';

const ME = {
  agent: {
    id: '7d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d',
    name: 'Alex Agent',
    role: 'agent',
    teamId: '1d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d',
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  team: { id: '1d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d', name: 'Demo Team' },
};
const ORDER = '302-1234567-1234567';
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe("the panel's requests about set-aside writes, through the worker", () => {
  it('lists a note the backend refused with its field and words, then sends the edited text once and clears it', async () => {
    const received: { path: string; key: string | null; body: Record<string, unknown> }[] = [];
    const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      if (url.pathname === '/v1/me') return json(200, ME);
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      if (String(body['text'] ?? '').includes('\u0000'))
        return json(400, { error: { code: 'validation_failed', message: 'body.text: must not contain NUL characters', field: 'body.text' } });
      received.push({ path: url.pathname, key: new Headers(init.headers).get('Idempotency-Key'), body });
      return json(201, {});
    }) as typeof fetch;
    let n = 0;
    const service = new BackgroundService({ db: await openCasesideDb('outbox-requests-1'), fetchImpl, newKey: () => `key-${String(++n).padStart(4, '0')}` });
    service.live.start = () => {};
    service.live.restart = () => {};
    await service.session.signIn('http://127.0.0.1:8787', 'demo-agent-token');

    expect(await service.dispatch({ type: 'note:add', orderId: ORDER, text: 'Buyer wrote: <b>hi</b>\u0000' })).toMatchObject({
      ok: true,
      data: { queued: true, key: 'key-0001' },
    });
    expect(await service.dispatch({ type: 'decision:record', orderId: ORDER, decision: 'hold', reason: 'odd address' })).toMatchObject({
      ok: true,
      data: { queued: false },
    });
    expect(received.map((r) => r.path)).toEqual(['/v1/decisions']);
    expect(await service.session.status()).toMatchObject({ pending: 0, failed: 1 });

    const problems = await service.dispatch({ type: 'outbox:problems' });
    expect(problems).toEqual({
      ok: true,
      data: [
        expect.objectContaining({
          key: 'key-0001',
          kind: 'note',
          orderId: ORDER,
          noteText: 'Buyer wrote: <b>hi</b>\u0000',
          failure: expect.objectContaining({ status: 400, code: 'validation_failed', field: 'body.text' }),
        }),
      ],
    });

    expect(await service.dispatch({ type: 'outbox:resend', key: 'key-0001', text: 'Buyer wrote: <b>hi</b>' })).toEqual({
      ok: true,
      data: { queued: false, key: 'key-0003' },
    });
    expect(received.at(-1)).toMatchObject({ path: '/v1/notes', key: 'key-0003', body: { text: 'Buyer wrote: <b>hi</b>', idempotencyKey: 'key-0003' } });
    expect(await service.session.status()).toMatchObject({ pending: 0, failed: 0 });
    expect(await service.dispatch({ type: 'outbox:discard', key: 'key-0001' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('routing of the set-aside requests', () => {
  const handlers = () => vi.fn<Dispatch>(async () => ({ ok: true as const, data: 'content' }));

  it('accepts them from portal tabs, strictly', async () => {
    const h = handlers();
    expect(await routeMessage({ type: 'outbox:problems' }, 'portal', h)).toEqual({ ok: true, data: 'content' });
    expect(await routeMessage({ type: 'outbox:resend', key: 'key-0001', text: 'fixed' }, 'portal', h)).toEqual({ ok: true, data: 'content' });
    expect(await routeMessage({ type: 'outbox:discard', key: 'key-0001' }, 'portal', h)).toEqual({ ok: true, data: 'content' });
    expect(await routeMessage({ type: 'outbox:discard', key: 'key-0001', all: true }, 'portal', h)).toMatchObject({
      ok: false,
      error: { code: 'invalid_message' },
    });
    expect(await routeMessage({ type: 'outbox:resend', key: 'key 1; drop' }, 'portal', h)).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(await routeMessage({ type: 'outbox:resend', key: 'key-0001', text: '   ' }, 'portal', h)).toMatchObject({
      ok: false,
      error: { code: 'invalid_message' },
    });
    expect(await routeMessage({ type: 'outbox:resend', key: 'key-0001', text: 'x'.repeat(5001) }, 'portal', h)).toMatchObject({ ok: false });
    expect(h).toHaveBeenCalledTimes(3);
  });

  it('refuses them from an unknown sender', async () => {
    expect(await routeMessage({ type: 'outbox:problems' }, 'rejected', handlers())).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});
