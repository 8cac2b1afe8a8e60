// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import { I18nProvider } from '../i18n-context';
import { PageHealthTable } from './PageHealthTab';

afterEach(cleanup);

describe('PageHealthTable', () => {
  it('lists each kind of unread page with what was missing, as text', () => {
    render(
      <I18nProvider value={translatorFrom(en)}>
        <PageHealthTable
          items={[
            {
              portal: 'amazon',
              pageKind: 'order',
              status: 'unrecognized',
              missing: ['order-details-label', '<b>buyer</b>'],
              samplePath: '/orders-v#/order/###',
              count: 14,
              firstSeen: '2026-11-22T08:00:00.000Z',
              lastSeen: '2026-11-22T09:00:00.000Z',
            },
          ]}
        />
      </I18nProvider>,
    );
    const row = screen.getByTestId('page-health-row');
    expect(row.dataset.status).toBe('unrecognized');
    expect(row.textContent).toContain('order-details-label, <b>buyer</b>');
    expect(row.querySelector('b')).toBeNull();
    expect(row.textContent).toContain('14');
  });

  it('says so when every page was read', () => {
    render(
      <I18nProvider value={translatorFrom(en)}>
        <PageHealthTable items={[]} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('page-health-empty')).toBeTruthy();
  });
});
