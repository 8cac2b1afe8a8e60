// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import { I18nProvider } from '../i18n-context';
import { ReportsPage, type ReportsPageProps } from './ReportsPage';

afterEach(cleanup);

describe('ReportsPage', () => {
  it("loads its filters once for the page's life, even when the page above passes new loaders", async () => {
    const loadFilters = vi.fn(async () => ({ ok: false as const, error: { message: 'backend away' } }));
    const props = (): ReportsPageProps => ({
      loadFilters: (...a) => loadFilters(...a),
      loadService: vi.fn(),
      loadFraud: vi.fn(),
      loadDisputes: vi.fn(),
      onDownload: () => {},
      initialRange: { from: '2026-11-15', to: '2026-11-22' },
    });
    const ui = (p: ReportsPageProps) => (
      <I18nProvider value={translatorFrom(en)}>
        <ReportsPage {...p} />
      </I18nProvider>
    );
    const { rerender } = render(ui(props()));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('backend away'));
    rerender(ui(props()));
    rerender(ui(props()));
    await waitFor(() => expect(screen.getByTestId('reports-page').dataset['state']).toBe('error'));
    expect(loadFilters).toHaveBeenCalledTimes(1);
  });
});
