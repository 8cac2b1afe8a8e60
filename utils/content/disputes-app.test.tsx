// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { I18nProvider } from '@/components/i18n-context';
import { translatorFrom } from '@/utils/i18n';
import type { AnyRequest } from '@/utils/messaging';
import type { PageContext } from '@/utils/schemas/page';
import { DisputeSlot } from './disputes-app';

const CONTEXT: PageContext = {
  portal: 'amazon',
  pageKind: 'chargeback',
  url: 'https://sellercentral.amazon.de/gp/chargebacks/302-1234567-1234567',
  orderId: '302-1234567-1234567',
  items: [],
  recognition: { status: 'full', missing: [] },
};

describe('DisputeSlot', () => {
  let loads: PageContext[];
  beforeEach(() => {
    fakeBrowser.reset();
    loads = [];
    fakeBrowser.runtime.onMessage.addListener(((message: AnyRequest) => {
      if (message.type === 'dispute:load') loads.push(message.context);
      return Promise.resolve({ ok: false, error: { code: 'not_found', message: 'No dispute for this page.' } });
    }) as never);
  });
  afterEach(cleanup);

  it('loads the dispute once per page context, not again when an equal context comes in a new object', async () => {
    const ui = (context: PageContext) => (
      <I18nProvider value={translatorFrom(en)}>
        <DisputeSlot context={context} canWrite formatTime={(iso) => iso} />
      </I18nProvider>
    );
    const { rerender } = render(ui(CONTEXT));
    await act(async () => {});
    expect(loads).toEqual([CONTEXT]);
    rerender(ui({ ...CONTEXT, items: [] }));
    await act(async () => {});
    expect(loads).toHaveLength(1);
    const other = { ...CONTEXT, orderId: '302-7654321-7654321' };
    rerender(ui(other));
    await act(async () => {});
    expect(loads).toEqual([CONTEXT, other]);
  });
});
