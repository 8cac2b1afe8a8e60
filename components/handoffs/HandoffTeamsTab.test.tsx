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

/** Renders the tab on a backend that answers each route from `answers` (else the team), recording every call. */
function renderTab(answers: Record<string, unknown>, team: HandoffTeam = warehouse) {
  const calls: { route: string; opts: unknown }[] = [];
  const call = vi.fn(async (route: string, opts?: unknown) => {
    calls.push({ route, opts });
    return answers[route] ?? { ok: true, data: team };
  }) as unknown as ApiCall;
  render(
    <I18nProvider value={translatorFrom(en)}>
      <HandoffTeamsTab call={call} />
    </I18nProvider>,
  );
  return calls;
}

describe('the internal teams tab', () => {
  it("saves the personal fields a team may see and its SLA policy, and shows the backend's refusal", async () => {
    const calls = renderTab({
      'handoffTeams.list': { ok: true, data: { teams: [warehouse] } },
      'agents.list': { ok: true, data: { agents: [] } },
      'handoffTeams.create': { ok: false, error: { code: 'conflict', message: 'Another internal team already has this name.' } },
    });
    const row = await screen.findByRole('form', { name: 'Warehouse' });
    fireEvent.click(within(row).getByLabelText('Buyer name'));
    fireEvent.click(within(row).getByLabelText('Pause the SLA clock while waiting on this team'));
    fireEvent.click(within(row).getByText('Save team'));
    await waitFor(() => expect(within(row).getByRole('status').textContent).toBe('Saved.'));
    expect(calls.find((c) => c.route === 'handoffTeams.update')?.opts).toEqual({
      params: { id: warehouse.id },
      body: { allowedFields: ['buyerName'], pausesSla: true, memberIds: [] },
    });
    fireEvent.change(screen.getByTestId('handoff-team-new'), { target: { value: 'warehouse' } });
    fireEvent.submit(screen.getByTestId('handoff-team-new').closest('form')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Another internal team already has this name.'));
  });

  it('sets who belongs to a team: receivers and agents by name, a deactivated one only while still a member', async () => {
    const agent = (id: string, name: string, role: 'agent' | 'lead' | 'receiver', active = true) => ({
      id: `00000000-0000-4000-8000-00000000001${id}`,
      teamId: '00000000-0000-4000-8000-0000000000ff',
      name,
      role,
      createdAt: '2026-11-01T00:00:00.000Z',
      active,
    });
    const wendy = agent('1', 'Wendy Warehouse', 'receiver');
    const sam = agent('2', 'Sam Support', 'agent');
    const gone = agent('3', 'Gone Receiver', 'receiver', false);
    const left = agent('4', 'Left Receiver', 'receiver', false);
    const team = { ...warehouse, memberIds: [gone.id] };
    const calls = renderTab(
      {
        'handoffTeams.list': { ok: true, data: { teams: [team] } },
        'agents.list': { ok: true, data: { agents: [wendy, sam, gone, left] } },
      },
      team,
    );
    const row = await screen.findByRole('form', { name: 'Warehouse' });
    const members = await within(row).findByTestId('handoff-team-members');
    expect(
      within(members)
        .getAllByRole('checkbox')
        .map((c) => c.parentElement!.textContent!.trim()),
    ).toEqual(['Wendy Warehouse · receiver (no extension)', 'Sam Support', 'Gone Receiver · receiver (no extension) · deactivated: left out when saved']);
    fireEvent.click(within(members).getByLabelText(/Wendy Warehouse/));
    fireEvent.click(within(members).getByLabelText(/Sam Support/));
    fireEvent.click(within(row).getByText('Save team'));
    await waitFor(() => expect(within(row).getByRole('status').textContent).toBe('Saved.'));
    expect(calls.find((c) => c.route === 'handoffTeams.update')?.opts).toEqual({
      params: { id: team.id },
      body: { allowedFields: [], pausesSla: false, memberIds: [wendy.id, sam.id] },
    });
  });

  it('leaves the members as they are when the agents cannot be read', async () => {
    const calls = renderTab({
      'handoffTeams.list': { ok: true, data: { teams: [{ ...warehouse, memberIds: [warehouse.id] }] } },
      'agents.list': { ok: false, error: { code: 'offline', message: 'The backend is not reachable.' } },
    });
    const row = await screen.findByRole('form', { name: 'Warehouse' });
    await screen.findByText('The backend is not reachable.');
    expect(within(row).queryByTestId('handoff-team-members')).toBeNull();
    fireEvent.click(within(row).getByText('Save team'));
    await waitFor(() => expect(within(row).getByRole('status').textContent).toBe('Saved.'));
    expect(calls.find((c) => c.route === 'handoffTeams.update')?.opts).toEqual({ params: { id: warehouse.id }, body: { allowedFields: [], pausesSla: false } });
  });
});
