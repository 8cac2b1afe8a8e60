// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { PanelResult } from '@/utils/messaging';
import type { PageContext } from '@/utils/schemas/page';
import { I18nProvider } from './i18n-context';
import { Panel, type PanelProps } from './Panel';

const t = translatorFrom(en);
const HOSTILE = '<img src=x onerror="window.__pwned=1">Bob';
const CONTEXT: PageContext = {
  portal: 'amazon',
  pageKind: 'order',
  url: 'https://sellercentral.amazon.com/orders-v3/order/111-2223334-4445556',
  orderId: '111-2223334-4445556',
  buyer: { name: HOSTILE },
  marketplace: { code: 'US', domain: 'Amazon.com' },
  items: [],
  recognition: { status: 'full', missing: [] },
};
const AGENT = { id: '7d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d', name: 'Alex Agent', role: 'agent' as const };
const RESULT: PanelResult = {
  fromCache: false,
  pendingForOrder: [],
  data: {
    case: null,
    history: [
      {
        id: '0d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d',
        caseId: '1d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d',
        orderId: '111-2223334-4445556',
        type: 'note',
        agentId: AGENT.id,
        agentName: 'Sam <b>Support</b>',
        text: '<script>alert(1)</script> buyer called',
        data: {},
        createdAt: '2026-11-20T10:00:00.000Z',
      },
    ],
    buyerCases: [],
    fraud: {
      score: 72,
      recommendation: 'review',
      scope: 'abuse',
      fired: [{ indicator: 'forwarder_address', label: 'Freight forwarder', points: 40, evidence: 'Ships to MyUS <suite>', relatedOrderIds: [] }],
      whatWouldChange: ['13 more points would move this to hold'],
      matrixVersion: 1,
    },
    sla: null,
    templates: [],
    agent: AGENT,
    serverTime: '2026-11-22T10:00:00.000Z',
    disputes: [],
  },
};

function renderPanel(overrides: Partial<PanelProps> = {}) {
  const props: PanelProps = {
    context: CONTEXT,
    state: 'ready',
    result: RESULT,
    sync: { signedIn: true, online: true, pending: 0, failed: 0 },
    error: null,
    collapsed: false,
    onToggle: vi.fn(),
    onRetry: vi.fn(),
    onOpenOptions: vi.fn(),
    onDecide: vi.fn(),
    onAddNote: vi.fn(async () => true),
    formatTime: (iso) => iso,
    ...overrides,
  };
  render(
    <I18nProvider value={t}>
      <Panel {...props} />
    </I18nProvider>,
  );
  return props;
}

afterEach(cleanup);

describe('Panel', () => {
  it('shows page and buyer text literally, never as markup', () => {
    renderPanel();
    expect(screen.getByTestId('buyer-name').textContent).toBe(HOSTILE);
    expect(screen.getByTestId('buyer-name').querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getAllByTestId('history-item')[0]!.textContent).toContain('<script>alert(1)</script> buyer called');
    expect(screen.getAllByTestId('history-item')[0]!.querySelector('b')).toBeNull();
  });

  it('renders every slot it is given (a slot lost at a merge fails here)', () => {
    const names = { sla: 1, templates: 1, disputes: 1, outbox: 1, handoffs: 1, sops: 1 } satisfies Record<keyof NonNullable<PanelProps['slots']>, 1>;
    for (const pageKind of ['order', 'message'] as const) {
      const slots = Object.fromEntries(Object.keys(names).map((n) => [n, <div key={n} data-testid={`slot-${n}`} />]));
      renderPanel({ context: { ...CONTEXT, pageKind }, slots });
      for (const n of Object.keys(names)) expect(screen.getAllByTestId(`slot-${n}`), `${pageKind}: ${n}`).toHaveLength(1);
      cleanup();
    }
  });

  it('exposes the stable hooks with the page kind, state and score', () => {
    renderPanel();
    const panel = screen.getByTestId('caseside-panel');
    expect(panel.dataset.pageKind).toBe('order');
    expect(panel.dataset.state).toBe('ready');
    expect(screen.getByTestId('fraud-score').textContent).toBe('72');
    expect(screen.getByTestId('fraud-score').dataset.recommendation).toBe('review');
    expect(screen.getAllByTestId('fraud-indicator')).toHaveLength(1);
    expect(screen.getByTestId('marketplace').dataset.marketplace).toBe('US');
  });

  it('records a decision with its reason in one click, and with Alt+Shift+H', () => {
    const props = renderPanel();
    fireEvent.change(screen.getByTestId('decision-reason'), { target: { value: 'address is a forwarder' } });
    fireEvent.click(screen.getByTestId('flag-hold'));
    expect(props.onDecide).toHaveBeenCalledWith('hold', 'address is a forwarder');
    fireEvent.keyDown(window, { code: 'KeyR', altKey: true, shiftKey: true });
    expect(props.onDecide).toHaveBeenLastCalledWith('release', '');
  });

  it('keeps a note that could not be saved, and clears it once saved', async () => {
    const onAddNote = vi.fn(async () => false);
    renderPanel({ onAddNote });
    const input = screen.getByTestId('note-input') as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: 'buyer asked for a call back' } });
    fireEvent.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(onAddNote).toHaveBeenCalledWith('buyer asked for a call back'));
    expect(input.value).toBe('buyer asked for a call back');
    onAddNote.mockResolvedValue(true);
    fireEvent.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(input.value).toBe(''));
  });

  it('refuses an empty note with a message', () => {
    const props = renderPanel();
    fireEvent.click(screen.getByTestId('note-save'));
    expect(props.onAddNote).not.toHaveBeenCalled();
    expect(screen.getByText('Write something first.')).toBeTruthy();
  });

  it('says when writes are waiting offline, and shows them in the history', () => {
    renderPanel({
      state: 'offline',
      sync: { signedIn: true, online: false, pending: 2, failed: 0 },
      result: { ...RESULT, pendingForOrder: [{ key: 'k1', kind: 'decision', decision: 'hold', text: 'hold', createdAt: '2026-11-22T10:00:00.000Z' }] },
    });
    expect(screen.getByTestId('sync-status').textContent).toBe('Offline, 2 changes waiting');
    expect(screen.getAllByTestId('history-item')[0]!.dataset.pending).toBe('true');
    expect(screen.getByTestId('latest-decision').dataset.decision).toBe('hold');
  });

  it("says that another person's changes on this browser wait for them, without naming or showing them", () => {
    renderPanel({ sync: { signedIn: true, online: true, pending: 0, failed: 0, heldForOthers: 3 } });
    expect(screen.getByTestId('sync-held').textContent).toBe(' · 3 change(s) made by someone else on this browser wait for them to sign in again');
  });

  it('names the fields it could not read on a redesigned page', () => {
    renderPanel({ state: 'unrecognized', context: { ...CONTEXT, recognition: { status: 'unrecognized', missing: ['buyer name', 'items'] } } });
    expect(screen.getByTestId('recognition').dataset.recognition).toBe('unrecognized');
    expect(screen.getByTestId('missing-fields').textContent).toContain('buyer name, items');
  });

  it('asks a signed-out agent to sign in and offers no write buttons', () => {
    const props = renderPanel({ state: 'signed-out', result: null, sync: { signedIn: false, online: true, pending: 0, failed: 0 } });
    expect(screen.getByTestId('signed-out')).toBeTruthy();
    expect(screen.queryByTestId('flag-hold')).toBeNull();
    fireEvent.click(screen.getByText('Open options'));
    expect(props.onOpenOptions).toHaveBeenCalled();
  });
});
