import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PersonalField } from '../../utils/schemas/handoffs';
import { handoffReportRows, quantile, receiverOrderOf, type StoredOrder } from './handoffs-view';

/** Text that cannot appear in the non-personal parts of the test snapshot (or in another field) by chance. */
const secret = (field: string) => fc.stringMatching(/^[A-Za-z]{6,12}$/).map((s) => `PII-${field}-${s}`);

describe('the receiving team’s view of an order', () => {
  it('holds none of the buyer’s name, e-mail, phone or address unless the team is allowed that field', () => {
    fc.assert(
      fc.property(
        fc.record({
          name: secret('name'),
          email: secret('email'),
          phone: secret('phone'),
          street: secret('street'),
          city: secret('city'),
          postal: secret('postal'),
        }),
        fc.subarray([...PersonalField.options]),
        (buyer, allowed) => {
          const stored: StoredOrder = {
            portal: 'amazon',
            marketplace: 'DE',
            buyerName: buyer.name,
            purchasedAt: null,
            snapshot: {
              buyer: { name: buyer.name, email: buyer.email },
              shipTo: { name: buyer.name, lines: [buyer.street], city: buyer.city, postalCode: buyer.postal, phone: buyer.phone, country: 'DE' },
              billTo: { name: buyer.name, lines: [buyer.street] },
              items: [{ title: 'Kettle', sku: 'K-1', quantity: 2 }],
              shippingService: 'DHL',
              trackingNumber: 'T-1',
              message: { text: `Hello from ${buyer.name} at ${buyer.email}` },
            },
          };
          const view = JSON.stringify(receiverOrderOf('302-1', stored, allowed));
          const shows = (field: string) => view.includes(field);
          expect(shows(buyer.name)).toBe(allowed.includes('buyerName') || allowed.includes('shipTo'));
          expect(shows(buyer.email)).toBe(allowed.includes('buyerEmail'));
          expect(shows(buyer.phone)).toBe(allowed.includes('buyerPhone'));
          expect(shows(buyer.street)).toBe(allowed.includes('shipTo'));
          expect(shows(buyer.city)).toBe(allowed.includes('shipTo'));
          expect(view).toContain('"carrier":"DHL"');
        },
      ),
    );
  });

  it('reads a malformed snapshot as absent fields instead of failing', () => {
    const view = receiverOrderOf(
      '1',
      { portal: 'zalando', marketplace: null, buyerName: null, purchasedAt: null, snapshot: { items: 'x', purchasedAt: 5 } },
      [],
    );
    expect(view).toEqual({
      orderId: '1',
      portal: 'zalando',
      marketplace: null,
      items: [],
      carrier: null,
      trackingNumber: null,
      purchasedAt: null,
      shipBy: null,
      deliverBy: null,
    });
  });
});

describe('hand-off report rows', () => {
  it('takes the nearest-rank median and p90', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        const sorted = [...values].sort((a, b) => a - b);
        const v = quantile(sorted, q)!;
        expect(sorted).toContain(v);
        expect(sorted.filter((x) => x <= v).length / sorted.length).toBeGreaterThanOrEqual(q);
      }),
    );
  });

  it('counts overdue hand-offs: answered after their due time, or open past it', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const due = new Date('2026-01-01T10:00:00Z');
    const rows = handoffReportRows(
      [
        { team: 'Warehouse', minutes: 30, dueAt: due, answeredAt: new Date('2026-01-01T09:00:00Z') },
        { team: 'Warehouse', minutes: 90, dueAt: due, answeredAt: new Date('2026-01-01T11:00:00Z') },
        { team: 'Warehouse', minutes: null, dueAt: due, answeredAt: null },
        { team: 'Finance', minutes: null, dueAt: new Date('2026-01-02T00:00:00Z'), answeredAt: null },
      ],
      now,
    );
    expect(rows).toEqual([
      { team: 'Finance', count: 1, answered: 0, medianMinutes: null, p90Minutes: null, overdue: 0 },
      { team: 'Warehouse', count: 3, answered: 2, medianMinutes: 30, p90Minutes: 90, overdue: 2 },
    ]);
  });
});
