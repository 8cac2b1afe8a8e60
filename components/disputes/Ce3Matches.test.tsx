// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import de from '@/public/_locales/de/messages.json';
import type { Ce3View, DisputeView } from '@/utils/api-routes/disputes';
import { translatorFrom } from '@/utils/i18n';
import { I18nProvider } from '../i18n-context';
import { DisputeSection } from './DisputeSection';

const HOSTILE = '<img src=x onerror="window.__pwned=1">ch_1';
const NOW = Date.parse('2026-11-21T10:00:00Z');

const ELIGIBLE: Ce3View = {
  status: 'eligible',
  paymentRef: 'ch_now',
  qualifying: [
    { paymentId: HOSTILE, paidAt: '2026-06-01T10:00:00.000Z', ageDays: 172, matched: ['ipAddress', 'deviceId'] },
    { paymentId: 'ch_2', paidAt: '2026-03-01T10:00:00.000Z', ageDays: 264, matched: ['ipAddress', 'shippingAddress'] },
  ],
  rejected: [{ paymentId: 'ch_3', paidAt: '2026-10-21T10:00:00.000Z', why: ['is only 30 days before the dispute (needs 120 to 365)'] }],
  summary: '2 earlier undisputed payments on the same card qualify',
};

function view(ce3: Ce3View | undefined): DisputeView {
  return {
    id: '3f1c2b9a-8d7e-4c6b-a5f4-e3d2c1b0a987',
    portal: 'shop',
    marketplace: null,
    caseId: null,
    dispute: {
      id: 'dp_1',
      kind: 'card_dispute',
      orderId: 'SHOP-1001',
      reason: 'fraud_card_absent',
      reasonCode: '10.4',
      amount: { amountMinor: 8900, currency: 'EUR' },
      filedAt: '2026-11-20T10:00:00.000Z',
      deadline: '2026-12-05T23:59:00.000Z',
      status: 'open',
    },
    checklist: [],
    attachments: [],
    recommendation: { action: 'fight', confidence: 0.7, reasons: [] },
    ...(ce3 ? { ce3 } : {}),
    winRate: { won: 0, lost: 0 },
    timeLeftMs: 14 * 86_400_000,
    missingRequired: [],
    serverTime: new Date(NOW).toISOString(),
  };
}

function renderWith(ce3: Ce3View | undefined, messages: Record<string, { message: string }> = en) {
  return render(
    <I18nProvider value={translatorFrom(messages)}>
      <DisputeSection
        view={view(ce3)}
        receivedAt={NOW}
        loading={false}
        error={null}
        canWrite
        formatTime={(iso) => iso.slice(0, 10)}
        onSaveEvidence={vi.fn(async () => true)}
        onAttach={vi.fn(async () => true)}
        onSetStatus={vi.fn(async () => true)}
        onBuildDefence={vi.fn()}
        download={{ state: 'idle' }}
        onCopyText={vi.fn()}
        text={{ state: 'idle' }}
      />
    </I18nProvider>,
  );
}

afterEach(cleanup);

describe('CE 3.0 in the dispute view', () => {
  it('lists the qualifying payments with what each matches on, and the others with why not, as text', () => {
    const { container } = renderWith(ELIGIBLE);
    expect(screen.getByTestId('dispute-ce3').dataset.status).toBe('eligible');
    expect(screen.getByTestId('dispute-ce3-status').textContent).toBe('Eligible: 2 earlier undisputed payments on the same card qualify.');
    const qualifying = screen.getByRole('table', { name: 'Qualifying payments' });
    const rows = within(qualifying).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      [HOSTILE, '2026-06-01', '172', 'IP address, device ID'],
      ['ch_2', '2026-03-01', '264', 'IP address, shipping address'],
    ]);
    expect(container.querySelector('img')).toBeNull();
    const rejected = screen.getByRole('table', { name: 'Other payments on this card' });
    expect(within(rejected).getByText('is only 30 days before the dispute (needs 120 to 365)')).toBeTruthy();
    expect(
      within(qualifying)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Payment', 'Paid', 'Days before the dispute', 'Matches on']);
  });

  it('says how to get there when the payment was never imported, in the agent language', () => {
    renderWith({ status: 'payment_not_imported', paymentRef: 'ch_now', qualifying: [], rejected: [], summary: 'Payment ch_now is not among ...' }, de);
    expect(screen.getByTestId('dispute-ce3').dataset.status).toBe('payment_not_imported');
    expect(screen.getByTestId('dispute-ce3-status').textContent).toContain('Zahlungsexport');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows nothing about CE 3.0 when it does not apply', () => {
    renderWith(undefined);
    expect(screen.queryByTestId('dispute-ce3')).toBeNull();
  });
});
