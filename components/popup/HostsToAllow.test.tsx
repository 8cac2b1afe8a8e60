// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { TeamHost } from '@/utils/portals/team-hosts';
import { I18nProvider } from '../i18n-context';
import { HostsToAllow, type HostsToAllowApi } from './HostsToAllow';

afterEach(cleanup);

function setup(hosts: Array<TeamHost & { granted: boolean }>, grant: (host: string) => boolean) {
  const state = hosts.map((h) => ({ ...h }));
  const api: HostsToAllowApi = {
    list: vi.fn(async () => state.map((h) => ({ ...h }))),
    request: vi.fn(async (host: string) => {
      const ok = grant(host);
      if (ok) state.filter((h) => h.host === host).forEach((h) => (h.granted = true));
      return ok;
    }),
  };
  render(
    <I18nProvider value={translatorFrom(en)}>
      <HostsToAllow api={api} />
    </I18nProvider>,
  );
  return api;
}

describe('HostsToAllow', () => {
  it('lists only the hosts this browser has not allowed, and an allowed one leaves the list', async () => {
    const api = setup(
      [
        { portal: 'mirakl', host: 'conrad-prod.mirakl.net', granted: false },
        { portal: 'mirakl', host: 'secretsales-prod.mirakl.net', granted: true },
      ],
      () => true,
    );
    const button = await screen.findByRole('button', { name: 'Allow conrad-prod.mirakl.net' });
    expect(screen.queryByText('secretsales-prod.mirakl.net')).toBeNull();
    fireEvent.click(button);
    expect(api.request).toHaveBeenCalledWith('conrad-prod.mirakl.net');
    await waitFor(() => expect(screen.queryByTestId('popup-hosts')).toBeNull());
  });

  it('says so when Chrome did not allow it, and keeps the host offered', async () => {
    setup([{ portal: 'mirakl', host: 'conrad-prod.mirakl.net', granted: false }], () => false);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow conrad-prod.mirakl.net' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Chrome did not allow conrad-prod.mirakl.net');
    expect(screen.getByRole('button', { name: 'Allow conrad-prod.mirakl.net' })).toBeTruthy();
  });

  it('shows nothing when every host is allowed or the list cannot be read', async () => {
    setup([{ portal: 'mirakl', host: 'conrad-prod.mirakl.net', granted: true }], () => true);
    await waitFor(() => expect(screen.queryByTestId('popup-hosts')).toBeNull());
    cleanup();
    const api: HostsToAllowApi = { list: () => Promise.reject(new Error('offline')), request: async () => true };
    render(
      <I18nProvider value={translatorFrom(en)}>
        <HostsToAllow api={api} />
      </I18nProvider>,
    );
    await waitFor(() => expect(screen.queryByTestId('popup-hosts')).toBeNull());
  });
});
