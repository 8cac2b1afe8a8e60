import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline';
import { aDispute, aHistory, disputeContext } from '../../tests/helpers/disputes';

describe('buildTimeline', () => {
  it('orders purchase, shipment, delivery, messages and the dispute by time', () => {
    const history = aHistory({ refunds: [{ at: '2026-11-19T10:00:00Z', amount: { amountMinor: 500, currency: 'EUR' } }] });
    const entries = buildTimeline({ dispute: aDispute(), context: disputeContext(), history });
    expect(entries.map((e) => e.text)).toEqual([
      'Order 302-1234567-1234567 placed',
      'Shipped with DHL (tracking 00340434161094042557)',
      'Delivered, confirmed by the carrier',
      'Buyer wrote: "Mein Paket ist nie angekommen."',
      'Case opened',
      'We wrote to the buyer: "DHL bestätigt die Zustellung am 5.11. an Ihre Adresse."',
      'Refund of 5.00 EUR issued',
      'Dispute filed: Artikel nicht erhalten',
    ]);
  });

  it('keeps internal notes out unless asked', () => {
    const input = { dispute: aDispute(), context: disputeContext(), history: aHistory() };
    expect(buildTimeline(input).some((e) => e.text.includes('claimed twice'))).toBe(false);
    expect(buildTimeline({ ...input, includeNotes: true }).some((e) => e.text === 'Note by Anna: Buyer has claimed twice this year.')).toBe(true);
  });

  it('skips undated or unparseable facts', () => {
    const entries = buildTimeline({ dispute: aDispute(), history: { events: [], deliveredAt: 'yesterday' } });
    expect(entries.map((e) => e.text)).toEqual(['Dispute filed: Artikel nicht erhalten']);
  });
});
