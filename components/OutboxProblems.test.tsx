// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { OutboxProblem } from '@/utils/messaging';
import { I18nProvider } from './i18n-context';
import { OutboxProblems, withoutInvisibleCharacters } from './OutboxProblems';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & </textarea><b>bold</b>';
const note: OutboxProblem = {
  key: 'key-note-01',
  kind: 'note',
  orderId: '302-1234567-1234567',
  text: `${HOSTILE}\u0000`,
  noteText: `${HOSTILE}\u0000`,
  createdAt: '2026-12-01T10:00:00.000Z',
  failure: {
    status: 400,
    code: 'validation_failed',
    message: 'body.text: must not contain NUL characters',
    field: 'body.text',
    at: '2026-12-01T10:00:01.000Z',
  },
};
const flag: OutboxProblem = {
  key: 'key-flag-01',
  kind: 'decision',
  orderId: '302-7654321-7654321',
  text: `hold: ${HOSTILE}`,
  createdAt: '2026-12-01T10:01:00.000Z',
  failure: { status: 500, code: 'internal', message: 'Something went wrong on the server.', at: '2026-12-01T10:01:20.000Z' },
};

function setup(problems: OutboxProblem[]) {
  const onResend = vi.fn(async (_key: string, _text?: string): Promise<string | null> => null);
  const onDiscard = vi.fn(async (_key: string): Promise<string | null> => null);
  const { container } = render(
    <I18nProvider value={translatorFrom(en)}>
      <OutboxProblems problems={problems} onResend={onResend} onDiscard={onDiscard} formatTime={(iso) => iso.slice(11, 16)} />
    </I18nProvider>,
  );
  return { container, onResend, onDiscard };
}

afterEach(cleanup);

describe('OutboxProblems', () => {
  it('renders nothing when nothing is set aside', () => {
    const { container } = setup([]);
    expect(container.innerHTML).toBe('');
  });

  it("shows each set-aside change with its kind, order and the backend's reason and field", () => {
    setup([note, flag]);
    const items = screen.getAllByTestId('outbox-problem');
    expect(items.map((i) => i.dataset['kind'])).toEqual(['note', 'decision']);
    expect(within(items[0]!).getByTestId('outbox-problem-reason').textContent).toBe(
      'The backend refused it: body.text: must not contain NUL characters (field body.text)',
    );
    expect(within(items[1]!).getByTestId('outbox-problem-reason').textContent).toBe(
      'The backend failed on it several times: Something went wrong on the server.',
    );
    expect(items[1]!.textContent).toContain('Flag · 302-7654321-7654321 · 10:01');
    expect(within(items[1]!).getByTestId('outbox-resend').textContent).toBe('Retry');
  });

  it('renders a hostile note and flag reason literally, as text, never as markup', () => {
    const { container } = setup([note, flag]);
    expect(container.querySelector('img, script, b')).toBeNull();
    expect((screen.getByTestId('outbox-problem-text') as HTMLTextAreaElement).value).toBe(HOSTILE);
    expect(screen.getByTestId('outbox-problem-summary').textContent).toBe(`hold: ${HOSTILE}`);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('offers the note without its invisible characters, says so, and sends the edit', async () => {
    const { onResend } = setup([note]);
    expect(screen.getByText(/Invisible characters/)).toBeTruthy();
    fireEvent.change(screen.getByTestId('outbox-problem-text'), { target: { value: 'Buyer called, address fixed.' } });
    fireEvent.click(screen.getByTestId('outbox-resend'));
    await waitFor(() => expect(onResend).toHaveBeenCalledWith('key-note-01', 'Buyer called, address fixed.'));
  });

  it('retries a flag as it was', async () => {
    const { onResend } = setup([flag]);
    fireEvent.click(screen.getByTestId('outbox-resend'));
    await waitFor(() => expect(onResend).toHaveBeenCalledWith('key-flag-01'));
  });

  it('refuses to send an emptied note', () => {
    const { onResend } = setup([note]);
    fireEvent.change(screen.getByTestId('outbox-problem-text'), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('outbox-resend'));
    expect(screen.getByTestId('outbox-problem-error').textContent).toBe('The note is empty.');
    expect(onResend).not.toHaveBeenCalled();
  });

  it('discards only after a second, confirming click', async () => {
    const { onDiscard } = setup([flag]);
    fireEvent.click(screen.getByTestId('outbox-discard'));
    expect(onDiscard).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('outbox-discard-cancel'));
    fireEvent.click(screen.getByTestId('outbox-discard'));
    fireEvent.click(screen.getByTestId('outbox-discard-confirm'));
    await waitFor(() => expect(onDiscard).toHaveBeenCalledWith('key-flag-01'));
  });

  it('shows why an action did not work', async () => {
    const { onResend } = setup([flag]);
    onResend.mockResolvedValueOnce('The backend cannot be reached.');
    fireEvent.click(screen.getByTestId('outbox-resend'));
    expect((await screen.findByTestId('outbox-problem-error')).textContent).toBe('That did not work: The backend cannot be reached.');
  });
});

describe('withoutInvisibleCharacters', () => {
  it('drops NUL, other controls and lone surrogates, keeps newlines, tabs, accents and emoji', () => {
    expect(withoutInvisibleCharacters('a\u0000b\u0007c\u001Fd\u007F')).toBe('abcd');
    expect(withoutInvisibleCharacters('x\uD800y\uDC00z')).toBe('xyz');
    expect(withoutInvisibleCharacters('Grüße\n\tà bientôt 📦')).toBe('Grüße\n\tà bientôt 📦');
  });
});
