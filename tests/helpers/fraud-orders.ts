import { FraudInput, type FraudInput as FraudInputType } from '../../utils/schemas/fraud';
import type { PageContextInput } from '../../utils/schemas/page';

/** Test-only builders: a plain German marketplace order that fires nothing, to vary per test. */
export function orderContext(overrides: Partial<PageContextInput> = {}): PageContextInput {
  return {
    portal: 'amazon',
    pageKind: 'order',
    url: 'https://sellercentral.amazon.de/orders-v3/order/302-1234567-1234567',
    marketplace: { code: 'DE', timeZone: 'Europe/Berlin', currency: 'EUR', language: 'de' },
    orderId: '302-1234567-1234567',
    buyer: { name: 'Max Mustermann' },
    shipTo: { name: 'Max Mustermann', lines: ['Hauptstraße 5'], city: 'Berlin', postalCode: '10115', country: 'DE', phone: '030 1234567' },
    items: [{ title: 'Kaffeebecher, 2er Set', sku: 'MUG-2', quantity: 1, unitPrice: { amountMinor: 1999, currency: 'EUR' } }],
    totals: { total: { amountMinor: 1999, currency: 'EUR' } },
    // 14:30 in Berlin.
    purchasedAt: '2026-11-20T13:30:00Z',
    shippingService: 'Standard',
    recognition: { status: 'full', missing: [] },
    ...overrides,
  };
}

export function fraudInput(overrides: Partial<Omit<FraudInputType, 'context'>> & { context?: Partial<PageContextInput> } = {}): FraudInputType {
  const { context, ...rest } = overrides;
  return FraudInput.parse({ isOwnShop: false, buyerOrderCount: 4, now: '2026-11-20T14:00:00Z', ...rest, context: orderContext(context) });
}
