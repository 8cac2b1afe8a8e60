import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripeCe3, type Ce3Payment } from './stripe-ce3';

const disputed: Ce3Payment = {
  id: 'ch_now',
  at: '2026-11-02T13:30:00Z',
  ipAddress: '203.0.113.7',
  deviceId: 'a1b2c3d4e5f6a7b8c9d0e1',
  accountId: 'acct-1',
  email: 'max@example.com',
};
const prior = (id: string, at: string, more: Partial<Ce3Payment> = {}): Ce3Payment => ({
  id,
  at,
  ipAddress: '203.0.113.7',
  deviceId: 'a1b2c3d4e5f6a7b8c9d0e1',
  ...more,
});

describe("Stripe's CE 3.0 evidence", () => {
  it('sends the disputed payment and exactly the two most recent qualifying ones', () => {
    const { ce3, warnings } = stripeCe3({
      disputed,
      qualifying: [
        { payment: prior('ch_old', '2026-01-10T10:00:00Z'), matched: ['ipAddress', 'deviceId'] },
        { payment: prior('ch_mid', '2026-05-01T10:00:00Z'), matched: ['ipAddress', 'deviceId'] },
        { payment: prior('ch_new', '2026-06-01T10:00:00Z'), matched: ['ipAddress', 'deviceId'] },
      ],
      productDescription: 'Trail running shoes',
      shipped: true,
    });
    expect(ce3).toEqual({
      disputed_transaction: {
        customer_account_id: 'acct-1',
        customer_email_address: 'max@example.com',
        customer_purchase_ip: '203.0.113.7',
        customer_device_fingerprint: 'a1b2c3d4e5f6a7b8c9d0e1',
        product_description: 'Trail running shoes',
        merchandise_or_services: 'merchandise',
      },
      prior_undisputed_transactions: [
        { charge: 'ch_new', customer_purchase_ip: '203.0.113.7', customer_device_fingerprint: 'a1b2c3d4e5f6a7b8c9d0e1' },
        { charge: 'ch_mid', customer_purchase_ip: '203.0.113.7', customer_device_fingerprint: 'a1b2c3d4e5f6a7b8c9d0e1' },
      ],
    });
    expect(warnings).toEqual([]);
  });

  it('sends nothing with fewer than two, and says what it leaves out', () => {
    expect(
      stripeCe3({ disputed, qualifying: [{ payment: prior('ch_1', '2026-06-01T10:00:00Z'), matched: ['ipAddress', 'deviceId'] }], shipped: true }).ce3,
    ).toBeUndefined();
    const { ce3, warnings } = stripeCe3({
      disputed: { ...disputed, deviceId: 'short-dev' },
      qualifying: [
        { payment: prior('PSP0001', '2026-06-01T10:00:00Z', { deviceId: '352099001761481' }), matched: ['ipAddress', 'shippingAddress'] },
        { payment: prior('ch_2', '2026-05-01T10:00:00Z'), matched: ['ipAddress', 'deviceId'] },
      ],
      shipped: false,
    });
    expect(ce3!.disputed_transaction).not.toHaveProperty('customer_device_id');
    expect(ce3!.disputed_transaction).not.toHaveProperty('customer_device_fingerprint');
    expect(ce3!.disputed_transaction.merchandise_or_services).toBe('services');
    expect(ce3!.prior_undisputed_transactions[0]).toMatchObject({ charge: 'PSP0001', customer_device_id: '352099001761481' });
    expect(warnings.join(' ')).toMatch(/ch_now has 9 characters.*one line.*PSP0001 is not a Stripe charge id/);
  });

  it('never sends a device identifier Stripe would refuse, nor more or fewer than two prior payments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.stringMatching(/^ch_[a-z0-9]{4,10}$/), days: fc.integer({ min: 120, max: 365 }), device: fc.string({ maxLength: 40 }) }), {
          minLength: 2,
          maxLength: 6,
        }),
        (payments) => {
          const { ce3 } = stripeCe3({
            disputed,
            qualifying: payments.map((p) => ({
              payment: prior(p.id, new Date(Date.parse('2026-11-02T00:00:00Z') - p.days * 86_400_000).toISOString(), { deviceId: p.device }),
              matched: ['ipAddress'],
            })),
            shipped: true,
          });
          expect(ce3!.prior_undisputed_transactions).toHaveLength(2);
          for (const t of [ce3!.disputed_transaction, ...ce3!.prior_undisputed_transactions]) {
            if (t.customer_device_id !== undefined) expect(t.customer_device_id.length).toBeGreaterThanOrEqual(15);
            if (t.customer_device_fingerprint !== undefined) expect(t.customer_device_fingerprint.length).toBeGreaterThanOrEqual(20);
          }
        },
      ),
    );
  });
});
