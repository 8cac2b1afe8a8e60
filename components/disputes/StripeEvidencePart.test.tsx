// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import de from '@/public/_locales/de/messages.json';
import type { DisputeView } from '@/utils/api-routes/disputes';
import type { StripeEvidenceView } from '@/utils/api-routes/processors';
import { translatorFrom, type Translate } from '@/utils/i18n';
import { I18nProvider } from '../i18n-context';
import { DisputeSection, type DisputeSectionProps } from './DisputeSection';

const t = translatorFrom(en);
const HOSTILE = '<img src=x onerror="window.__pwned=1">Tracked';
const NOW = Date.now();

const VIEW: DisputeView = {
  id: '5b1c2b9a-8d7e-4c6b-a5f4-e3d2c1b0a987',
  portal: 'shop',
  marketplace: null,
  caseId: null,
  dispute: {
    id: 'dp_1Q2w3E4r',
    kind: 'card_dispute',
    orderId: 'SHOP-1001',
    reason: 'not_received',
    amount: { amountMinor: 4999, currency: 'EUR' },
    filedAt: new Date(NOW).toISOString(),
    deadline: new Date(NOW + 5 * 86_400_000).toISOString(),
    status: 'open',
    source: 'stripe',
    stage: 'chargeback',
  },
  checklist: [],
  attachments: [],
  recommendation: { action: 'fight', confidence: 0.8, reasons: [] },
  winRate: { won: 0, lost: 0 },
  timeLeftMs: 5 * 86_400_000,
  missingRequired: [],
  serverTime: new Date(NOW).toISOString(),
};

const EVIDENCE: StripeEvidenceView = {
  stripeDisputeId: 'dp_1Q2w3E4r',
  body: { evidence: { shipping_tracking_number: HOSTILE, shipping_carrier: 'DHL', product_description: '1 x Lamp' }, submit: false },
  files: [{ field: 'shipping_documentation', attachmentId: '6c1c2b9a-8d7e-4c6b-a5f4-e3d2c1b0a987', filename: '<b>pod</b>.pdf' }],
  sources: { shipping_tracking_number: 'history', shipping_carrier: 'page', product_description: 'agent' },
  missing: ['shipping_date', 'customer_communication'],
  warnings: ['Stripe takes one file per field: combine the files.'],
};

function renderSection(overrides: Partial<DisputeSectionProps> = {}, translate: Translate = t) {
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
    processorLoaders: { loadStripeEvidence: vi.fn(async () => EVIDENCE) },
    ...overrides,
  };
  render(
    <I18nProvider value={translate}>
      <DisputeSection {...props} />
    </I18nProvider>,
  );
  return props;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the Stripe evidence part of a dispute', () => {
  it('shows Visa CE 3.0 evidence as one line of text: the two earlier payments and what each carries', async () => {
    const ce3: StripeEvidenceView = {
      ...EVIDENCE,
      body: {
        evidence: {
          product_description: '1 x Lamp',
          enhanced_evidence: {
            visa_compelling_evidence_3: {
              disputed_transaction: { customer_purchase_ip: '203.0.113.7', customer_account_id: 'acct-1', merchandise_or_services: 'merchandise' },
              prior_undisputed_transactions: [
                { charge: 'ch_<i>1</i>', customer_purchase_ip: '203.0.113.7', customer_device_fingerprint: 'a1b2c3d4e5f6a7b8c9d0e1' },
                { charge: 'ch_2', customer_purchase_ip: '203.0.113.7' },
              ],
            },
          },
        },
        submit: false,
      },
    };
    renderSection({ processorLoaders: { loadStripeEvidence: vi.fn(async () => ce3) } });
    fireEvent.click(within(screen.getByTestId('stripe-evidence')).getByRole('button', { name: 'Show the Stripe evidence' }));
    await waitFor(() => expect(screen.getByTestId('stripe-evidence-body')).toBeTruthy());
    const row = screen.getAllByTestId('stripe-evidence-field').find((r) => r.dataset['field'] === 'enhanced_evidence')!;
    expect(row.querySelector('td')!.textContent).toBe(
      'Visa CE 3.0: earlier payments ch_<i>1</i> (purchase_ip, device_fingerprint); ch_2 (purchase_ip); the disputed payment with purchase_ip, account_id',
    );
    expect(row.querySelector('i')).toBeNull();
  });

  it('opens from the keyboard, loads once opened, and shows every field as text with where it came from', async () => {
    const props = renderSection();
    const part = screen.getByTestId('stripe-evidence');
    const toggle = within(part).getByRole('button', { name: 'Show the Stripe evidence' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(props.processorLoaders!.loadStripeEvidence).not.toHaveBeenCalled();
    // Labelled by its heading, and opened with the keyboard.
    expect(screen.getByRole('region', { name: 'Stripe evidence' })).toBe(part);
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('stripe-evidence-body')).toBeTruthy());
    expect(props.processorLoaders!.loadStripeEvidence).toHaveBeenCalledWith(VIEW.id);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)?.hidden).toBe(false);

    const rows = screen.getAllByTestId('stripe-evidence-field');
    expect(rows.map((r) => r.dataset['field'])).toEqual(['shipping_tracking_number', 'shipping_carrier', 'product_description']);
    const [tracking, carrier, description] = rows.map((r) => r.querySelectorAll('td'));
    expect(tracking![0]!.textContent).toBe(HOSTILE);
    expect(tracking![1]!.textContent).toBe('the case history');
    expect(carrier![1]!.textContent).toBe('the order page');
    expect(description![1]!.textContent).toBe('an agent');
    expect(screen.getByRole('table', { name: 'Filled fields (3)' })).toBeTruthy();
    // Nothing from the processor or the page becomes markup.
    expect(part.querySelector('img')).toBeNull();
    expect(part.querySelector('b')).toBeNull();

    expect(
      within(screen.getByTestId('stripe-evidence-missing'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['shipping_date', 'customer_communication']);
    expect(screen.getByRole('list', { name: 'Warnings' }).textContent).toContain('one file per field');
    const files = screen.getByRole('table', { name: 'Files to upload to Stripe, per field' });
    expect(within(files).getByRole('rowheader').textContent).toBe('shipping_documentation');
    expect(within(files).getByRole('cell').textContent).toBe('<b>pod</b>.pdf');

    // Closing hides it again.
    fireEvent.click(within(part).getByRole('button', { name: 'Hide' }));
    expect(screen.queryByTestId('stripe-evidence-body')).toBeNull();
  });

  it('copies the JSON body, or shows it to copy by hand when the clipboard is refused', async () => {
    const writeText = vi.fn(async (_: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderSection();
    fireEvent.click(screen.getByTestId('stripe-evidence-toggle'));
    fireEvent.click(await screen.findByTestId('stripe-evidence-copy'));
    await waitFor(() => expect(screen.getByTestId('stripe-evidence-copy-status').textContent).toBe('Copied to the clipboard.'));
    expect(JSON.parse(writeText.mock.calls[0]![0])).toEqual(EVIDENCE.body);

    writeText.mockRejectedValueOnce(new Error('denied'));
    fireEvent.click(screen.getByTestId('stripe-evidence-copy'));
    const manual = (await screen.findByTestId('stripe-evidence-json')) as HTMLTextAreaElement;
    expect(JSON.parse(manual.value)).toEqual({ evidence: EVIDENCE.body.evidence, submit: false });
    expect(manual.readOnly).toBe(true);
    expect(screen.getByRole('textbox', { name: 'The JSON body' })).toBe(manual);
  });

  it('downloads the body as a .json file named after the Stripe dispute, and revokes the URL', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderSection();
    fireEvent.click(screen.getByTestId('stripe-evidence-toggle'));
    const button = await screen.findByTestId('stripe-evidence-download');
    expect(button.textContent).toBe('Download stripe-evidence-dp_1Q2w3E4r.json');
    fireEvent.click(button);
    expect(create).toHaveBeenCalledTimes(1);
    expect(blobs[0]!.type).toBe('application/json');
    expect(JSON.parse(await blobs[0]!.text())).toEqual(EVIDENCE.body);
    expect(clicked[0]!.download).toBe('stripe-evidence-dp_1Q2w3E4r.json');
    expect(clicked[0]!.isConnected).toBe(false); // the link is gone from the page at once
    vi.advanceTimersByTime(3_000);
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
    vi.useRealTimers();
  });

  it('says why when the backend refuses, and is absent for other sources and for early fraud warnings', async () => {
    renderSection({ processorLoaders: { loadStripeEvidence: vi.fn(async () => Promise.reject(new Error('This dispute came from adyen'))) } });
    fireEvent.click(screen.getByTestId('stripe-evidence-toggle'));
    expect((await screen.findByRole('alert')).textContent).toBe('This dispute came from adyen');
    cleanup();
    renderSection({ view: { ...VIEW, dispute: { ...VIEW.dispute, source: 'adyen' } } });
    expect(screen.queryByTestId('stripe-evidence')).toBeNull();
    cleanup();
    renderSection({ view: { ...VIEW, dispute: { ...VIEW.dispute, stage: 'alert' } } });
    expect(screen.queryByTestId('stripe-evidence')).toBeNull();
    cleanup();
    renderSection({ processorLoaders: {} });
    expect(screen.queryByTestId('stripe-evidence')).toBeNull();
  });

  it('speaks German with the German texts', async () => {
    renderSection({}, translatorFrom(de));
    fireEvent.click(screen.getByRole('button', { name: 'Stripe-Nachweise anzeigen' }));
    expect(await screen.findByRole('table', { name: 'Gefüllte Felder (3)' })).toBeTruthy();
    expect(screen.getAllByTestId('stripe-evidence-field')[0]!.querySelectorAll('td')[1]!.textContent).toBe('dem Fallverlauf');
  });

  it("sends a draft at once and the final submission only after an explicit confirmation, showing Stripe's answer as text", async () => {
    const submit = vi.fn(async (_id: string, body: { idempotencyKey: string; final: boolean }) => ({
      processor: 'stripe' as const,
      final: body.final,
      sentAt: new Date(NOW).toISOString(),
      sent: [],
      processorAnswer: body.final ? 'Stripe answered: dispute dp_1Q2w3E4r is under_review.' : `Stripe answered: ${HOSTILE}`,
    }));
    renderSection({ processorLoaders: { loadStripeEvidence: vi.fn(async () => EVIDENCE), submit } });
    fireEvent.click(screen.getByTestId('stripe-evidence-toggle'));
    const group = await screen.findByRole('group', { name: 'Send to Stripe' });
    fireEvent.click(within(group).getByRole('button', { name: 'Save as a draft at Stripe' }));
    await waitFor(() => expect(screen.getByTestId('stripe-submit-status').textContent).toBe(`Stripe answered: ${HOSTILE}`));
    expect(submit).toHaveBeenLastCalledWith(VIEW.id, { idempotencyKey: expect.stringMatching(/^sub_[0-9a-f]{32}$/), final: false });
    expect(screen.getByTestId('stripe-evidence').querySelector('img')).toBeNull();

    fireEvent.click(within(group).getByRole('button', { name: 'Submit to Stripe…' }));
    expect(submit).toHaveBeenCalledTimes(1); // nothing final without the confirmation
    const confirm = screen.getByRole('alertdialog');
    expect(confirm.textContent).toContain('This is final');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, send it' }));
    await waitFor(() => expect(screen.getByTestId('stripe-submit-status').textContent).toContain('under_review'));
    expect(submit.mock.calls[1]![1]).toMatchObject({ final: true });
    expect(submit.mock.calls[1]![1].idempotencyKey).not.toBe(submit.mock.calls[0]![1].idempotencyKey);
  });

  it("keeps the same idempotency key for a retry after a failure, and shows the backend's refusal", async () => {
    const submit = vi.fn(async () => {
      throw new Error('Submitting to Stripe is off for this team: no Stripe API key is stored.');
    });
    renderSection({ processorLoaders: { loadStripeEvidence: vi.fn(async () => EVIDENCE), submit } });
    fireEvent.click(screen.getByTestId('stripe-evidence-toggle'));
    fireEvent.click(await screen.findByTestId('stripe-submit-draft'));
    expect((await screen.findByTestId('stripe-submit-error')).textContent).toContain('no Stripe API key is stored');
    fireEvent.click(screen.getByTestId('stripe-submit-draft'));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
    const calls = submit.mock.calls as unknown as [string, { idempotencyKey: string }][];
    expect(calls[1]![1].idempotencyKey).toBe(calls[0]![1].idempotencyKey);
  });

  it('offers no send buttons to a reader who cannot write', async () => {
    renderSection({ canWrite: false, processorLoaders: { loadStripeEvidence: vi.fn(async () => EVIDENCE), submit: vi.fn() } });
    fireEvent.click(screen.getByTestId('stripe-evidence-toggle'));
    await screen.findByTestId('stripe-evidence-body');
    expect(screen.queryByTestId('stripe-submit')).toBeNull();
  });
});
