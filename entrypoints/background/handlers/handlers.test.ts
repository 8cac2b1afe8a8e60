import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ContentRequest, ExtensionPageRequest, SyncStatus } from '@/utils/messaging';
import { openCasesideDb } from '../db';
import { routeMessage } from '../router';
import { BackgroundService } from '../service';
import { defineHandler, type HandlerMap } from './define';
import { handlers } from '.';

const requestTypes = (union: typeof ContentRequest | typeof ExtensionPageRequest) => union.options.map((o) => o.shape.type.value);
let dbn = 0;

async function serviceWith(map: HandlerMap) {
  const service = new BackgroundService({
    db: await openCasesideDb(`handlers-${dbn++}`),
    fetchImpl: async () => new Response('{}', { status: 500 }),
    handlers: map,
  });
  service.live.start = () => {};
  return service;
}

describe('the handler map', () => {
  it('has exactly one handler for every request type a page or panel may send, filed under its own type', () => {
    const types = new Set([...requestTypes(ContentRequest), ...requestTypes(ExtensionPageRequest)]);
    expect(Object.keys(handlers).sort()).toEqual([...types].sort());
    for (const [type, handler] of Object.entries(handlers)) expect(handler.type).toBe(type);
  });

  it('is checked by the compiler: a missing handler or one filed under another type does not type-check', () => {
    const { 'note:add': _dropped, ...missing } = handlers;
    // @ts-expect-error note:add has no handler
    const incomplete: HandlerMap = missing;
    // @ts-expect-error the panel loader cannot answer note:add
    const misfiled: HandlerMap = { ...handlers, 'note:add': handlers['panel:load'] };
    expect([incomplete, misfiled]).toHaveLength(2);
  });

  it('answers a request type without a handler as error data, never by throwing', async () => {
    const { 'status:get': _dropped, ...rest } = handlers;
    const service = await serviceWith(rest as unknown as HandlerMap);
    expect(await service.dispatch({ type: 'status:get' })).toMatchObject({ ok: false, error: { code: 'no_handler' } });
  });
});

describe('replies', () => {
  it("are checked against the handler's reply schema: an invalid one is refused before it leaves the worker", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const bad = { signedIn: true, online: true, pending: -1, failed: 0, token: 'secret-token' } as unknown as SyncStatus;
    const service = await serviceWith({ ...handlers, 'status:get': defineHandler('status:get', SyncStatus, async () => ({ ok: true, data: bad })) });
    const reply = await routeMessage({ type: 'status:get' }, 'portal', (req) => service.dispatch(req));
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_reply' } });
    expect(JSON.stringify(reply)).not.toContain('secret-token');
  });

  it('refuse a malformed error as well', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const service = await serviceWith({
      ...handlers,
      'options:open': defineHandler('options:open', handlers['options:open'].reply, async () => ({
        ok: false,
        error: { code: 'x', message: 'y', stack: 'at worker.js:1' } as never,
      })),
    });
    expect(await service.dispatch({ type: 'options:open' })).toMatchObject({ ok: false, error: { code: 'invalid_reply' } });
  });

  it('pass a valid answer on as parsed, without the transport status', async () => {
    const service = await serviceWith(handlers);
    expect(await service.dispatch({ type: 'status:get' })).toEqual({ ok: true, data: { signedIn: false, online: true, pending: 0, failed: 0 } });
    expect(await service.dispatch({ type: 'panel:inject', portal: 'amazon' }, {})).toMatchObject({ ok: false, error: { code: 'invalid_sender' } });
    expect(await service.dispatch({ type: 'panel:section', section: 'disputes' }, {})).toMatchObject({ ok: false, error: { code: 'invalid_sender' } });
  });
});
