// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { AnswerHandoffBody, ReceiverHandoff } from '@/utils/schemas/handoffs';
import { I18nProvider } from '../i18n-context';
import { InboxCallError, ReceiverInbox } from './ReceiverInbox';

const HOSTILE = '<img src=x onerror="window.__pwned=1">Is it packed?';
const NOW = Date.parse('2026-12-03T09:00:00.000Z');

function handoff(n: number, over: Partial<ReceiverHandoff> = {}): ReceiverHandoff {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    teamName: 'Warehouse',
    teamKind: 'general',
    question: `Question ${n}?`,
    dueAt: new Date(NOW + 3_600_000).toISOString(),
    createdAt: new Date(NOW - 3_600_000).toISOString(),
    status: 'open',
    answer: null,
    decision: null,
    answeredAt: null,
    order: {
      orderId: `302-000000${n}`,
      portal: 'amazon',
      marketplace: 'DE',
      items: [{ title: 'Kettle', sku: 'K-1', quantity: 1 }],
      carrier: 'DHL',
      trackingNumber: null,
      purchasedAt: null,
      shipBy: null,
      deliverBy: null,
    },
    escalation: null,
    ...over,
  };
}

/** The inbox over a list the test changes; each load answers fresh copies, as the backend would. */
function setup(initial: ReceiverHandoff[], answer?: (id: string, body: AnswerHandoffBody) => Promise<ReceiverHandoff>) {
  let rows = initial;
  const list = vi.fn(async () => structuredClone(rows));
  const answerFn = vi.fn(
    answer ??
      (async (id: string, body: AnswerHandoffBody) => ({
        ...rows.find((h) => h.id === id)!,
        status: 'answered' as const,
        answer: body.answer,
        answeredAt: new Date(NOW).toISOString(),
      })),
  );
  let keys = 0;
  render(
    <I18nProvider value={translatorFrom(en)}>
      <ReceiverInbox list={list} answer={answerFn} newKey={() => `key_${++keys}_abcdefgh`} locale="en" />
    </I18nProvider>,
  );
  return { list, answer: answerFn, setRows: (next: ReceiverHandoff[]) => (rows = next) };
}

const card = (question: string) => screen.getAllByTestId('handoff-card').find((c) => c.textContent?.includes(question))!;
const settle = () => act(async () => {});

describe('ReceiverInbox', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('answers a hand-off once with its key, and shows it answered', async () => {
    const { answer } = setup([handoff(1)]);
    await settle();
    const row = card('Question 1?');
    fireEvent.change(within(row).getByTestId('handoff-answer'), { target: { value: '  Packed at 09:12.  ' } });
    fireEvent.click(within(row).getByTestId('handoff-send'));
    await settle();
    expect(answer).toHaveBeenCalledWith(handoff(1).id, { answer: 'Packed at 09:12.', idempotencyKey: 'key_1_abcdefgh' });
    expect(card('Question 1?').getAttribute('data-status')).toBe('answered');
    expect(within(card('Question 1?')).getByTestId('handoff-answered').textContent).toContain('Packed at 09:12.');
  });

  it('names the refused field, marks it, and keeps the draft and its key for the retry', async () => {
    const fraud = handoff(2, { teamName: 'Fraud', teamKind: 'fraud' });
    const refusal = vi.fn(async (): Promise<ReceiverHandoff> => {
      throw new InboxCallError('A fraud team answers with a decision: hold, release or fraud.', 'body.decision');
    });
    setup([fraud], refusal);
    await settle();
    const row = card('Question 2?');
    // An empty answer is refused here, naming the answer field.
    fireEvent.submit(within(row).getByTestId('handoff-answer-form'));
    await settle();
    expect(within(row).getByRole('alert').textContent).toBe('Your answer: Write an answer first.');
    expect(within(row).getByTestId('handoff-answer').getAttribute('aria-invalid')).toBe('true');
    expect(refusal).not.toHaveBeenCalled();
    fireEvent.change(within(row).getByTestId('handoff-answer'), { target: { value: 'Card looks stolen' } });
    fireEvent.submit(within(row).getByTestId('handoff-answer-form'));
    await settle();
    expect(within(row).getByRole('alert').textContent).toBe(
      'The answer was not saved: Decision on the order: A fraud team answers with a decision: hold, release or fraud.',
    );
    expect(within(row).getByTestId('handoff-decision').getAttribute('aria-invalid')).toBe('true');
    expect((within(row).getByTestId('handoff-answer') as HTMLTextAreaElement).value).toBe('Card looks stolen');
    fireEvent.submit(within(row).getByTestId('handoff-answer-form'));
    await settle();
    // The same draft is sent with the same key: a lost response replays instead of answering twice.
    expect(refusal.mock.calls.map((c) => (c as unknown as [string, AnswerHandoffBody])[1].idempotencyKey)).toEqual(['key_1_abcdefgh', 'key_1_abcdefgh']);
  });

  it('refreshes every 20 s while visible and on return, keeps a half-typed answer, and announces new hand-offs politely', async () => {
    const { list, setRows } = setup([handoff(1), handoff(2)]);
    await settle();
    expect(list).toHaveBeenCalledTimes(1);
    fireEvent.change(within(card('Question 2?')).getByTestId('handoff-answer'), { target: { value: 'Half-typed answer' } });
    const announce = screen.getByTestId('handoff-announce');
    expect(announce.getAttribute('aria-live')).toBe('polite');
    expect(announce.textContent).toBe('');

    // A new hand-off arrives first in the list; the draft's row moves but keeps its text.
    setRows([handoff(3), handoff(1), handoff(2)]);
    await act(async () => {
      vi.advanceTimersByTime(20_000);
    });
    expect(list).toHaveBeenCalledTimes(2);
    expect(screen.getAllByTestId('handoff-card')).toHaveLength(3);
    expect((within(card('Question 2?')).getByTestId('handoff-answer') as HTMLTextAreaElement).value).toBe('Half-typed answer');
    expect(announce.textContent).toBe('New hand-offs to your teams: 1');

    // Hidden: no polling. Back in view: at once.
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await act(async () => {
      vi.advanceTimersByTime(60_000);
    });
    expect(list).toHaveBeenCalledTimes(2);
    visibility.mockReturnValue('visible');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(list).toHaveBeenCalledTimes(3);
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(list).toHaveBeenCalledTimes(4);
    expect((within(card('Question 2?')).getByTestId('handoff-answer') as HTMLTextAreaElement).value).toBe('Half-typed answer');
    visibility.mockRestore();
  });

  it('keeps a load failure visible and the list as it was', async () => {
    const { list } = setup([handoff(1)]);
    await settle();
    list.mockRejectedValueOnce(new InboxCallError('No Caseside backend answers.'));
    fireEvent.click(screen.getByTestId('handoff-refresh'));
    await settle();
    expect(screen.getByTestId('handoff-load-error').textContent).toBe('Could not load the hand-offs: No Caseside backend answers.');
    expect(screen.getAllByTestId('handoff-card')).toHaveLength(1);
  });

  it('renders hostile text from the server as text', async () => {
    setup([
      handoff(1, {
        question: HOSTILE,
        order: { ...handoff(1).order, items: [{ title: '<script>window.__pwned=1</script>', sku: null, quantity: 2 }] },
        escalation: { score: 80, indicators: [{ indicator: 'forwarder_address', label: '<b>bold</b>', points: 30, evidence: '<a href="javascript:1">x</a>' }] },
      }),
    ]);
    await settle();
    const row = screen.getByTestId('handoff-card');
    expect(row.querySelector('img, script, b, a')).toBeNull();
    expect(row.textContent).toContain(HOSTILE);
    expect(row.textContent).toContain('2 × <script>window.__pwned=1</script>');
    expect(row.textContent).toContain('<b>bold</b> (+30): <a href="javascript:1">x</a>');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
