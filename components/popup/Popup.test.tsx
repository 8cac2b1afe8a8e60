// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { QueueItem, QueueList } from '@/utils/schemas/admin';
import { I18nProvider } from '../i18n-context';
import { Popup } from './Popup';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const LEAD = { name: 'Lena Lead', role: 'lead' as const, teamName: 'Demo Team' };

function item(n: number, remainingMs: number, over: Partial<QueueItem> = {}): QueueItem {
  const id = `00000000-0000-4000-8000-00000000000${n}`;
  return {
    case: {
      id,
      kind: 'message',
      portal: 'amazon',
      marketplace: 'DE',
      ref: `r${n}`,
      orderId: null,
      status: 'open',
      openedAt: '2026-11-21T10:00:00.000Z',
      updatedAt: '2026-11-21T10:00:00.000Z',
      decision: null,
    },
    sla: {
      caseKind: 'amazon_buyer_message',
      label: 'Buyer message reply',
      startedAt: new Date(NOW - 20 * 3_600_000).toISOString(),
      deadline: new Date(NOW + remainingMs).toISOString(),
      warningFraction: 0.25,
      paused: false,
      policyVersion: 1,
    },
    title: `Case ${n}`,
    url: `https://sellercentral.amazon.de/messaging/thread/${n}`,
    state: remainingMs <= 0 ? 'breached' : 'ok',
    remainingMs: Math.max(0, remainingMs),
    buyerName: null,
    dispute: null,
    ...over,
  };
}

describe('Popup', () => {
  let clockNow: number;
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
    clockNow = NOW;
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  function setup(items: QueueItem[], agent: typeof LEAD | { name: string; role: 'agent'; teamName: string } | null = LEAD, serverTime = NOW) {
    const onOpenUrl = vi.fn();
    const onOpenLeadTools = vi.fn();
    const onOpenDispute = vi.fn();
    const data: QueueList = { items, serverTime: new Date(serverTime).toISOString() };
    render(
      <I18nProvider value={translatorFrom(en)}>
        <Popup
          agent={agent}
          loadQueue={async () => ({ ok: true, data })}
          onOpenUrl={onOpenUrl}
          onOpenOptions={() => {}}
          onOpenLeadTools={onOpenLeadTools}
          onOpenDispute={onOpenDispute}
          language="en"
          clock={() => clockNow}
        />
      </I18nProvider>,
    );
    return { onOpenUrl, onOpenLeadTools, onOpenDispute };
  }

  it('lists the cases in the backend order with state as text and a countdown that ticks', async () => {
    setup([item(1, -5 * 60_000), item(2, 3 * 3_600_000), item(3, 10 * 3_600_000)]);
    await act(async () => {});
    const rows = screen.getAllByTestId('queue-item');
    expect(rows.map((r) => r.getAttribute('data-sla-state'))).toEqual(['breached', 'warning', 'ok']);
    expect(rows[0]!.textContent).toContain('Overdue');
    expect(rows[1]!.textContent).toContain('At risk');
    expect(rows[1]!.textContent).toContain('3 h 00 min');
    expect(rows[1]!.getAttribute('data-remaining-ms')).toBe(String(3 * 3_600_000));
    clockNow += 61_000;
    await act(async () => {
      vi.advanceTimersByTime(1_000);
    });
    expect(screen.getAllByTestId('queue-item')[1]!.textContent).toContain('2 h 58 min');
  });

  it('opens a case page in a tab, and refuses non-web URLs from the backend', async () => {
    const { onOpenUrl } = setup([item(1, 3_600_000), item(2, 7_200_000, { url: 'javascript:alert(1)' })]);
    await act(async () => {});
    const [first, second] = screen.getAllByTestId('queue-item');
    fireEvent.click(first!.querySelector('a')!);
    expect(onOpenUrl).toHaveBeenCalledWith('https://sellercentral.amazon.de/messaging/thread/1');
    expect(second!.querySelector('a')).toBeNull();
  });

  it('counts down on the backend clock when the local clock is wrong', async () => {
    setup([item(1, 3_600_000)], LEAD, NOW + 30 * 60_000);
    await act(async () => {});
    expect(screen.getByTestId('queue-item').getAttribute('data-remaining-ms')).toBe(String(30 * 60_000));
  });

  it('shows the lead tools link to leads only, and a sign-in link when signed out', async () => {
    const { onOpenLeadTools } = setup([]);
    await act(async () => {});
    fireEvent.click(screen.getByTestId('popup-lead-tools'));
    expect(onOpenLeadTools).toHaveBeenCalled();
    cleanup();
    setup([], { name: 'Alex Agent', role: 'agent', teamName: 'Demo Team' });
    await act(async () => {});
    expect(screen.queryByTestId('popup-lead-tools')).toBeNull();
    cleanup();
    setup([], null);
    expect(screen.getByTestId('popup').getAttribute('data-state')).toBe('signed-out');
  });

  it('names each case as the agent knows it: kind, marketplace, buyer and order; the internal reference only on hover', async () => {
    const thread = '6f1c2a9e-3b7d-4c5e-9a10-2f4b8c6d1e07';
    setup([
      item(1, 3_600_000, {
        case: {
          id: '00000000-0000-4000-8000-000000000001',
          kind: 'message',
          portal: 'amazon',
          marketplace: 'UK',
          ref: thread,
          orderId: '204-3456789-0123456',
          status: 'open',
          openedAt: '2026-11-21T10:00:00.000Z',
          updatedAt: '2026-11-21T10:00:00.000Z',
          decision: null,
        },
        buyerName: 'Oliver Bennett',
        title: `Buyer message reply · ${thread}`,
      }),
      item(2, 7_200_000, { case: { ...item(2, 0).case, portal: 'zalando', marketplace: 'ZALANDO-DE', orderId: null } }),
    ]);
    await act(async () => {});
    const [first, second] = screen.getAllByTestId('queue-item');
    expect(first!.textContent).toContain('Buyer message reply');
    expect(first!.textContent).toContain('Amazon UK');
    expect(first!.textContent).toContain('Oliver Bennett · 204-3456789-0123456');
    expect(first!.textContent).not.toContain(thread);
    expect(first!.getAttribute('title')).toContain(thread);
    expect(second!.textContent).toContain('Zalando DE');
    expect(second!.querySelector('[data-testid="queue-who"]')).toBeNull();
  });

  it("lists a processor's alert by stage, provider and amount beside the order's case, and opens it in the inbox", async () => {
    const orderCase = item(1, 5 * 3_600_000, { case: { ...item(1, 0).case, orderId: '305-1111111-2222222' }, buyerName: 'Jana Nováková' });
    const disputeId = '11111111-2222-4333-8444-555555555555';
    const alert = item(1, 2 * 3_600_000, {
      case: orderCase.case,
      buyerName: 'Jana Nováková',
      url: null,
      title: 'Pre-dispute alert · Ethoca · 305-1111111-2222222',
      dispute: {
        id: disputeId,
        source: 'ethoca',
        stage: 'alert',
        network: 'visa',
        reasonGroup: 'fraud',
        amount: { amountMinor: 5990, currency: 'EUR' },
        unmatched: false,
      },
    });
    const unmatched = item(3, 9 * 3_600_000, {
      url: null,
      dispute: { ...alert.dispute!, id: '21111111-2222-4333-8444-555555555555', source: 'stripe', stage: 'chargeback', unmatched: true },
    });
    const { onOpenDispute, onOpenUrl } = setup([alert, orderCase, unmatched]);
    await act(async () => {});
    const [first, second, third] = screen.getAllByTestId('queue-item');
    expect(first!.getAttribute('data-dispute-id')).toBe(disputeId);
    expect(first!.querySelector('[data-testid="queue-dispute"]')!.textContent).toBe('Alert · Ethoca €59.90');
    expect(first!.textContent).toContain('Jana Nováková · 305-1111111-2222222');
    expect(second!.getAttribute('data-dispute-id')).toBeNull();
    expect(third!.textContent).toContain('Chargeback · Stripe');
    expect(third!.textContent).toContain('order not matched');
    fireEvent.click(first!.querySelector('a')!);
    expect(onOpenDispute).toHaveBeenCalledWith(disputeId);
    expect(onOpenUrl).not.toHaveBeenCalled();
  });

  it('shows a receiver the way to the hand-offs to their teams with the open count, and never asks for the queue', async () => {
    const loadQueue = vi.fn(async () => ({ ok: true as const, data: { items: [], serverTime: new Date(NOW).toISOString() } }));
    const onOpenHandoffs = vi.fn();
    const handoffs = [{ status: 'open' as const }, { status: 'open' as const }, { status: 'answered' as const }];
    const renderFor = (agent: { name: string; role: 'receiver' | 'agent'; teamName: string }, list: { status: 'open' | 'answered' }[]) =>
      render(
        <I18nProvider value={translatorFrom(en)}>
          <Popup
            agent={agent}
            loadQueue={loadQueue}
            loadHandoffs={async () => ({ ok: true, data: { handoffs: list } })}
            onOpenHandoffs={onOpenHandoffs}
            onOpenUrl={() => {}}
            onOpenOptions={() => {}}
            onOpenLeadTools={() => {}}
            onOpenInbox={() => {}}
            language="en"
            clock={() => clockNow}
          />
        </I18nProvider>,
      );
    renderFor({ name: 'Wendy Warehouse', role: 'receiver', teamName: 'Demo Team' }, handoffs);
    await act(async () => {});
    expect(screen.getByTestId('popup').getAttribute('data-state')).toBe('receiver');
    fireEvent.click(screen.getByTestId('popup-open-handoffs'));
    expect(onOpenHandoffs).toHaveBeenCalled();
    expect(screen.getByTestId('popup-open-handoffs').textContent).toBe('Hand-offs to my teams (2 open)');
    expect(screen.queryByTestId('popup-open-inbox')).toBeNull();
    expect(screen.queryByTestId('queue-item')).toBeNull();
    expect(loadQueue).not.toHaveBeenCalled();
    cleanup();
    // An agent who answers for no team (nothing open to them) is not offered it.
    renderFor({ name: 'Alex Agent', role: 'agent', teamName: 'Demo Team' }, []);
    await act(async () => {});
    expect(screen.queryByTestId('popup-open-handoffs')).toBeNull();
    expect(loadQueue).toHaveBeenCalled();
    cleanup();
    renderFor({ name: 'Alex Agent', role: 'agent', teamName: 'Demo Team' }, handoffs);
    await act(async () => {});
    expect(screen.getByTestId('popup-open-handoffs').textContent).toBe('Hand-offs to my teams (2 open)');
  });
});
