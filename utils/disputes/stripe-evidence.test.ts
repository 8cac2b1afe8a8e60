import { describe, expect, it } from 'vitest';
import { PageContext } from '../schemas/page';
import type { DisputeLike } from './case-history';
import { buildChecklist } from './checklist';
import { buildStripeEvidence, STRIPE_FIELDS_BY_REASON } from './stripe-evidence';

const context = PageContext.parse({
  portal: 'amazon',
  pageKind: 'order',
  url: 'https://sellercentral.amazon.de/orders-v3/order/028-1234567-1234567',
  orderId: '028-1234567-1234567',
  buyer: { name: 'Max Mustermann', email: 'max@example.com' },
  shipTo: { name: 'Max Mustermann', lines: ['Hauptstraße 5'], city: 'Berlin', postalCode: '10115', country: 'DE' },
  items: [{ title: 'Kaffeemaschine', quantity: 2 }],
  trackingNumber: '1Z999AA10123456784',
  shippingService: 'UPS Standard',
  recognition: { status: 'full', missing: [] },
});

const dispute = (reason: DisputeLike['reason']): DisputeLike => ({
  id: 'dp_1',
  kind: 'card_dispute',
  orderId: context.orderId!,
  reason,
  amount: { amountMinor: 4999, currency: 'EUR' },
  filedAt: '2026-11-20T10:00:00.000Z',
  deadline: '2026-11-30T10:00:00.000Z',
  status: 'open',
});

function exportFor(reason: DisputeLike['reason'], provided: Parameters<typeof buildChecklist>[0]['provided'] = []) {
  const history = {
    events: [],
    trackingNumber: context.trackingNumber!,
    carrier: context.shippingService!,
    shippedAt: '2026-11-03T09:00:00Z',
    deliveredAt: '2026-11-05T12:00:00Z',
  };
  const checklist = buildChecklist({ dispute: dispute(reason), context, history, provided });
  return buildStripeEvidence({
    dispute: dispute(reason),
    context,
    history,
    checklist,
    attachments: [{ id: '00000000-0000-4000-8000-000000000001', filename: 'pod.pdf', evidenceKey: 'proof_of_delivery' }],
  });
}

describe('Stripe evidence export', () => {
  it('fills a not-received case completely from the order and its history, never submitting', () => {
    const out = exportFor('not_received');
    expect(out.body.submit).toBe(false);
    expect(out.body.evidence).toMatchObject({
      shipping_tracking_number: '1Z999AA10123456784',
      shipping_carrier: 'UPS Standard',
      shipping_date: '2026-11-03',
      shipping_address: 'Max Mustermann, Hauptstraße 5, 10115 Berlin, DE',
      product_description: '2 x Kaffeemaschine',
      customer_name: 'Max Mustermann',
      customer_email_address: 'max@example.com',
    });
    expect(out.body.evidence.uncategorized_text).toContain('Delivered: 2026-11-05');
    expect(out.files).toEqual([{ field: 'shipping_documentation', attachmentId: '00000000-0000-4000-8000-000000000001', filename: 'pod.pdf' }]);
    // Only the buyer messages are missing for a complete not-received case.
    expect(out.missing).toEqual(['customer_communication']);
    expect(out.sources.shipping_tracking_number).toBe('history');
  });

  it('fills a fraud case with the customer and delivery facts and names what is still missing', () => {
    const out = exportFor('fraud_card_absent', [{ key: 'avs_cvv_result', value: 'AVS Y, CVV M' }]);
    expect(out.body.evidence).toMatchObject({
      customer_name: 'Max Mustermann',
      customer_email_address: 'max@example.com',
      shipping_address: expect.stringContaining('Berlin'),
    });
    expect(out.body.evidence.uncategorized_text).toContain('AVS and CVV check results: AVS Y, CVV M');
    expect(out.missing).toEqual(STRIPE_FIELDS_BY_REASON.fraud_card_absent.filter((f) => f === 'billing_address' || f === 'customer_purchase_ip'));
  });
});
