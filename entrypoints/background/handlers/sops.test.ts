import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openCasesideDb } from '../db';
import { routeMessage } from '../router';
import { BackgroundService } from '../service';

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
const SOP_ID = '00000000-0000-4000-8000-000000000001';
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('SOP requests through the worker', () => {
  it('keeps views and proposals in the outbox while the backend is away, then sends each once with its key', async () => {
    let online = true;
    const received: { path: string; key: string | null; body: Record<string, unknown> }[] = [];
    const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      if (url.pathname === '/v1/me') return json(200, ME);
      if (!online) throw new TypeError('Failed to fetch');
      received.push({
        path: url.pathname,
        key: new Headers(init.headers).get('Idempotency-Key'),
        body: JSON.parse(String(init.body)) as Record<string, unknown>,
      });
      return json(201, {});
    }) as typeof fetch;
    let n = 0;
    const service = new BackgroundService({ db: await openCasesideDb('sop-handlers-1'), fetchImpl, newKey: () => `key-${String(++n).padStart(4, '0')}` });
    service.live.start = () => {};
    service.live.restart = () => {};
    await service.session.signIn('http://127.0.0.1:8787', 'demo-agent-token');

    online = false;
    expect(await service.dispatch({ type: 'sop:viewed', sopId: SOP_ID, orderId: '302-1234567-1234567', caseKind: 'chargeback' })).toMatchObject({
      ok: true,
      data: { queued: true },
    });
    expect(
      await service.dispatch({ type: 'sop:propose', sopId: SOP_ID, sopTitle: 'Steps', language: 'de', baseVersion: 2, body: '- Neu', note: 'fehlte' }),
    ).toMatchObject({ ok: true, data: { queued: true } });
    expect(received).toEqual([]);
    expect(await service.session.status()).toMatchObject({ pending: 2 });

    online = true;
    await service.writes.outbox.flush({ force: true });
    expect(received.map((r) => r.path)).toEqual([`/v1/sops/${SOP_ID}/views`, `/v1/sops/${SOP_ID}/proposals`]);
    expect(received[0]).toMatchObject({ key: 'key-0001', body: { orderId: '302-1234567-1234567', caseKind: 'chargeback', idempotencyKey: 'key-0001' } });
    expect(received[1]).toMatchObject({ key: 'key-0002', body: { language: 'de', baseVersion: 2, body: '- Neu', note: 'fehlte', idempotencyKey: 'key-0002' } });
  });

  it('refuses an oversized proposal at the message boundary, naming the field', async () => {
    const service = new BackgroundService({ db: await openCasesideDb('sop-handlers-2'), fetchImpl: (async () => json(500, {})) as typeof fetch });
    const reply = await routeMessage(
      { type: 'sop:propose', sopId: SOP_ID, sopTitle: 'Steps', language: 'de', baseVersion: 1, body: 'x'.repeat(20_001) },
      'portal',
      (req) => service.dispatch(req),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect((reply as { error: { message: string } }).error.message).toMatch(/^Message refused: body /);
  });
});
