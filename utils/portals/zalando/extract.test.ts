// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fixtureByName } from '../../../tests/fixtures/manifest';
import { renderedFixture } from '../../../tests/fixtures/load';
import { zalandoAdapter } from '.';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const extract = (name: string) => {
  const fixture = fixtureByName(name);
  return zalandoAdapter.extract(new URL(fixture.url), renderedFixture(fixture));
};

describe('Zalando extraction', () => {
  test('order detail: ids, Packstation ship-to, article lines each with a status', () => {
    const c = extract('zalando-order');
    // The number people quote is the order id; the API's UUID is kept as orderRef.
    expect(c).toMatchObject({
      orderId: '1040970000502251',
      orderRef: '8f0c6a52-1d2e-4b7a-9c3f-5e6d7a8b9c01',
      orderNumber: '1040970000502251',
      orderStatus: 'Approved',
      fulfilmentChannel: 'PartnerFulfilled',
    });
    expect(c.buyer).toEqual({ name: 'Erika Musterfrau', customerNumber: '31400820597' });
    expect(c.shipTo).toEqual({
      lines: ['Erika Musterfrau', 'Packstation 123', 'Postnummer 1234567890', '10117 Berlin', 'Germany'],
      city: 'Berlin',
      postalCode: '10117',
      country: 'DE',
      type: 'PACK_STATION',
    });
    expect(c.billTo).toMatchObject({ city: 'Köln', type: 'HOME_ADDRESS' });
    expect(c.items).toEqual([
      { title: 'Wollmantel, Camel', sku: 'WM-CAM-38', articleId: '4066748123456', quantity: 1, unitPrice: eur(18995), status: 'reserved' },
      { title: 'Kaschmirschal, Grau', sku: 'KS-GR-OS', articleId: '4066748654321', quantity: 1, unitPrice: eur(5995), status: 'canceled' },
    ]);
    expect(c.totals).toEqual({ total: eur(24990) });
    expect(c.purchasedAt).toBe('2025-11-02T14:20:00.000Z');
    expect(c.marketplace).toMatchObject({ code: 'ZALANDO-DE', timeZone: 'Europe/Berlin' });
  });

  test('an order on an unknown path is found by its content and read by labels (DST edge in Amsterdam)', () => {
    const c = extract('zalando-order-other-path');
    expect(c).toMatchObject({
      pageKind: 'order',
      orderId: '1040970000777123',
      orderRef: '2b7e4c19-6a3d-4f80-b1c2-d3e4f5a6b7c8',
      orderNumber: '1040970000777123',
      trackingNumber: '3SABCD1234567',
    });
    expect(c.purchasedAt).toBe('2025-03-30T00:59:00.000Z');
    expect(c.shipTo).toMatchObject({ postalCode: '1015 CJ', city: 'Amsterdam', country: 'NL' });
    expect(c.items[0]).toMatchObject({ quantity: 2, unitPrice: eur(7995), status: 'shipped' });
  });

  test('return: reason code text, announced and received instants, refund', () => {
    const c = extract('zalando-return');
    expect(c.return).toEqual({
      id: '4d3c2b1a-0f9e-4d8c-b7a6-958473625140',
      reason: '3 – Size too small',
      requestedAt: '2025-11-05T08:12:00.000Z',
      receivedAt: '2025-11-08T13:03:00.000Z',
      status: 'returned',
      amount: eur(18995),
    });
    expect(c.orderNumber).toBe('1040970000502251');
    expect(c.orderRef).toBe('8f0c6a52-1d2e-4b7a-9c3f-5e6d7a8b9c01');
  });

  test('Customer Care request', () => {
    const c = extract('zalando-cc-request');
    expect(c.message).toMatchObject({
      threadId: 'CC-20251102-4711',
      subject: 'Parcel not received',
      receivedAt: '2025-11-02T14:20:00.000Z',
      from: 'Zalando Customer Care',
    });
    expect(c.message?.body).toMatch(/^The customer says the parcel/);
    expect(c.clockStart).toEqual({ at: '2025-11-02T14:20:00.000Z', source: 'customer-care-request' });
    const box = zalandoAdapter.findReplyBox(renderedFixture(fixtureByName('zalando-cc-request')));
    expect(box?.kind).toBe('textarea');
  });

  test('fields record the tier that read them; a field read below the label tier shows in page health', () => {
    const hooked = extract('zalando-order');
    expect(hooked.fieldTiers).toMatchObject({ orderId: 'hook', orderRef: 'hook', 'buyer.name': 'hook', marketplace: 'hook' });
    expect(hooked.recognition.lowerTier ?? []).toEqual([]);
    const bare = extract('zalando-order-detail-de-no-hooks');
    expect(bare.fieldTiers).toMatchObject({ orderId: 'label', 'buyer.name': 'label', marketplace: 'label', items: 'label' });
    const expanded = extract('zalando-returns-list-expanded-fr');
    expect(expanded.fieldTiers).toMatchObject({ orderId: 'structure', orderRef: 'structure' });
    expect(expanded.recognition.lowerTier).toEqual(expect.arrayContaining(['orderId: structure']));
  });

  test('the item in focus, never the first of the list', () => {
    const drawer = extract('zalando-orders-drawer-nl');
    expect(drawer.items.map((i) => i.status)).toEqual(['reserved', 'reserved']);
    expect(drawer.items[0]).toMatchObject({ title: 'Sneaker, white, 44', unitPrice: eur(8995) });
    const inbox = extract('zalando-cc-inbox-en');
    // Customer Care wrote again after the partner's answer: the clock runs from that message.
    expect(inbox.message).toMatchObject({ receivedAt: '2026-11-25T07:50:00.000Z', body: 'The return is registered. Please confirm the replacement date.' });
  });

  test('an order number beside other digit runs: the EAN, the customer number and the parcel number are not it', () => {
    const c = extract('zalando-return-detail-en');
    expect(c.orderId).toBe('1041230004718264');
    expect(c.return).toMatchObject({ id: 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f', reason: 'Size too small (3)' });
  });
});
