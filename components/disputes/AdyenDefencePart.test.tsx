// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import de from '@/public/_locales/de/messages.json';
import type { DisputeView } from '@/utils/api-routes/disputes';
import type { AdyenDefenceView } from '@/utils/api-routes/processors';
import { translatorFrom, type Translate } from '@/utils/i18n';
import { I18nProvider } from '../i18n-context';
import { ProcessorParts } from './ProcessorParts';

const HOSTILE = '<img src=x onerror="window.__pwned=1">defence.pdf';
const ID = '7b1c2b9a-8d7e-4c6b-a5f4-e3d2c1b0a987';
const DEFENCE: AdyenDefenceView = {
  disputePspReference: 'DISP8815',
  reasonsFrom: 'not_retrieved',
  defenseReasons: [],
  defenseDocuments: [{ defenseDocumentTypeCode: 'DefenseMaterial', contentType: 'application/pdf', content: 'JVBERi0xLjc=' }],
  documents: [{ defenseDocumentTypeCode: 'DefenseMaterial', filename: HOSTILE, size: 4096 }],
  network: 'mastercard',
  reasonCode: '4855',
  warnings: ['Adyen names the defence reasons itself (retrieveApplicableDefenseReasons).'],
};

function renderParts(dispute: Pick<DisputeView['dispute'], 'source' | 'stage'>, load = vi.fn(async () => DEFENCE), t: Translate = translatorFrom(en)) {
  render(
    <I18nProvider value={t}>
      <ProcessorParts id={ID} dispute={dispute} loaders={{ loadAdyenDefence: load, loadStripeEvidence: vi.fn() }} />
    </I18nProvider>,
  );
  return load;
}

afterEach(cleanup);

describe('the Adyen defence part', () => {
  it('shows the document Adyen would take and says no reason is offered without Adyen’s answer', async () => {
    const load = renderParts({ source: 'adyen', stage: 'chargeback' });
    expect(screen.queryByTestId('stripe-evidence')).toBeNull();
    const part = screen.getByRole('region', { name: 'Adyen defence' });
    fireEvent.click(within(part).getByRole('button', { name: 'Show the Adyen defence' }));
    const body = await screen.findByTestId('adyen-defence-body');
    expect(load).toHaveBeenCalledWith(ID);
    expect(body.dataset['reasonsFrom']).toBe('not_retrieved');
    expect(screen.getByTestId('adyen-defence-reasons-from').textContent).toContain('Adyen was not asked');
    expect(screen.queryByTestId('adyen-defence-reasons')).toBeNull();
    const docs = screen.getByRole('table', { name: 'Defence documents' });
    expect(within(docs).getByRole('rowheader').textContent).toBe('DefenseMaterial');
    expect(within(docs).getByRole('cell').textContent).toBe(`${HOSTILE} (4 KB, PDF)`);
    expect(part.querySelector('img')).toBeNull();
    expect(screen.getByRole('list', { name: 'Warnings' }).textContent).toContain('retrieveApplicableDefenseReasons');
    expect(screen.getByTestId('adyen-defence-download').textContent).toBe('Download adyen-defence-DISP8815.json');
  });

  it("lists Adyen's own reasons when the answer is Adyen's", async () => {
    const load = vi.fn(async () => ({
      ...DEFENCE,
      reasonsFrom: 'adyen' as const,
      defenseReasons: [
        {
          defenseReasonCode: 'SupplyDefenseMaterial',
          satisfied: false,
          documentTypes: [{ defenseDocumentTypeCode: 'DefenseMaterial', requirementLevel: 'Required', available: false }],
        },
      ],
    }));
    renderParts({ source: 'adyen', stage: 'pre_arbitration' }, load, translatorFrom(de));
    fireEvent.click(screen.getByRole('button', { name: 'Adyen-Verteidigung anzeigen' }));
    const reasons = await screen.findByRole('list', { name: 'Verteidigungsgründe' });
    expect(reasons.textContent).toBe('SupplyDefenseMaterial · DefenseMaterial (Required)');
    expect(screen.getByTestId('adyen-defence-reasons-from').textContent).toContain('Adyens eigene Antwort');
  });

  it('is absent for Adyen notices of fraud, inquiries and alerts, and for other processors', () => {
    for (const dispute of [
      { source: 'adyen', stage: 'inquiry' },
      { source: 'adyen', stage: 'alert' },
      { source: 'paypal', stage: 'chargeback' },
    ] as const) {
      renderParts(dispute);
      expect(screen.queryByTestId('adyen-defence')).toBeNull();
      cleanup();
    }
  });

  it("defends only with a reason Adyen offered; without Adyen's answer only the document can be supplied", async () => {
    const submit = vi.fn(async (_id: string, body: { final: boolean }) => ({
      processor: 'adyen' as const,
      final: body.final,
      sentAt: new Date().toISOString(),
      sent: [],
      processorAnswer: 'Adyen accepted the defence document and the defence.',
    }));
    const offered = vi.fn(async () => ({
      ...DEFENCE,
      reasonsFrom: 'adyen' as const,
      defenseReasons: [
        { defenseReasonCode: 'SupplyDefenseMaterial', satisfied: false, documentTypes: [] },
        { defenseReasonCode: 'MerchandiseReceived', satisfied: false, documentTypes: [] },
      ],
    }));
    render(
      <I18nProvider value={translatorFrom(en)}>
        <ProcessorParts id={ID} dispute={{ source: 'adyen', stage: 'chargeback' }} loaders={{ loadAdyenDefence: offered, submit }} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByTestId('adyen-defence-toggle'));
    const reason = (await screen.findByRole('combobox', { name: 'Defence reason (Adyen’s answer)' })) as HTMLSelectElement;
    fireEvent.change(reason, { target: { value: 'MerchandiseReceived' } });
    fireEvent.click(screen.getByRole('button', { name: 'Defend at Adyen…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, send it' }));
    await screen.findByText('Adyen accepted the defence document and the defence.');
    expect(submit).toHaveBeenCalledWith(ID, expect.objectContaining({ final: true, defenseReasonCode: 'MerchandiseReceived' }));
    cleanup();

    render(
      <I18nProvider value={translatorFrom(en)}>
        <ProcessorParts id={ID} dispute={{ source: 'adyen', stage: 'chargeback' }} loaders={{ loadAdyenDefence: async () => DEFENCE, submit }} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByTestId('adyen-defence-toggle'));
    expect(await screen.findByRole('button', { name: 'Supply the defence document to Adyen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Defend at Adyen…' })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
