// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { MatchedSop, SopMatchResult } from '@/utils/schemas/sops';
import { I18nProvider } from '../i18n-context';
import { SopSection, type SopSectionProps } from './SopSection';

afterEach(cleanup);

const sop = (over: Partial<MatchedSop>): MatchedSop => ({
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Chargeback steps',
  version: 3,
  language: 'en',
  fallback: false,
  languages: ['en', 'de'],
  body: '1. Check tracking\n2. Upload proof',
  reviewedAt: '2026-11-20T10:00:00.000Z',
  matched: 2,
  ...over,
});

const result = (sops: MatchedSop[]): SopMatchResult => ({ sops, myProposals: [] });

function renderSection(over: Partial<SopSectionProps> = {}) {
  const props: SopSectionProps = {
    load: {
      state: 'ready',
      result: result([sop({}), sop({ id: '00000000-0000-4000-8000-000000000002', title: 'Nur Deutsch', language: 'de', fallback: true })]),
    },
    open: true,
    onToggle: vi.fn(),
    onRead: vi.fn(),
    onPropose: vi.fn(async () => ({ ok: true as const, queued: true })),
    formatDate: (iso) => iso.slice(0, 10),
    ...over,
  };
  render(
    <I18nProvider value={translatorFrom(en)}>
      <SopSection {...props} />
    </I18nProvider>,
  );
  return props;
}

describe('SopSection', () => {
  it('lists the SOPs with their reviewed date and the language shown, saying when it is a fallback', () => {
    renderSection();
    const articles = screen.getAllByTestId('sop-article');
    expect(articles).toHaveLength(2);
    expect(articles[0]!.textContent).toContain('Last reviewed 2026-11-20');
    expect(articles[0]!.textContent).toContain('In English');
    expect(articles[1]!.textContent).toContain('In German (no translation in your language)');
    expect(screen.getByTestId('sop-toggle').textContent).toBe('Procedures (SOPs) (2)');
  });

  it('records a read once when an article is opened, and shows the body', () => {
    const props = renderSection();
    fireEvent.click(screen.getAllByTestId('sop-open')[0]!);
    expect(props.onRead).toHaveBeenCalledTimes(1);
    expect(screen.getAllByRole('listitem').some((li) => li.textContent === 'Check tracking')).toBe(true);
    fireEvent.click(screen.getAllByTestId('sop-open')[0]!);
    expect(props.onRead).toHaveBeenCalledTimes(1);
  });

  it('keeps a refused proposal in the form with the reason, and says when one is queued offline', async () => {
    const onPropose = vi.fn().mockResolvedValueOnce({ ok: false, message: 'body: too long' }).mockResolvedValueOnce({ ok: true, queued: true });
    renderSection({ onPropose });
    fireEvent.click(screen.getAllByTestId('sop-open')[0]!);
    fireEvent.click(screen.getByTestId('sop-propose'));
    const send = screen.getByTestId('sop-proposal-send') as HTMLButtonElement;
    expect(send.disabled).toBe(true); // unchanged text is not a proposal
    fireEvent.change(screen.getByTestId('sop-proposal-body'), { target: { value: '1. Check tracking\n2. Upload proof\n3. Note the carrier' } });
    fireEvent.click(send);
    await waitFor(() => expect(screen.getByTestId('sop-proposal-error').textContent).toBe('body: too long'));
    expect((screen.getByTestId('sop-proposal-body') as HTMLTextAreaElement).value).toContain('Note the carrier');
    fireEvent.click(screen.getByTestId('sop-proposal-send'));
    await waitFor(() => expect(screen.getByTestId('sop-proposal-done').textContent).toContain('will be sent when Caseside is back online'));
    expect(onPropose).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: '00000000-0000-4000-8000-000000000001' }),
      expect.stringContaining('Note the carrier'),
      '',
    );
  });

  it('shows the outcome of the agent proposals and nothing to propose with when read-only', () => {
    renderSection({
      onPropose: undefined,
      load: {
        state: 'ready',
        result: {
          sops: [sop({})],
          myProposals: [
            {
              id: '00000000-0000-4000-8000-0000000000a1',
              sopId: '00000000-0000-4000-8000-000000000001',
              sopTitle: 'Chargeback steps',
              authorId: '00000000-0000-4000-8000-0000000000b1',
              authorName: 'Ana',
              language: 'en',
              baseVersion: 2,
              body: 'x',
              note: '',
              status: 'accepted',
              acceptedVersion: 3,
              decidedBy: 'Lead',
              decidedAt: '2026-11-21T10:00:00.000Z',
              createdAt: '2026-11-20T10:00:00.000Z',
            },
          ],
        },
      },
    });
    fireEvent.click(screen.getByTestId('sop-open'));
    expect(screen.getByTestId('sop-my-proposal').textContent).toContain('accepted as version 3');
    expect(screen.queryByTestId('sop-propose')).toBeNull();
  });

  it('says when nothing fits, and fetches nothing while closed', () => {
    renderSection({ load: { state: 'ready', result: result([]) } });
    expect(screen.getByText('No procedure fits this case.')).toBeTruthy();
    cleanup();
    renderSection({ open: false, load: { state: 'idle' } });
    expect(screen.queryByTestId('sop-article')).toBeNull();
    expect(screen.getByTestId('sop-toggle').getAttribute('aria-expanded')).toBe('false');
  });
});
