// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { FraudScore } from '@/utils/schemas/fraud';
import type { Handoff, HandoffTeam } from '@/utils/schemas/handoffs';
import { I18nProvider } from '../i18n-context';
import { HandoffSection, type HandoffSectionProps } from './HandoffSection';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const teams: HandoffTeam[] = [
  { id: '00000000-0000-4000-8000-000000000001', name: 'Warehouse', kind: 'general', allowedFields: [], pausesSla: false, memberIds: [] },
  { id: '00000000-0000-4000-8000-000000000002', name: 'Fraud', kind: 'fraud', allowedFields: [], pausesSla: false, memberIds: [] },
];
const answered: Handoff = {
  id: '00000000-0000-4000-8000-0000000000aa',
  caseId: '00000000-0000-4000-8000-0000000000bb',
  orderId: '302-1234567-1234567',
  handoffTeamId: teams[0]!.id,
  teamName: 'Warehouse',
  question: `Scanned? ${HOSTILE}`,
  dueAt: '2026-12-02T12:00:00.000Z',
  status: 'answered',
  requestedBy: null,
  requestedByName: null,
  createdAt: '2026-12-02T09:00:00.000Z',
  answer: `Yes ${HOSTILE}`,
  decision: null,
  answeredByName: 'Wh',
  answeredAt: '2026-12-02T09:42:00.000Z',
  minutesToAnswer: 42,
  slaPaused: false,
  escalationScore: null,
};
const fraud: FraudScore = {
  score: 71,
  recommendation: 'hold',
  scope: 'abuse',
  fired: [{ indicator: 'po_box', label: 'PO box', points: 30, evidence: 'Ships to a PO box (PO Box 1)', relatedOrderIds: [] }],
  whatWouldChange: [],
  matrixVersion: 1,
};

function renderSection(overrides: Partial<HandoffSectionProps> = {}) {
  const onCreate = vi.fn(async () => true);
  render(
    <I18nProvider value={translatorFrom(en)}>
      <HandoffSection
        teams={teams}
        handoffs={[answered]}
        canWrite
        marketplaceDeadline="2026-12-03T00:00:00.000Z"
        fraud={fraud}
        agentId={null}
        notice={null}
        onCreate={onCreate}
        formatTime={(iso) => iso}
        now={() => NOW}
        {...overrides}
      />
    </I18nProvider>,
  );
  return onCreate;
}

afterEach(cleanup);

describe('the hand-off section', () => {
  it('lists answers as text with the time they took, and the marketplace deadline beside them', () => {
    renderSection();
    expect(screen.getByTestId('handoff-item').textContent).toContain(`Warehouse answered after 42 min: Yes ${HOSTILE}`);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('handoff-marketplace-deadline').textContent).toBe('Marketplace deadline 2026-12-03T00:00:00.000Z (it never pauses)');
  });

  it('refuses an empty question and a due time in the past, keeping what was typed', async () => {
    const onCreate = renderSection();
    fireEvent.change(screen.getByTestId('handoff-team'), { target: { value: teams[0]!.id } });
    fireEvent.click(screen.getByTestId('handoff-submit'));
    expect(screen.getByTestId('handoff-error').textContent).toBe('Write a question first.');
    fireEvent.change(screen.getByTestId('handoff-question'), { target: { value: 'Where is it?' } });
    fireEvent.change(screen.getByTestId('handoff-due'), { target: { value: '2020-01-01T10:00' } });
    fireEvent.click(screen.getByTestId('handoff-submit'));
    expect(screen.getByTestId('handoff-error').textContent).toBe('The due time must lie in the future.');
    expect((screen.getByTestId('handoff-question') as HTMLTextAreaElement).value).toBe('Where is it?');
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('escalates to a fraud team with the score and its indicators attached', async () => {
    const onCreate = renderSection();
    fireEvent.change(screen.getByTestId('handoff-team'), { target: { value: teams[1]!.id } });
    expect(screen.getByTestId('handoff-attach-score')).toBeTruthy();
    fireEvent.change(screen.getByTestId('handoff-question'), { target: { value: 'Ship or cancel?' } });
    fireEvent.click(screen.getByTestId('handoff-submit'));
    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    expect(onCreate.mock.calls[0]).toEqual([
      {
        handoffTeamId: teams[1]!.id,
        teamName: 'Fraud',
        question: 'Ship or cancel?',
        dueAt: new Date(NOW + 4 * 3_600_000).toISOString(),
        escalation: { score: 71, indicators: [{ indicator: 'po_box', label: 'PO box', points: 30, evidence: 'Ships to a PO box (PO Box 1)' }] },
      },
    ]);
    await waitFor(() => expect((screen.getByTestId('handoff-question') as HTMLTextAreaElement).value).toBe(''));
  });
});
