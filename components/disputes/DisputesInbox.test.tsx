// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import type { DisputeSummary, DisputeView } from '@/utils/api-routes/disputes';
import { translatorFrom } from '@/utils/i18n';
import { I18nProvider } from '../i18n-context';
import { DisputesInbox } from './DisputesInbox';

const t = translatorFrom(en);
const HOSTILE = '<img src=x onerror="window.__pwned=1">E-1';
const NOW = Date.now();

const ALERT: DisputeSummary = {
  id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  externalId: HOSTILE,
  kind: 'card_dispute',
  orderId: 'SHOP-1001',
  reason: 'fraud_card_absent',
  amount: { amountMinor: 12999, currency: 'EUR' },
  deadline: new Date(NOW + 5 * 3_600_000).toISOString(),
  status: 'open',
  timeLeftMs: 5 * 3_600_000,
  source: 'ethoca',
  stage: 'alert',
  reasonGroup: 'fraud',
  orderMatch: 'reference',
};
const CHARGEBACK: DisputeSummary = {
  ...ALERT,
  id: '1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  externalId: 'dp_1',
  source: 'stripe',
  stage: 'chargeback',
  orderMatch: 'unmatched',
  timeLeftMs: -3_600_000,
};

function viewOf(decided: boolean): DisputeView {
  return {
    id: ALERT.id,
    portal: 'shop',
    marketplace: null,
    caseId: null,
    dispute: {
      id: HOSTILE,
      kind: 'card_dispute',
      orderId: 'SHOP-1001',
      reason: 'fraud_card_absent',
      reasonText: 'CONFIRMEDFRAUD',
      amount: ALERT.amount,
      filedAt: new Date(NOW).toISOString(),
      deadline: ALERT.deadline,
      status: decided ? 'refunded' : 'open',
    },
    checklist: [],
    attachments: [],
    recommendation: { action: 'refund', confidence: 0.7, reasons: [] },
    alert: {
      kind: 'confirmed_fraud',
      recommendation: { action: 'stop_fulfilment', confidence: 0.9, reasons: ['Not shipped yet <b>really</b>'] },
      facts: { fraudScore: 40, shipped: false, buyerOrders: 0, buyerDisputes: 0 },
      decision: decided ? { action: 'stop_fulfilment', providerOutcome: 'STOPPED', decidedAt: new Date(NOW).toISOString(), becameChargeback: false } : null,
    },
    winRate: { won: 0, lost: 0 },
    timeLeftMs: ALERT.timeLeftMs,
    missingRequired: [],
    serverTime: new Date(NOW).toISOString(),
  };
}

afterEach(cleanup);

describe('DisputesInbox', () => {
  const setup = () => {
    const load = vi.fn(async () => ({ disputes: [ALERT, CHARGEBACK] }));
    const loadOne = vi.fn(async () => viewOf(false));
    const decideAlert = vi.fn(async () => viewOf(true));
    render(
      <I18nProvider value={t}>
        <DisputesInbox load={load} loadOne={loadOne} decideAlert={decideAlert} now={NOW} language="en" />
      </I18nProvider>,
    );
    return { load, loadOne, decideAlert };
  };

  it('lists open disputes with time left, as text, and asks the backend for open ones only', async () => {
    const { load } = setup();
    const items = await screen.findAllByTestId('inbox-item');
    expect(items).toHaveLength(2);
    expect(load).toHaveBeenCalledWith({ open: 'true' });
    expect(items[0]!.textContent).toContain(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
    expect(items[0]!.textContent).toMatch(/5 h.*left|left/);
    expect(items[1]!.textContent).toContain('order not matched');
    expect(items[1]!.className).toContain('di-overdue');
  });

  it('filters by stage through the backend', async () => {
    const { load } = setup();
    await screen.findAllByTestId('inbox-item');
    fireEvent.change(screen.getByTestId('inbox-filter-stage'), { target: { value: 'alert' } });
    await waitFor(() => expect(load).toHaveBeenLastCalledWith({ open: 'true', stage: 'alert' }));
  });

  it('opens an alert with its advice and records the answer the agent picks', async () => {
    const { decideAlert } = setup();
    fireEvent.click((await screen.findAllByTestId('inbox-item'))[0]!.querySelector('button')!);
    const alert = await screen.findByTestId('inbox-alert');
    expect(alert.textContent).toContain('Stop the shipment and cancel');
    expect(alert.textContent).toContain('Not shipped yet <b>really</b>');
    expect(screen.getByTestId('inbox-answer-stop_fulfilment').className).toContain('di-recommended');
    fireEvent.click(screen.getByTestId('inbox-answer-stop_fulfilment'));
    await waitFor(() => expect(decideAlert).toHaveBeenCalledWith(ALERT.id, 'stop_fulfilment'));
    expect((await screen.findByTestId('inbox-decision')).textContent).toContain('Report STOPPED to the alert provider.');
    expect(screen.queryByTestId('inbox-answer-refund')).toBeNull();
  });

  it('shows a failed answer where it happened and keeps the buttons', async () => {
    const load = vi.fn(async () => ({ disputes: [ALERT] }));
    const decideAlert = vi.fn(async () => {
      throw new Error('params.id: this alert was answered by someone else a moment ago; reload it.');
    });
    render(
      <I18nProvider value={t}>
        <DisputesInbox load={load} loadOne={async () => viewOf(false)} decideAlert={decideAlert} now={NOW} language="en" />
      </I18nProvider>,
    );
    fireEvent.click((await screen.findAllByTestId('inbox-item'))[0]!.querySelector('button')!);
    fireEvent.click(await screen.findByTestId('inbox-answer-refund'));
    expect((await screen.findByRole('alert')).textContent).toContain('answered by someone else');
    expect(screen.getByTestId('inbox-answer-refund')).toBeTruthy();
  });

  it('opens the dispute the address names once, however often the page ticks', async () => {
    const load = vi.fn(async () => ({ disputes: [ALERT] }));
    const loadOne = vi.fn(async (_id: string) => viewOf(false));
    const inbox = (now: number) => (
      <I18nProvider value={t}>
        <DisputesInbox load={load} loadOne={(id) => loadOne(id)} decideAlert={vi.fn()} now={now} language="en" initialOpenId={ALERT.id} />
      </I18nProvider>
    );
    const { rerender } = render(inbox(NOW));
    expect(await screen.findByTestId('inbox-alert')).toBeTruthy();
    rerender(inbox(NOW + 1_000));
    rerender(inbox(NOW + 2_000));
    await screen.findAllByTestId('inbox-item');
    expect(loadOne).toHaveBeenCalledTimes(1);
    expect(loadOne).toHaveBeenCalledWith(ALERT.id);
  });

  it('opens a Stripe chargeback with its Stripe evidence part, and an alert without one', async () => {
    const load = vi.fn(async () => ({ disputes: [ALERT, CHARGEBACK] }));
    const stripeView: DisputeView = {
      ...viewOf(false),
      id: CHARGEBACK.id,
      dispute: { ...viewOf(false).dispute, id: 'dp_1', source: 'stripe', stage: 'chargeback' },
    };
    delete stripeView.alert;
    const loadOne = vi.fn(async (id: string) => (id === CHARGEBACK.id ? stripeView : viewOf(false)));
    const loadStripeEvidence = vi.fn(async (_id: string) => ({
      stripeDisputeId: 'dp_1',
      body: { evidence: { shipping_carrier: HOSTILE }, submit: false as const },
      files: [],
      sources: { shipping_carrier: 'page' as const },
      missing: [],
      warnings: [],
    }));
    render(
      <I18nProvider value={t}>
        <DisputesInbox load={load} loadOne={loadOne} decideAlert={vi.fn()} processorLoaders={{ loadStripeEvidence }} now={NOW} language="en" />
      </I18nProvider>,
    );
    const items = await screen.findAllByTestId('inbox-item');
    fireEvent.click(items[0]!.querySelector('button')!);
    await screen.findByTestId('inbox-alert');
    expect(screen.queryByTestId('stripe-evidence')).toBeNull();
    fireEvent.click(items[1]!.querySelector('button')!);
    fireEvent.click(await screen.findByTestId('stripe-evidence-toggle'));
    const row = await screen.findByTestId('stripe-evidence-field');
    expect(loadStripeEvidence).toHaveBeenCalledWith(CHARGEBACK.id);
    expect(row.querySelector('td')!.textContent).toBe(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
  });
});
