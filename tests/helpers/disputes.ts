import { PageContext, type PageContextInput } from '../../utils/schemas/page';
import type { DisputeHistory, DisputeLike } from '../../utils/disputes/case-history';

/** Test-only builders: a German Amazon order delivered on time, then claimed as not received. */
export const ORDER_ID = '302-1234567-1234567';

export function disputeContext(overrides: Partial<PageContextInput> = {}): PageContext {
  return PageContext.parse({
    portal: 'amazon',
    pageKind: 'order',
    url: `https://sellercentral.amazon.de/orders-v3/order/${ORDER_ID}`,
    marketplace: { code: 'DE', timeZone: 'Europe/Berlin', currency: 'EUR', language: 'de' },
    orderId: ORDER_ID,
    buyer: { name: 'Max Mustermann' },
    shipTo: { name: 'Max Mustermann', lines: ['Hauptstraße 5'], city: 'Berlin', postalCode: '10115', country: 'DE' },
    items: [{ title: 'Kaffeebecher, 2er Set', asin: 'B0TESTMUG1', sku: 'MUG-2', quantity: 1, unitPrice: { amountMinor: 4999, currency: 'EUR' } }],
    totals: { total: { amountMinor: 4999, currency: 'EUR' } },
    purchasedAt: '2026-11-02T13:30:00Z',
    shippingService: 'DHL Paket',
    trackingNumber: '00340434161094042557',
    recognition: { status: 'full', missing: [] },
    ...overrides,
  });
}

export function aDispute(overrides: Partial<DisputeLike> = {}): DisputeLike {
  return {
    id: 'atoz-8842',
    kind: 'amazon_atoz',
    orderId: ORDER_ID,
    reason: 'not_received',
    reasonText: 'Artikel nicht erhalten',
    amount: { amountMinor: 4999, currency: 'EUR' },
    filedAt: '2026-11-20T09:00:00Z',
    deadline: '2026-11-23T09:00:00Z',
    status: 'open',
    ...overrides,
  };
}

export function aHistory(overrides: Partial<DisputeHistory> = {}): DisputeHistory {
  return {
    events: [
      { type: 'created', text: 'Case opened', createdAt: '2026-11-18T08:00:00Z' },
      { type: 'note', text: 'Buyer has claimed twice this year.', agentName: 'Anna', createdAt: '2026-11-18T08:05:00Z' },
    ],
    trackingNumber: '00340434161094042557',
    carrier: 'DHL',
    shippedAt: '2026-11-03T10:00:00Z',
    deliveredAt: '2026-11-05T11:42:00Z',
    messages: [
      { at: '2026-11-17T19:00:00Z', from: 'buyer', text: 'Mein Paket ist nie angekommen.' },
      { at: '2026-11-18T08:10:00Z', from: 'seller', text: 'DHL bestätigt die Zustellung am 5.11. an Ihre Adresse.' },
    ],
    ...overrides,
  };
}
