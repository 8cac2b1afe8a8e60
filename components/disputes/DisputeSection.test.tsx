// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import type { DisputeView } from '@/utils/api-routes/disputes';
import { translatorFrom } from '@/utils/i18n';
import { I18nProvider } from '../i18n-context';
import { DisputeSection, type DisputeSectionProps } from './DisputeSection';

const t = translatorFrom(en);
const HOSTILE = '<img src=x onerror="window.__pwned=1">Delivered';
const NOW = Date.now();

const VIEW: DisputeView = {
  id: '3f1c2b9a-8d7e-4c6b-a5f4-e3d2c1b0a987',
  portal: 'amazon',
  marketplace: 'US',
  caseId: null,
  dispute: {
    id: 'CB-9F3K2Q7ZL1',
    kind: 'amazon_chargeback',
    orderId: '111-2223334-4445556',
    reason: 'not_received',
    reasonCode: '13.1',
    reasonText: '13.1 Merchandise/Services Not Received',
    amount: { amountMinor: 126648, currency: 'USD' },
    filedAt: '2025-11-05T18:00:00.000Z',
    deadline: new Date(NOW + 2 * 86_400_000 + 3 * 3_600_000 + 60_000).toISOString(),
    status: 'open',
  },
  checklist: [
    { key: 'order_details', label: 'Order details', required: true, status: 'present', source: 'page', value: HOSTILE },
    { key: 'tracking_number', label: 'Tracking number', required: true, status: 'missing', hint: 'Add the carrier and tracking number of the shipment.' },
    { key: 'signature_confirmation', label: 'Signature on delivery', required: false, status: 'not_applicable' },
  ],
  attachments: [],
  recommendation: { action: 'refund', confidence: 0.7, reasons: ['Tracking number is missing', "Won 5 of 7 'not received' disputes"] },
  winRate: { won: 5, lost: 2 },
  timeLeftMs: 2 * 86_400_000 + 3 * 3_600_000 + 60_000,
  missingRequired: ['Tracking number'],
  serverTime: new Date(NOW).toISOString(),
};

function renderSection(overrides: Partial<DisputeSectionProps> = {}) {
  const props: DisputeSectionProps = {
    view: VIEW,
    receivedAt: NOW,
    loading: false,
    error: null,
    canWrite: true,
    formatTime: (iso) => iso,
    onSaveEvidence: vi.fn(async () => true),
    onAttach: vi.fn(async () => true),
    onSetStatus: vi.fn(async () => true),
    onBuildDefence: vi.fn(),
    download: { state: 'idle' },
    onCopyText: vi.fn(),
    text: { state: 'idle' },
    ...overrides,
  };
  render(
    <I18nProvider value={t}>
      <DisputeSection {...props} />
    </I18nProvider>,
  );
  return props;
}

afterEach(cleanup);

describe('DisputeSection', () => {
  it('shows the deadline, time left, the recommendation with its reasons, and every item with its status', () => {
    renderSection();
    const section = screen.getByTestId('dispute');
    expect(section.dataset['deadline']).toBe(VIEW.dispute.deadline);
    expect(screen.getByTestId('dispute-time-left').textContent).toBe('2 d 3 h left');
    const rec = screen.getByTestId('dispute-recommendation');
    expect(rec.dataset['action']).toBe('refund');
    expect(rec.textContent).toContain("Won 5 of 7 'not received' disputes");
    expect(screen.getAllByTestId('evidence-item').map((li) => li.dataset['status'])).toEqual(['present', 'missing', 'not_applicable']);
    expect(screen.getByText('Evidence: 1 missing')).toBeTruthy();
    // Page text is shown as text, never as markup.
    expect(screen.getByTestId('evidence-value').textContent).toBe(HOSTILE);
    expect(section.querySelector('img')).toBeNull();
  });

  it('says how long ago an overdue deadline passed', () => {
    renderSection({ view: { ...VIEW, timeLeftMs: -(3 * 86_400_000 + 5 * 3_600_000) } });
    expect(screen.getByTestId('dispute-time-left').textContent).toBe('Overdue by 3 d 5 h');
  });

  it('completes a missing item with a value or as not applicable; present items offer no form', async () => {
    const props = renderSection();
    const [present, missing] = screen.getAllByTestId('evidence-item');
    expect(present!.querySelector('textarea')).toBeNull();
    fireEvent.change(missing!.querySelector('textarea')!, { target: { value: '  1Z999AA10123456784 (UPS)  ' } });
    fireEvent.click(missing!.querySelector('[data-testid="evidence-save"]')!);
    await waitFor(() => expect(props.onSaveEvidence).toHaveBeenCalledWith('tracking_number', { value: '1Z999AA10123456784 (UPS)' }));
    fireEvent.click(missing!.querySelector('[data-testid="evidence-na"]')!);
    await waitFor(() => expect(props.onSaveEvidence).toHaveBeenCalledWith('tracking_number', { notApplicable: true }));
  });

  it('offers no forms to a reader who cannot write', () => {
    renderSection({ canWrite: false });
    expect(screen.queryAllByTestId('evidence-input')).toHaveLength(0);
  });

  it('builds the defence, then offers the download link and the plain text to copy', () => {
    const props = renderSection();
    fireEvent.click(screen.getByTestId('build-defence'));
    expect(props.onBuildDefence).toHaveBeenCalled();
    cleanup();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderSection({
      download: { state: 'ready', url: 'blob:https://sellercentral.amazon.com/1', filename: 'defence-CB-9F3K2Q7ZL1.pdf', size: 4096 },
      text: { state: 'ready', text: 'Response to dispute', copied: false, truncated: true },
    });
    const link = screen.getByTestId('defence-download') as HTMLAnchorElement;
    expect(link.getAttribute('download')).toBe('defence-CB-9F3K2Q7ZL1.pdf');
    expect(link.textContent).toBe('Download defence-CB-9F3K2Q7ZL1.pdf (4 KB)');
    expect(click).toHaveBeenCalledTimes(1); // the fresh document downloads at once
    expect((screen.getByTestId('defence-text') as HTMLTextAreaElement).value).toBe('Response to dispute');
    expect(screen.getByTestId('defence-text-status').textContent).toContain('Select the text below');
    click.mockRestore();
  });

  it('records the outcome: won or lost is sent once chosen, and nothing while unchanged', async () => {
    const props = renderSection();
    const save = screen.getByTestId('dispute-status-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('dispute-status'), { target: { value: 'won' } });
    fireEvent.click(save);
    await waitFor(() => expect(props.onSetStatus).toHaveBeenCalledWith('won'));
  });
});
