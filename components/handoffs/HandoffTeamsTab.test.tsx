// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { HandoffTeam } from '@/utils/schemas/handoffs';
import { I18nProvider } from '../i18n-context';
import type { ApiCall } from '../leads/api';
import { HandoffTeamsTab } from './HandoffTeamsTab';

afterEach(cleanup);

const warehouse: HandoffTeam = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Warehouse',
  kind: 'general',
  allowedFields: [],
  pausesSla: false,
  memberIds: [],
};

describe('the internal teams tab', () => {
  it("saves the personal fields a team may see and its SLA policy, and shows the backend's refusal", async () => {
    const calls: { route: string; opts: unknown }[] = [];
    const call = vi.fn(async (route: string, opts?: unknown) => {
      calls.push({ route, opts });
      if (route === 'handoffTeams.list') return { ok: true, data: { teams: [warehouse] } };
      if (route === 'handoffTeams.create') return { ok: false, error: { code: 'conflict', message: 'Another internal team already has this name.' } };
      return { ok: true, data: warehouse };
    }) as unknown as ApiCall;
    render(
      <I18nProvider value={translatorFrom(en)}>
        <HandoffTeamsTab call={call} />
      </I18nProvider>,
    );
    const row = await screen.findByRole('form', { name: 'Warehouse' });
    fireEvent.click(within(row).getByLabelText('Buyer name'));
    fireEvent.click(within(row).getByLabelText('Pause the SLA clock while waiting on this team'));
    fireEvent.click(within(row).getByText('Save team'));
    await waitFor(() => expect(within(row).getByRole('status').textContent).toBe('Saved.'));
    expect(calls.find((c) => c.route === 'handoffTeams.update')?.opts).toEqual({
      params: { id: warehouse.id },
      body: { allowedFields: ['buyerName'], pausesSla: true },
    });
    fireEvent.change(screen.getByTestId('handoff-team-new'), { target: { value: 'warehouse' } });
    fireEvent.submit(screen.getByTestId('handoff-team-new').closest('form')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Another internal team already has this name.'));
  });
});
