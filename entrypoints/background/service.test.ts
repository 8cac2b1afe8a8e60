import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PanelData } from '@/utils/schemas/api';
import type { PageContext } from '@/utils/schemas/page';
import { openCasesideDb } from './db';
import { BackgroundService } from './service';

const AGENT = { id: '7d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d', name: 'Alex Agent', role: 'agent' as const };
const ME = {
  agent: { ...AGENT, teamId: '1d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d', createdAt: '2026-01-01T00:00:00.000Z' },
  team: { id: '1d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d', name: 'Demo Team' },
};
const CONTEXT: PageContext = {
  portal: 'amazon',
  pageKind: 'order',
  url: 'https://sellercentral.amazon.de/orders-v3/order/302-1234567-1234567',
  orderId: '302-1234567-1234567',
  items: [],
  recognition: { status: 'full', missing: [] },
};
const PANEL: PanelData = {
  case: null,
  history: [],
  buyerCases: [],
  fraud: null,
  sla: null,
  templates: [],
  agent: AGENT,
  serverTime: '2026-11-22T10:00:00.000Z',
  disputes: [],
};

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;
let dbn = 0;

describe('BackgroundService', () => {
  let backendUp: boolean;
  let requests: { url: string; method: string; auth: string | null; body: unknown; key: string | null }[];
  let handler: Handler;
  let service: BackgroundService;

  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  beforeEach(async () => {
    backendUp = true;
    requests = [];
    handler = (url) => {
      if (url.endsWith('/v1/me')) return json(200, ME);
      if (url.endsWith('/v1/panel')) return json(200, PANEL);
      return json(201, {});
    };
    const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      requests.push({
        url: String(input),
        method: init.method ?? 'GET',
        auth: headers.get('Authorization'),
        body: init.body ? JSON.parse(String(init.body)) : undefined,
        key: headers.get('Idempotency-Key'),
      });
      if (!backendUp) throw new TypeError('Failed to fetch');
      return handler(String(input), init);
    }) as typeof fetch;
    let n = 0;
    service = new BackgroundService({ db: await openCasesideDb(`svc-${dbn++}`), fetchImpl, newKey: () => `key-${String(++n).padStart(4, '0')}` });
    service.live.start = () => {}; // no event stream in these tests
  });

  it('signs in only when the backend accepts the token, and keeps the token out of the status', async () => {
    handler = () => json(401, { error: { code: 'unauthorized', message: 'bad token' } });
    const refused = await service.dispatch({ type: 'auth:signIn', backendUrl: 'http://127.0.0.1:8787', token: 'wrong' });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('token') } });
    expect(await service.session.credentials()).toBeNull();

    handler = () => json(200, ME);
    const ok = await service.dispatch({ type: 'auth:signIn', backendUrl: 'http://127.0.0.1:8787/', token: 'demo-agent-token' });
    expect(ok).toMatchObject({ ok: true, data: { agent: { name: 'Alex Agent' } } });
    expect(requests.at(-1)).toMatchObject({ url: 'http://127.0.0.1:8787/v1/me', auth: 'Bearer demo-agent-token' });
    const status = await service.session.status();
    expect(status).toMatchObject({ signedIn: true, agentName: 'Alex Agent', backendUrl: 'http://127.0.0.1:8787' });
    expect(JSON.stringify(status)).not.toContain('demo-agent-token');
  });

  it('explains an unreachable backend at sign-in', async () => {
    backendUp = false;
    const res = await service.dispatch({ type: 'auth:signIn', backendUrl: 'http://127.0.0.1:9', token: 't' });
    expect(res).toMatchObject({ ok: false, error: { code: 'offline', message: expect.stringContaining('No Caseside backend answers') } });
  });

  it('answers signed_out before sign-in, without calling anyone', async () => {
    expect(await service.dispatch({ type: 'panel:load', context: CONTEXT })).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    expect(requests).toEqual([]);
  });

  it('serves a page seen before from the cache when the backend is away', async () => {
    await service.session.signIn('http://127.0.0.1:8787', 'tok');
    expect(await service.dispatch({ type: 'panel:load', context: CONTEXT })).toMatchObject({ ok: true, data: { fromCache: false } });
    backendUp = false;
    const offline = await service.dispatch({ type: 'panel:load', context: CONTEXT });
    expect(offline).toMatchObject({ ok: true, data: { fromCache: true } });
    expect((await service.session.status()).online).toBe(false);
    const other = await service.dispatch({ type: 'panel:load', context: { ...CONTEXT, orderId: '302-0000000-0000000' } });
    expect(other).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('queues flags made while the backend is down and replays them once, in order, with their keys', async () => {
    await service.session.signIn('http://127.0.0.1:8787', 'tok');
    backendUp = false;
    for (const decision of ['hold', 'release', 'fraud'] as const) {
      const res = await service.dispatch({ type: 'decision:record', orderId: CONTEXT.orderId!, decision, reason: '' });
      expect(res).toMatchObject({ ok: true, data: { queued: true } });
    }
    await service.dispatch({ type: 'note:add', orderId: CONTEXT.orderId!, text: 'called the carrier' });
    expect(await service.session.status()).toMatchObject({ pending: 4, online: false });
    const cached = await service.dispatch({ type: 'panel:cached', context: CONTEXT });
    expect(cached.ok).toBe(true);

    backendUp = true;
    requests = [];
    await service.outbox.flush({ force: true });
    const writes = requests.filter((r) => r.method === 'POST');
    expect(writes.map((r) => [r.url.replace('http://127.0.0.1:8787', ''), r.key])).toEqual([
      ['/v1/decisions', 'key-0001'],
      ['/v1/decisions', 'key-0002'],
      ['/v1/decisions', 'key-0003'],
      ['/v1/notes', 'key-0004'],
    ]);
    expect(writes[0]!.body).toMatchObject({ orderId: CONTEXT.orderId, decision: 'hold', idempotencyKey: 'key-0001' });
    expect(await service.session.status()).toMatchObject({ pending: 0, online: true });
  });

  it('signing out forgets the token and the cached panels', async () => {
    await service.session.signIn('http://127.0.0.1:8787', 'tok');
    await service.dispatch({ type: 'panel:load', context: CONTEXT });
    await service.dispatch({ type: 'auth:signOut' });
    expect(await service.session.credentials()).toBeNull();
    expect(await service.panelCache.cached(CONTEXT)).toBeNull();
  });

  it("a receiver's sign-in over an agent's forgets the agent's cached panels, opens no event stream, and reaches the inbox routes only", async () => {
    let streams = 0;
    service.live.start = () => void streams++;
    await service.session.signIn('http://127.0.0.1:8787', 'agent-token');
    await service.dispatch({ type: 'panel:load', context: CONTEXT });
    expect(await service.panelCache.cached(CONTEXT)).not.toBeNull();
    const receiverMe = { ...ME, agent: { ...ME.agent, id: '8d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d', name: 'Wendy Warehouse', role: 'receiver' } };
    handler = (url) => {
      if (url.endsWith('/v1/me')) return json(200, receiverMe);
      if (url.endsWith('/v1/handoffs/inbox')) return json(200, { handoffs: [] });
      return json(403, { error: { code: 'forbidden', message: 'A receiver may only see and answer hand-offs to its teams.' } });
    };
    const before = streams;
    await service.dispatch({ type: 'auth:signIn', backendUrl: 'http://127.0.0.1:8787', token: 'receiver-token' });
    expect(await service.panelCache.cached(CONTEXT)).toBeNull();
    expect(await service.dispatch({ type: 'panel:cached', context: CONTEXT })).toEqual({ ok: true, data: null });
    expect(streams).toBe(before);
    await service.startLive();
    expect(streams).toBe(before);
    expect(await service.dispatch({ type: 'api:request', route: 'handoffs.inbox', params: {} })).toEqual({ ok: true, data: { handoffs: [] } });
    expect(await service.dispatch({ type: 'panel:load', context: CONTEXT })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(requests.at(-1)).toMatchObject({ auth: 'Bearer receiver-token' });
  });

  it("writes left waiting by one person are sent with their token only: another person's sign-in holds them, neither sends nor shows them, and their author's next sign-in delivers them", async () => {
    const other = { ...ME, agent: { ...ME.agent, id: '9d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d', name: 'Bea Other' } };
    await service.session.signIn('http://127.0.0.1:8787', 'alex-token');
    backendUp = false;
    await service.dispatch({ type: 'decision:record', orderId: CONTEXT.orderId!, decision: 'hold', reason: 'address looks wrong' });
    await service.dispatch({ type: 'note:add', orderId: CONTEXT.orderId!, text: 'called the carrier' });
    expect(await service.session.status()).toMatchObject({ pending: 2 });

    // Bea signs in on the same browser while Alex's writes wait; the backend is back.
    backendUp = true;
    handler = (url) => {
      if (url.endsWith('/v1/me')) return json(200, other);
      if (url.endsWith('/v1/panel')) return json(200, PANEL);
      return json(201, {});
    };
    requests = [];
    await service.dispatch({ type: 'auth:signIn', backendUrl: 'http://127.0.0.1:8787', token: 'bea-token' });
    await service.outbox.flush({ force: true });
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(await service.session.status()).toMatchObject({ pending: 0, failed: 0, heldForOthers: 2 });
    expect(await service.writes.pendingFor(CONTEXT.orderId)).toEqual([]);
    // Bea's own write goes at once, with her token, past Alex's.
    await service.dispatch({ type: 'note:add', orderId: CONTEXT.orderId!, text: 'Bea checked the parcel' });
    expect(requests.filter((r) => r.method === 'POST').map((r) => [r.auth, (r.body as { text?: string }).text])).toEqual([
      ['Bearer bea-token', 'Bea checked the parcel'],
    ]);

    // Alex signs in again: his writes go, in order, with his token.
    handler = (url) => {
      if (url.endsWith('/v1/me')) return json(200, ME);
      if (url.endsWith('/v1/panel')) return json(200, PANEL);
      return json(201, {});
    };
    requests = [];
    await service.dispatch({ type: 'auth:signIn', backendUrl: 'http://127.0.0.1:8787', token: 'alex-token' });
    await service.outbox.flush({ force: true });
    const sent = requests.filter((r) => r.method === 'POST');
    expect(sent.map((r) => [r.url.replace('http://127.0.0.1:8787', ''), r.auth])).toEqual([
      ['/v1/decisions', 'Bearer alex-token'],
      ['/v1/notes', 'Bearer alex-token'],
    ]);
    expect(await service.session.status()).toMatchObject({ pending: 0, failed: 0 });
    expect((await service.session.status()).heldForOthers).toBeUndefined();
  });
});
