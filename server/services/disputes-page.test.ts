import { describe, expect, it } from 'vitest';
import { PageContext, type PageContextInput } from '../../utils/schemas/page';
import { DEFAULT_POLICIES } from '../../utils/sla/policies';
import { HttpError } from '../errors';
import { disputeFromPage } from './disputes-page';

const NOW = new Date('2026-01-10T12:00:00Z');

function page(overrides: Partial<PageContextInput>): PageContext {
  return PageContext.parse({
    portal: 'zalando',
    pageKind: 'chargeback',
    url: 'https://zdirect.zalando.com/disputes/DP-1',
    orderId: '8f0c6a52-1d2e-4b7a-9c3f-5e6d7a8b9c01',
    marketplace: { code: 'ZALANDO-DE', currency: 'EUR', timeZone: 'Europe/Berlin', language: 'de' },
    recognition: { status: 'full', missing: [] },
    ...overrides,
  });
}

describe('disputeFromPage', () => {
  it('makes a card dispute with the network and its response window from the reason code', () => {
    const d = disputeFromPage(
      page({
        chargeback: {
          id: 'DP-1',
          amount: { amountMinor: 8995, currency: 'EUR' },
          reason: '4853 Cardholder dispute: goods not as described',
          notifiedAt: '2026-01-02T09:00:00Z',
        },
      }),
      DEFAULT_POLICIES,
      NOW,
    );
    expect(d).toMatchObject({
      kind: 'card_dispute',
      network: 'mastercard',
      reasonCode: '4853',
      reason: 'not_as_described',
      amountMinor: 8995,
      currency: 'EUR',
    });
    // Mastercard: 45 calendar days in the team's zone.
    expect(d.deadline.toISOString()).toBe('2026-02-16T09:00:00.000Z');
  });

  it('takes an earlier respond-by date the portal states over the policy', () => {
    const d = disputeFromPage(
      page({
        chargeback: {
          id: 'DP-2',
          amount: { amountMinor: 100, currency: 'EUR' },
          reason: 'Visa 10.4 Other Fraud: Card-Absent Environment',
          notifiedAt: '2026-01-02T09:00:00Z',
          respondBy: '2026-01-20T09:00:00Z',
        },
      }),
      DEFAULT_POLICIES,
      NOW,
    );
    expect(d).toMatchObject({ network: 'visa', reason: 'fraud_card_absent' });
    expect(d.deadline.toISOString()).toBe('2026-01-20T09:00:00.000Z');
  });

  it('falls back to the order total and to now when the page shows no amount or date', () => {
    const d = disputeFromPage(
      page({ totals: { total: { amountMinor: 4200, currency: 'EUR' } }, chargeback: { id: 'DP-3', reason: 'Item not received' } }),
      DEFAULT_POLICIES,
      NOW,
    );
    expect(d).toMatchObject({ amountMinor: 4200, reason: 'not_received', filedAt: NOW, network: null, reasonCode: null });
  });

  it('refuses Zalando claim pages and pages without an amount, naming the field', () => {
    expect(() => disputeFromPage(page({ pageKind: 'claim', claim: { id: 'C1' } }), DEFAULT_POLICIES, NOW)).toThrow(HttpError);
    try {
      disputeFromPage(page({ chargeback: { id: 'DP-4' } }), DEFAULT_POLICIES, NOW);
      expect.unreachable();
    } catch (err) {
      expect((err as HttpError).field).toBe('body.context.chargeback.amount');
    }
  });
});
