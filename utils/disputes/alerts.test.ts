import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALERT_TUNING, alertKindOf, providerOutcome, recommendAlert, type AlertFacts } from './alerts';

const currency = fc.constantFrom('EUR', 'USD', 'GBP', 'JPY', 'PLN', 'SEK');
const facts = fc.record({
  amount: fc.record({ amountMinor: fc.integer({ min: 1, max: 5_000_000 }), currency }),
  kind: fc.constantFrom('confirmed_fraud' as const, 'customer_dispute' as const),
  fraudScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  shipped: fc.boolean(),
  buyerOrders: fc.nat(50),
  buyerDisputes: fc.nat(5),
});

describe('recommendAlert', () => {
  it('always gives an action with reasons and a confidence in 0..1', () => {
    fc.assert(
      fc.property(facts, (f: AlertFacts) => {
        const r = recommendAlert(f);
        expect(r.reasons.length).toBeGreaterThan(0);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        for (const reason of r.reasons) expect(reason).not.toMatch(/undefined|NaN/);
      }),
    );
  });

  it('stops an unshipped order on confirmed fraud and refunds a shipped one', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const r = recommendAlert({ ...f, kind: 'confirmed_fraud' });
        expect(r.action).toBe(f.shipped ? 'refund' : 'stop_fulfilment');
      }),
    );
  });

  it('suggests letting a cardholder dispute go only for a large amount from a known, low-risk buyer', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const r = recommendAlert({ ...f, kind: 'customer_dispute' });
        const known = f.buyerOrders >= ALERT_TUNING.knownBuyerOrders && f.buyerDisputes === 0;
        const large = f.amount.amountMinor >= ALERT_TUNING.chargebackFeeMinor * ALERT_TUNING.declineFromFees;
        const lowRisk = f.fraudScore === null || f.fraudScore < ALERT_TUNING.lowScore;
        expect(r.action).toBe(known && large && lowRisk ? 'decline' : 'refund');
      }),
    );
  });

  it('explains its advice in words an agent can check', () => {
    const r = recommendAlert({
      amount: { amountMinor: 4999, currency: 'EUR' },
      kind: 'customer_dispute',
      fraudScore: 72,
      shipped: true,
      buyerOrders: 0,
      buyerDisputes: 1,
    });
    expect(r.action).toBe('refund');
    expect(r.reasons.join(' ')).toMatch(/fraud score is 72/);
    expect(r.reasons.join(' ')).toMatch(/disputed one earlier order/);
    expect(r.confidence).toBe(0.85);
  });
});

describe('providerOutcome', () => {
  it.each([
    ['ethoca', 'customer_dispute', 'refund', false, false, 'RESOLVED'],
    ['ethoca', 'customer_dispute', 'decline', true, false, 'UNRESOLVED_DISPUTE'],
    ['ethoca', 'customer_dispute', 'refund', true, true, 'RESOLVED_PREVIOUSLY_REFUNDED'],
    ['ethoca', 'confirmed_fraud', 'stop_fulfilment', false, false, 'STOPPED'],
    ['ethoca', 'confirmed_fraud', 'refund', false, false, 'STOPPED'],
    ['ethoca', 'confirmed_fraud', 'refund', true, false, 'MISSED'],
    ['ethoca', 'confirmed_fraud', 'decline', true, false, 'MISSED'],
    ['verifi', 'customer_dispute', 'refund', true, false, 'refunded'],
    ['verifi', 'customer_dispute', 'decline', true, false, 'declined'],
    ['stripe', 'confirmed_fraud', 'refund', true, false, null],
    ['adyen', 'confirmed_fraud', 'decline', true, false, null],
  ] as const)('%s %s %s (shipped %s, refunded %s) -> %s', (source, kind, action, shipped, alreadyRefunded, expected) => {
    expect(providerOutcome(source, kind, action, { shipped, alreadyRefunded })).toBe(expected);
  });

  it('reads the alert kind from the provider and its words', () => {
    expect(alertKindOf('ethoca', 'CONFIRMEDFRAUD')).toBe('confirmed_fraud');
    expect(alertKindOf('ethoca', 'CUSTOMERDISPUTE')).toBe('customer_dispute');
    expect(alertKindOf('verifi', 'dispute')).toBe('customer_dispute');
    expect(alertKindOf('verifi', 'fraud')).toBe('confirmed_fraud');
    expect(alertKindOf('stripe', 'early fraud warning: made_with_stolen_card')).toBe('confirmed_fraud');
    expect(alertKindOf('ethoca', null)).toBe('customer_dispute');
  });
});
