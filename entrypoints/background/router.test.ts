import { describe, expect, it, vi } from 'vitest';
import { classifySender, routeMessage, type Dispatch } from './router';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('classifySender', () => {
  it("accepts this extension's pages and its content scripts on portal hosts only", () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}options.html` }, ID, ORIGIN)).toBe('extension-page');
    expect(classifySender({ id: ID, url: 'https://sellercentral.amazon.de/orders-v3/order/1', tab: {} }, ID, ORIGIN)).toBe('portal');
    expect(classifySender({ id: ID, url: 'https://zdirect.zalando.com/orders' }, ID, ORIGIN)).toBe('portal');
  });
  it('rejects other extensions, other sites and plain http portal look-alikes', () => {
    expect(classifySender({ id: 'other', url: `${ORIGIN}options.html` }, ID, ORIGIN)).toBe('rejected');
    expect(classifySender({ id: ID, url: 'https://evil.example/orders' }, ID, ORIGIN)).toBe('rejected');
    expect(classifySender({ id: ID, url: 'http://sellercentral.amazon.de/' }, ID, ORIGIN)).toBe('rejected');
    expect(classifySender({ id: ID, url: 'https://sellercentral.amazon.de.evil.example/' }, ID, ORIGIN)).toBe('rejected');
  });
});

describe('routeMessage', () => {
  const handlers = () => vi.fn<Dispatch>(async () => ({ ok: true as const, data: 'content' }));

  it('never lets a content script sign in or read credentials', async () => {
    const h = handlers();
    const res = await routeMessage({ type: 'auth:signIn', backendUrl: 'https://x', token: 't' }, 'portal', h);
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(h).not.toHaveBeenCalled();
  });

  it('rejects unknown keys and malformed messages with a clear error', async () => {
    const h = handlers();
    expect(await routeMessage({ type: 'note:add', orderId: '1', text: 'x', extra: 1 }, 'portal', h)).toMatchObject({ ok: false });
    expect(await routeMessage({ type: 'note:add', orderId: '1', text: '   ' }, 'portal', h)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('text') },
    });
    expect(await routeMessage('hello', 'portal', h)).toMatchObject({ ok: false });
    expect(h).not.toHaveBeenCalled();
  });

  it('dispatches valid messages and turns handler crashes into error data', async () => {
    const h = handlers();
    expect(await routeMessage({ type: 'status:get' }, 'portal', h)).toEqual({ ok: true, data: 'content' });
    h.mockImplementation(async () => {
      throw new Error('boom');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await routeMessage({ type: 'auth:signOut' }, 'extension-page', h)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses everything from a rejected sender', async () => {
    expect(await routeMessage({ type: 'status:get' }, 'rejected', handlers())).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});
