import { describe, expect, it } from 'vitest';
import type { FraudIndicatorId, FraudMatrix, RelatedOrder } from '../schemas/fraud';
import { DEFAULT_MATRIX } from './matrix';
import { fraudKeysFor, scoreOrder } from './score';
import { fraudInput, orderContext } from '../../tests/helpers/fraud-orders';
import { PageContext } from '../schemas/page';

const firedIds = (input: ReturnType<typeof fraudInput>, matrix: FraudMatrix = DEFAULT_MATRIX) => scoreOrder(input, matrix).fired.map((f) => f.indicator);

/** Every indicator in both scopes, so each check can be seen on its own. */
const EVERYTHING_ON: FraudMatrix = {
  ...DEFAULT_MATRIX,
  indicators: Object.fromEntries(
    Object.entries(DEFAULT_MATRIX.indicators).map(([id, rule]) => [id, { weight: rule.weight, enabled: true, scope: 'both' }]),
  ) as FraudMatrix['indicators'],
};

const keysOf = (ctx = orderContext()) => fraudKeysFor(PageContext.parse(ctx));
const related = (orderId: string, hoursBefore: number, keys: Partial<RelatedOrder> = {}): RelatedOrder => {
  const own = keysOf();
  return {
    orderId,
    buyerKey: own.buyerKey!,
    addressKey: own.addressKey!,
    purchasedAt: new Date(Date.parse('2026-11-20T13:30:00Z') - hoursBefore * 3_600_000).toISOString(),
    ...keys,
  };
};

const highValueConsole = {
  items: [{ title: 'Sony PlayStation 5 Pro Konsole', asin: 'B0DGY63Z2H', quantity: 2, unitPrice: { amountMinor: 79_999, currency: 'EUR' } }],
  totals: { total: { amountMinor: 159_998, currency: 'EUR' } },
};

describe('each indicator fires on its signal and stays silent without it', () => {
  const cases: [FraudIndicatorId, Parameters<typeof fraudInput>[0]][] = [
    ['billing_shipping_mismatch', { context: { billTo: { lines: ['1 Rue de Rivoli'], city: 'Paris', postalCode: '75001', country: 'FR' } } }],
    ['forwarder_address', { context: { shipTo: { lines: ['Viabox', 'Am Borsigturm 3'], city: 'Berlin', postalCode: '13507', country: 'DE' } } }],
    ['po_box', { context: { shipTo: { lines: ['Postfach 10 20 30'], city: 'Berlin', postalCode: '10115', country: 'DE' } } }],
    ['pack_station', { context: { shipTo: { lines: ['Packstation 123', '1234567'], city: 'Berlin', postalCode: '10115', country: 'DE' } } }],
    ['address_changed', { addressChangedAfterPurchase: true }],
    ['new_buyer_high_value', { buyerOrderCount: 0, context: highValueConsole }],
    ['velocity_address', { relatedOrders: [related('302-0000001-0000001', 2, { buyerKey: 'a' }), related('302-0000002-0000002', 5, { buyerKey: 'a' })] }],
    ['velocity_name', { relatedOrders: [related('302-0000001-0000001', 2, { addressKey: 'x' }), related('302-0000002-0000002', 5, { addressKey: 'y' })] }],
    [
      'velocity_phone',
      {
        relatedOrders: [
          related('302-0000001-0000001', 2, { buyerKey: 'a', addressKey: 'x', phoneKey: '49301234567' }),
          related('302-0000002-0000002', 3, { buyerKey: 'b', addressKey: 'y', phoneKey: '49301234567' }),
        ],
      },
    ],
    [
      'shared_address',
      { relatedOrders: [related('302-0000001-0000001', 24 * 20, { buyerKey: 'erika' }), related('302-0000002-0000002', 24 * 40, { buyerKey: 'john' })] },
    ],
    ['odd_hour', { context: { purchasedAt: '2026-11-20T02:10:00Z' } }],
    [
      'expedited_shipping',
      { context: { shippingService: 'Express (next day)', shipTo: { lines: ['Postfach 10 20 30'], city: 'Berlin', postalCode: '10115', country: 'DE' } } },
    ],
    ['disposable_email', { context: { buyer: { name: 'Max Mustermann', email: 'max@mailinator.com' } } }],
    ['portal_risk_high', { context: { portalRisk: { level: 'HIGH', recommendation: 'CANCEL' } } }],
    ['portal_risk_medium', { context: { portalRisk: { level: 'MEDIUM' } } }],
    [
      'prior_claims',
      {
        buyerHistory: {
          claims: { count: 1, ids: ['claim-1'] },
          returns: { count: 0, ids: [] },
          chargebacks: { count: 0, ids: [] },
          fraudFlags: { count: 0, ids: [] },
        },
      },
    ],
    [
      'prior_returns',
      {
        addressHistory: {
          claims: { count: 0, ids: [] },
          returns: { count: 3, ids: ['r1', 'r2', 'r3'] },
          chargebacks: { count: 0, ids: [] },
          fraudFlags: { count: 0, ids: [] },
        },
      },
    ],
    [
      'prior_chargebacks',
      {
        buyerHistory: {
          claims: { count: 0, ids: [] },
          returns: { count: 0, ids: [] },
          chargebacks: { count: 1, ids: ['cb-9'] },
          fraudFlags: { count: 0, ids: [] },
        },
      },
    ],
    [
      'prior_fraud_flags',
      {
        addressHistory: {
          claims: { count: 0, ids: [] },
          returns: { count: 0, ids: [] },
          chargebacks: { count: 0, ids: [] },
          fraudFlags: { count: 1, ids: ['302-9999999-9999999'] },
        },
      },
    ],
  ];

  it('the plain order fires nothing', () => {
    expect(firedIds(fraudInput(), EVERYTHING_ON)).toEqual([]);
  });

  it.each(cases)('%s', (id, overrides) => {
    expect(firedIds(fraudInput(overrides), EVERYTHING_ON)).toContain(id);
  });

  it('covers every indicator of the schema', () => {
    expect(new Set(cases.map(([id]) => id))).toEqual(new Set(Object.keys(DEFAULT_MATRIX.indicators)));
  });
});

describe('indicator edges', () => {
  it('velocity ignores orders outside the window and the order itself', () => {
    const input = fraudInput({
      relatedOrders: [
        related('302-0000001-0000001', 30, { buyerKey: 'a' }),
        related('302-1234567-1234567', 1, { buyerKey: 'a' }),
        related('302-0000002-0000002', 2, { buyerKey: 'a' }),
      ],
    });
    expect(firedIds(input, EVERYTHING_ON)).not.toContain('velocity_address');
  });

  it('shared address needs enough different buyers', () => {
    const input = fraudInput({ relatedOrders: [related('302-0000001-0000001', 500, { buyerKey: 'erika' }), related('302-0000002-0000002', 600)] });
    expect(firedIds(input, EVERYTHING_ON)).not.toContain('shared_address');
  });

  it('odd hour is judged in the marketplace zone', () => {
    // 02:10 UTC is 03:10 in Berlin (odd) but 18:10 the day before in Los Angeles (not odd).
    const berlin = fraudInput({ context: { purchasedAt: '2026-11-20T02:10:00Z' } });
    const la = fraudInput({ context: { purchasedAt: '2026-11-20T02:10:00Z', marketplace: { code: 'US', timeZone: 'America/Los_Angeles' } } });
    expect(scoreOrder(berlin, EVERYTHING_ON).fired[0]?.evidence).toBe('Ordered at 03:10 local time (Europe/Berlin)');
    expect(firedIds(la, EVERYTHING_ON)).not.toContain('odd_hour');
  });

  it('expedited shipping to an ordinary address is fine', () => {
    expect(firedIds(fraudInput({ context: { shippingService: 'Expedited' } }), EVERYTHING_ON)).toEqual([]);
  });

  it('a returning buyer or a cheap order is not a new-buyer risk', () => {
    expect(firedIds(fraudInput({ buyerOrderCount: 3, context: highValueConsole }), EVERYTHING_ON)).not.toContain('new_buyer_high_value');
    expect(firedIds(fraudInput({ buyerOrderCount: 0 }), EVERYTHING_ON)).not.toContain('new_buyer_high_value');
  });

  it('random-looking mailboxes fire, Amazon relay addresses and normal names do not', () => {
    const withEmail = (email: string) => fraudInput({ context: { buyer: { name: 'Max Mustermann', email } } });
    expect(firedIds(withEmail('xk7qzr9t2w@gmail.com'), EVERYTHING_ON)).toContain('disposable_email');
    expect(firedIds(withEmail('max.mustermann1985@gmail.com'), EVERYTHING_ON)).not.toContain('disposable_email');
    expect(firedIds(withEmail('x7kq2n9vd4bq8zt@marketplace.amazon.de'), EVERYTHING_ON)).not.toContain('disposable_email');
  });

  it('same billing and shipping address in other spelling is not a mismatch', () => {
    const input = fraudInput({ context: { billTo: { lines: ['Hauptstr. 5'], city: 'Berlin', postalCode: '10115', country: 'DE' } } });
    expect(firedIds(input, EVERYTHING_ON)).toEqual([]);
  });

  it('history below the minimum does not fire, and shared ids count once', () => {
    const twoReturns = {
      claims: { count: 0, ids: [] },
      returns: { count: 2, ids: ['r1', 'r2'] },
      chargebacks: { count: 0, ids: [] },
      fraudFlags: { count: 0, ids: [] },
    };
    const input = fraudInput({ buyerHistory: twoReturns, addressHistory: twoReturns });
    expect(firedIds(input, EVERYTHING_ON)).not.toContain('prior_returns');
  });
});

describe('scope, forces and the cap', () => {
  it('card indicators do not score marketplace orders', () => {
    const mismatch = { context: { billTo: { lines: ['1 Rue de Rivoli'], city: 'Paris', postalCode: '75001', country: 'FR' } } };
    expect(firedIds(fraudInput(mismatch))).not.toContain('billing_shipping_mismatch');
    const own = scoreOrder(fraudInput({ ...mismatch, isOwnShop: true }), DEFAULT_MATRIX);
    expect(own.scope).toBe('card');
    expect(own.fired.map((f) => f.indicator)).toContain('billing_shipping_mismatch');
  });

  it('a forced decision wins over the total', () => {
    const flagged = fraudInput({
      buyerHistory: {
        claims: { count: 0, ids: [] },
        returns: { count: 0, ids: [] },
        chargebacks: { count: 0, ids: [] },
        fraudFlags: { count: 1, ids: ['302-9'] },
      },
    });
    const score = scoreOrder(flagged, DEFAULT_MATRIX);
    expect(score.score).toBe(50);
    expect(score.recommendation).toBe('hold');
    expect(score.whatWouldChange[0]).toBe('Earlier fraud flags forces hold; the score alone (50) would give release');
  });

  it('caps the total at 100', () => {
    const heavy = fraudInput({
      buyerOrderCount: 0,
      addressChangedAfterPurchase: true,
      context: {
        ...highValueConsole,
        shippingService: 'Next Day',
        shipTo: { lines: ['c/o Shipito', 'Postfach 12'], city: 'Berlin', postalCode: '10115', country: 'DE' },
      },
    });
    const score = scoreOrder(heavy, DEFAULT_MATRIX);
    expect(score.fired.reduce((sum, f) => sum + f.points, 0)).toBeGreaterThan(100);
    expect(score.score).toBe(100);
  });
});

describe('scenarios', () => {
  it('a benign repeat buyer is released', () => {
    const score = scoreOrder(fraudInput({ buyerOrderCount: 12 }), DEFAULT_MATRIX);
    expect(score).toMatchObject({ score: 0, recommendation: 'release', fired: [], matrixVersion: 1 });
    expect(score.whatWouldChange).toEqual(['60 more points would move this to review']);
  });

  it('a first high-value order of high-demand goods to a freight forwarder is held', () => {
    const score = scoreOrder(
      fraudInput({
        buyerOrderCount: 0,
        context: {
          ...highValueConsole,
          shipTo: { name: 'Max Mustermann', lines: ['MyUS.com', '4299 Express Lane', 'Suite 123456'], city: 'Sarasota', postalCode: '34249', country: 'US' },
        },
      }),
      DEFAULT_MATRIX,
    );
    expect(score.recommendation).toBe('hold');
    expect(score.fired.map((f) => [f.indicator, f.points])).toEqual([
      ['forwarder_address', 45],
      ['new_buyer_high_value', 40],
    ]);
    expect(score.fired[1]?.evidence).toBe(
      'First order from this buyer: 1599.98 EUR with high-demand goods (Sony PlayStation 5 Pro Konsole), at or above 300.00 EUR',
    );
    expect(score.whatWouldChange).toContain('Without the forwarder address this would be release');
    expect(score.whatWouldChange).toContain("Without the new buyer's high-value order this would be release");
  });

  it('a ring of four orders to one address under different names within 24 h is reviewed with the order ids', () => {
    const ids = ['302-1111111-1111111', '302-2222222-2222222', '302-3333333-3333333'];
    const ring = ['Erika Musterfrau', 'John Doe', 'Jan Kowalski'].map((name, i) =>
      related(ids[i]!, 3 + i * 5, { buyerKey: keysOf(orderContext({ buyer: { name } })).buyerKey! }),
    );
    const score = scoreOrder(fraudInput({ relatedOrders: ring }), DEFAULT_MATRIX);
    expect(['review', 'hold']).toContain(score.recommendation);
    const velocity = score.fired.find((f) => f.indicator === 'velocity_address');
    expect(velocity?.evidence).toBe(`4 orders to this address in 24 h: ${ids.join(', ')}`);
    expect(velocity?.relatedOrderIds).toEqual(ids);
    expect(score.fired.find((f) => f.indicator === 'shared_address')?.evidence).toBe(`4 different buyers ordered to this address: ${ids.join(', ')}`);
    expect(score.whatWouldChange[0]).toBe('25 more points would move this to hold');
  });
});

describe('fraudKeysFor', () => {
  it('gives name, address and phone keys that meet across spellings', () => {
    const a = keysOf();
    const b = keysOf(
      orderContext({
        buyer: { name: 'MUSTERMANN, MAX' },
        shipTo: { lines: ['Hauptstr. 5'], city: 'Berlin', postalCode: '10115', country: 'DE', phone: '+49 30 1234567' },
      }),
    );
    expect(b).toEqual(a);
    expect(a.phoneKey).toBe('49301234567');
  });

  it('falls back to customer number without a name and leaves unknowns out', () => {
    const keys = keysOf(orderContext({ buyer: { customerNumber: '31400820597' }, shipTo: undefined }));
    expect(keys).toEqual({ buyerKey: 'cust:31400820597' });
  });
});

describe('speed', () => {
  it("grows linearly with the buyer's related orders (a ratio in the same run, not a wall-clock limit)", () => {
    const withRelated = (n: number) =>
      fraudInput({ relatedOrders: Array.from({ length: n }, (_, i) => related(`302-${String(i).padStart(7, '0')}-0000000`, i % 40, { buyerKey: `b${i}` })) });
    const timeOf = (input: ReturnType<typeof fraudInput>, runs: number) => {
      const samples: number[] = [];
      for (let k = 0; k < 5; k++) {
        const started = performance.now();
        for (let i = 0; i < runs; i++) scoreOrder(input, DEFAULT_MATRIX);
        samples.push(performance.now() - started);
      }
      return samples.sort((a, b) => a - b)[2]!;
    };
    const small = withRelated(20);
    const large = withRelated(400);
    timeOf(small, 50); // warm up
    // 20x the related orders: linear work costs about 20x; a quadratic pass would cost about 400x.
    const ratio = timeOf(large, 50) / timeOf(small, 50);
    console.log(`[score] 400 vs 20 related orders: ${ratio.toFixed(1)}x`);
    expect(ratio).toBeLessThan(60);
  });
});
