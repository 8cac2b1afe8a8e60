// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { OrderDispute } from '@/utils/schemas/api';
import { I18nProvider } from '../i18n-context';
import { OrderDisputes } from './OrderDisputes';

const NOW = Date.parse('2026-12-02T10:00:00.000Z');
const HOUR = 3_600_000;
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const alert: OrderDispute = {
  id: '11111111-2222-4333-8444-555555555555',
  externalId: HOSTILE,
  kind: 'card_dispute',
  source: 'ethoca',
  stage: 'alert',
  status: 'open',
  network: 'visa',
  reasonCode: null,
  amount: { amountMinor: 5990, currency: 'EUR' },
  deadline: new Date(NOW + 5 * HOUR).toISOString(),
  alertAnswer: null,
  providerOutcome: null,
};

afterEach(cleanup);

function show(disputes: OrderDispute[]) {
  const onOpen = vi.fn();
  render(
    <I18nProvider value={translatorFrom(en)}>
      <OrderDisputes disputes={disputes} language="en" onOpen={onOpen} clock={() => NOW} />
    </I18nProvider>,
  );
  return onOpen;
}

describe('OrderDisputes', () => {
  it("lists the order's alert and chargeback with source, amount, status and time left, all as text", () => {
    const chargeback: OrderDispute = {
      ...alert,
      id: '21111111-2222-4333-8444-555555555555',
      externalId: 'dp_1',
      source: 'stripe',
      stage: 'chargeback',
      reasonCode: '10.4',
      deadline: new Date(NOW - 2 * HOUR).toISOString(),
    };
    show([alert, chargeback]);
    const [first, second] = screen.getAllByTestId('order-dispute');
    expect(first!.textContent).toContain('Alert · Ethoca · €59.90');
    expect(first!.textContent).toContain('Open');
    expect(first!.querySelector('[role="timer"]')!.textContent).toContain('5 h 00 min left');
    expect(second!.textContent).toContain('Chargeback · Stripe');
    expect(second!.textContent).toContain('10.4');
    expect(second!.querySelector('[role="timer"]')!.textContent).toContain('2 h 00 min overdue');
    expect(first!.querySelector('button')!.getAttribute('title')).toBe(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
  });

  it("shows an answered alert's answer and what to report, without a clock", () => {
    show([{ ...alert, status: 'refunded', alertAnswer: 'refund', providerOutcome: 'RESOLVED' }]);
    const row = screen.getByTestId('order-dispute');
    expect(screen.getByTestId('order-dispute-answer').textContent).toBe('Answered: Refund to prevent the chargeback. Report RESOLVED to the alert provider.');
    expect(row.querySelector('[role="timer"]')).toBeNull();
  });

  it('names a marketplace dispute by its portal, opens a dispute in the inbox, and shows nothing for none', () => {
    const onOpen = show([{ ...alert, source: 'amazon', kind: 'amazon_chargeback' as OrderDispute['kind'], stage: 'chargeback' }]);
    expect(screen.getByTestId('order-dispute').textContent).toContain('Chargeback · Amazon');
    fireEvent.click(screen.getByRole('button'));
    expect(onOpen).toHaveBeenCalledWith(alert.id);
    cleanup();
    show([]);
    expect(screen.queryByTestId('order-disputes')).toBeNull();
  });
});
