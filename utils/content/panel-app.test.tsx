// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyRequest, PanelResult } from '@/utils/messaging';
import type { PortalAdapter } from '@/utils/portals/types';
import type { PageContext } from '@/utils/schemas/page';
import type { PanelBridge } from './bridge';
import { createPageStore } from './page-store';
import { PanelApp } from './panel-app';

const AGENT = { id: '7d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d', name: 'Alex Agent', role: 'agent' as const };
const CONTEXT: PageContext = {
  portal: 'amazon',
  pageKind: 'order',
  url: 'https://sellercentral.amazon.de/orders-v3/order/302-1234567-1234567',
  orderId: '302-1234567-1234567',
  items: [],
  recognition: { status: 'full', missing: [] },
};
const RESULT: PanelResult = {
  fromCache: false,
  pendingForOrder: [],
  data: { case: null, history: [], buyerCases: [], fraud: null, sla: null, templates: [], agent: AGENT, serverTime: '2026-11-22T10:00:00.000Z', disputes: [] },
};

/** The bridge's port is the worker's business; here it only has to exist. */
const bridge = { connect: () => {}, subscribe: () => () => {} } as unknown as PanelBridge;

describe('PanelApp', () => {
  let loads: PageContext[];
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake has no i18n: English, with the message names standing in for the words.
    fakeBrowser.i18n.getUILanguage = () => 'en';
    fakeBrowser.i18n.getMessage = ((name: string) => name) as typeof fakeBrowser.i18n.getMessage;
    loads = [];
    fakeBrowser.runtime.onMessage.addListener(((message: AnyRequest) => {
      if (message.type === 'panel:load') {
        loads.push(message.context);
        return Promise.resolve({ ok: true, data: RESULT });
      }
      if (message.type === 'panel:cached') return Promise.resolve({ ok: true, data: null });
      if (message.type === 'status:get') return Promise.resolve({ ok: true, data: { signedIn: true, online: true, pending: 0, failed: 0 } });
      if (message.type === 'outbox:problems') return Promise.resolve({ ok: true, data: [] });
      return Promise.resolve({ ok: false, error: { code: 'unexpected', message: message.type } });
    }) as never);
  });
  afterEach(cleanup);

  it('loads a page once per context: not while it renders, not again for an equal context, again for another order', async () => {
    const store = createPageStore();
    store.set({ context: CONTEXT, loading: true });
    render(<PanelApp store={store} bridge={bridge} adapter={{} as PortalAdapter} onCollapsedChange={() => {}} />);
    await act(async () => {});
    expect(loads).toEqual([]);

    await act(async () => store.set({ context: CONTEXT, loading: false }));
    expect(loads).toEqual([CONTEXT]);

    // The watcher reads the page again and builds an equal context in a new object.
    await act(async () => store.set({ context: { ...CONTEXT, items: [] }, loading: false }));
    expect(loads).toHaveLength(1);

    const other = { ...CONTEXT, orderId: '302-7654321-7654321', url: 'https://sellercentral.amazon.de/orders-v3/order/302-7654321-7654321' };
    await act(async () => store.set({ context: other, loading: false }));
    expect(loads).toEqual([CONTEXT, other]);
  });
});
