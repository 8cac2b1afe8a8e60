import { describe, expect, it } from 'vitest';
import { parsedPage } from '../../tests/server/harness';
import { caseKeyOf, guessPortalOfOrderId, orderSnapshotOf } from './page-keys';

describe('page keys', () => {
  it('derives matching keys that meet across spellings', () => {
    const a = orderSnapshotOf(parsedPage({ buyer: { name: 'Max Müstermann' } }))!;
    const b = orderSnapshotOf(
      parsedPage({
        buyer: { name: 'MUSTERMANN, Max' },
        shipTo: { lines: ['Hauptstr. 5'], city: 'Berlin', postalCode: '10115', country: 'DE', phone: '030 1234567' },
      }),
    )!;
    expect(a.buyerKey).toBe(b.buyerKey);
    expect(a.addressKey).toBe(b.addressKey);
    expect(a.phoneKey).toBe(b.phoneKey);
    expect(a).toMatchObject({ portal: 'amazon', marketplace: 'DE', totalMinor: 12999, currency: 'EUR', country: 'DE' });
    expect(a.snapshot).not.toHaveProperty('recognition');
  });

  it('leaves an empty item list out of the snapshot, so a claim page does not erase the items an order page saw', () => {
    expect(orderSnapshotOf(parsedPage({ pageKind: 'claim', claim: { id: 'AZ1' }, items: [] }))!.snapshot).not.toHaveProperty('items');
    expect(orderSnapshotOf(parsedPage({ items: [{ sku: 'A', quantity: 1 }] }))!.snapshot).toHaveProperty('items', [{ sku: 'A', quantity: 1 }]);
  });

  it('takes the case ref from the page kind', () => {
    expect(caseKeyOf(parsedPage({ orderId: '302-1111111-2222222' }))).toMatchObject({ kind: 'order', ref: '302-1111111-2222222' });
    expect(caseKeyOf(parsedPage({ pageKind: 'claim', claim: { id: 'AZ1' } }))).toMatchObject({ kind: 'claim', ref: 'AZ1' });
    expect(caseKeyOf(parsedPage({ pageKind: 'chargeback', chargeback: { id: 'CB-1' } }))).toMatchObject({ kind: 'chargeback', ref: 'CB-1' });
    expect(caseKeyOf(parsedPage({ pageKind: 'message', message: { threadId: 't-1' } }))).toMatchObject({ kind: 'message', ref: 't-1' });
    expect(caseKeyOf(parsedPage({ pageKind: 'return', orderId: '302-1111111-2222222' }))).toMatchObject({ kind: 'return', ref: '302-1111111-2222222' });
    expect(caseKeyOf(parsedPage({ pageKind: 'order-list' }))).toBeUndefined();
    expect(caseKeyOf(parsedPage({ pageKind: 'message', orderId: undefined }))).toBeUndefined();
  });

  it('guesses the portal of a bare order id', () => {
    expect(guessPortalOfOrderId('302-1234567-1234567')).toBe('amazon');
    expect(guessPortalOfOrderId('8f0c6a52-1d2e-4b7a-9c3f-5e6d7a8b9c01')).toBe('zalando');
    expect(guessPortalOfOrderId('1040970000502251')).toBe('zalando');
    expect(guessPortalOfOrderId('SHOP-42')).toBe('shop');
  });
});

describe('contextForMatching', () => {
  it("drops the recipient's name from the address lines, so two names at one door share a key", async () => {
    const { contextForMatching } = await import('./page-keys');
    const at = (name: string) =>
      parsedPage({
        buyer: { name },
        shipTo: { name, lines: [name, 'Musterstraße 12', '10115 Berlin', 'Deutschland'], city: 'Berlin', postalCode: '10115', country: 'DE' },
      });
    const max = contextForMatching(at('Max Mustermann'));
    expect(max.shipTo!.lines).toEqual(['Musterstraße 12', '10115 Berlin', 'Deutschland']);
    expect(orderSnapshotOf(at('Max Mustermann'))!.addressKey).toBe(orderSnapshotOf(at('Anna Schmidt'))!.addressKey);
    // The snapshot keeps what the page showed.
    expect((orderSnapshotOf(at('Max Mustermann'))!.snapshot.shipTo as { lines: string[] }).lines).toHaveLength(4);
  });
});
