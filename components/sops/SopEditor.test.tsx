// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiCall } from '@/components/leads/api';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { Result } from '@/utils/messaging';
import type { Sop } from '@/utils/schemas/sops';
import { I18nProvider } from '../i18n-context';
import { draftOf, SopEditor } from './SopEditor';

afterEach(cleanup);

const SOP: Sop = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Chargeback steps',
  defaultLanguage: 'en',
  bodies: { en: '1. Check tracking', de: '1. Sendung prüfen' },
  tags: { portals: ['amazon'], pageKinds: ['chargeback'], caseKinds: [], disputeReasons: ['fraud'], fraudIndicators: [] },
  version: 2,
  reviewedAt: '2026-11-01T00:00:00.000Z',
  archived: false,
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: 'Lena Lead',
};

type Version = { version: number; title: string; bodies: Sop['bodies']; updatedAt: string; updatedBy: string | null };

function setup(answer: (route: string, body: unknown) => Result<unknown>, versions: Version[] = []) {
  const sent: { route: string; body: unknown }[] = [];
  const call = vi.fn(async (route: string, opts?: { body?: unknown }) => {
    // The history beside the editor reads the versions; the tests look at what the editor sends.
    if (route === 'sops.versions') return { ok: true, data: { versions } };
    sent.push({ route, body: opts?.body });
    return answer(route, opts?.body);
  }) as unknown as ApiCall;
  const onStored = vi.fn();
  render(
    <I18nProvider value={translatorFrom(en)}>
      <SopEditor initial={draftOf(SOP)} call={call} onStored={onStored} />
    </I18nProvider>,
  );
  return { sent, onStored };
}

describe('SopEditor', () => {
  it('previews the body as the panel shows it, HTML as text', () => {
    setup(() => ({ ok: true, data: {} }));
    fireEvent.change(screen.getByTestId('sop-body'), { target: { value: '## Steps\n\n- one\n- <b>two</b>' } });
    const preview = screen.getByTestId('sop-preview');
    expect(preview.querySelector('h5')?.textContent).toBe('Steps');
    expect(preview.querySelectorAll('li')).toHaveLength(2);
    expect(preview.querySelector('b')).toBeNull();
    expect(preview.textContent).toContain('<b>two</b>');
  });

  it('saves against its version; on a conflict keeps the draft and can save again over the newer version', async () => {
    const theirs = { ...SOP, version: 3, bodies: { en: 'Theirs' } };
    let round = 0;
    const { sent, onStored } = setup(() => {
      round += 1;
      if (round === 1) return { ok: false, error: { code: 'version_conflict', message: 'saved by someone else', details: { current: theirs } } };
      return { ok: true, data: { sop: { ...SOP, version: 4, bodies: { en: 'Mine' } }, warnings: [{ language: 'en', rule: 'html', message: 'x' }] } };
    });
    fireEvent.change(screen.getByTestId('sop-body'), { target: { value: 'Mine' } });
    fireEvent.change(screen.getByTestId('sop-reasons'), { target: { value: 'fraud, 13.1 ,' } });
    fireEvent.click(screen.getByTestId('sop-save'));
    await waitFor(() => expect(screen.getByTestId('sop-conflict')).toBeTruthy());
    expect(sent[0]).toMatchObject({
      route: 'sops.update',
      body: { expectedVersion: 2, bodies: { en: 'Mine', de: '1. Sendung prüfen' }, tags: { disputeReasons: ['fraud', '13.1'] } },
    });
    expect((screen.getByTestId('sop-body') as HTMLTextAreaElement).value).toBe('Mine');
    fireEvent.click(screen.getByTestId('sop-keep-mine'));
    fireEvent.click(screen.getByTestId('sop-save'));
    await waitFor(() => expect(screen.getByTestId('sop-saved').textContent).toContain('Saved as version 4.'));
    expect(sent[1]).toMatchObject({ body: { expectedVersion: 3 } });
    expect(screen.getByTestId('sop-warning').getAttribute('data-rule')).toBe('html');
    expect(onStored).toHaveBeenCalledTimes(1);
  });

  it('will not send a body over the limit, and says so', () => {
    setup(() => ({ ok: true, data: {} }));
    fireEvent.change(screen.getByTestId('sop-body'), { target: { value: 'x'.repeat(20_001) } });
    expect((screen.getByTestId('sop-save') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toContain('At most 20000 characters.');
  });

  it('lists the earlier versions as text and copies one into the editor; saving makes a new version', async () => {
    const older: Version = {
      version: 1,
      title: 'Chargeback steps (first)',
      bodies: { en: '1. Call the carrier\n\n<img src=x onerror=alert(1)>' },
      updatedAt: '2026-10-01T00:00:00.000Z',
      updatedBy: 'Max Lead',
    };
    const { sent } = setup(() => ({ ok: true, data: { sop: { ...SOP, version: 3, title: older.title, bodies: older.bodies }, warnings: [] } }), [older]);
    const row = await screen.findByTestId('sop-version');
    expect(row.textContent).toContain('Version 1 by Max Lead');
    expect(row.querySelector('img')).toBeNull();
    expect(row.textContent).toContain('<img src=x onerror=alert(1)>');
    fireEvent.click(screen.getByTestId('sop-version-restore'));
    expect((screen.getByTestId('sop-title') as HTMLInputElement).value).toBe('Chargeback steps (first)');
    expect((screen.getByTestId('sop-body') as HTMLTextAreaElement).value).toBe(older.bodies.en);
    fireEvent.click(screen.getByTestId('sop-save'));
    await waitFor(() => expect(screen.getByTestId('sop-saved').textContent).toContain('Saved as version 3.'));
    // Saved over the version the editor held (2), with the older text: a new version, nothing overwritten.
    expect(sent[0]).toMatchObject({ route: 'sops.update', body: { expectedVersion: 2, title: older.title, bodies: { en: older.bodies.en } } });
  });
});
