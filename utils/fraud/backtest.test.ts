import { describe, expect, it } from 'vitest';
import type { FraudMatrix } from '../schemas/fraud';
import { backtest } from './backtest';
import { DEFAULT_MATRIX } from './matrix';
import { fraudInput } from '../../tests/helpers/fraud-orders';

const forwarder = { lines: ['c/o Shipito', '1000 Main St'], city: 'Torrance', postalCode: '90501', country: 'US' };
const consoles = {
  items: [{ title: 'PlayStation 5', quantity: 1, unitPrice: { amountMinor: 54_999, currency: 'EUR' } }],
  totals: { total: { amountMinor: 54_999, currency: 'EUR' } },
};
const order = (id: string, overrides: Parameters<typeof fraudInput>[0] = {}) => fraudInput({ ...overrides, context: { ...overrides.context, orderId: id } });

const cases = [
  { input: order('302-0000000-000000A'), decision: 'release' as const }, // 0 points
  { input: order('302-0000000-000000B', { context: { shipTo: forwarder } }), decision: 'release' as const }, // 45
  { input: order('302-0000000-000000C', { buyerOrderCount: 0, context: { ...consoles, shipTo: forwarder } }), decision: 'fraud' as const }, // 85
  {
    input: order('302-0000000-000000D', {
      addressChangedAfterPurchase: true,
      context: { shipTo: { lines: ['Packstation 101'], city: 'Berlin', postalCode: '10115', country: 'DE' } },
    }),
    decision: 'hold' as const,
  }, // 45
  { input: order('302-0000000-000000E'), decision: 'fraud' as const }, // 0 points, a fraud nobody could see
];

const stricter: FraudMatrix = { ...DEFAULT_MATRIX, version: 2, thresholds: { review: 40, hold: 80 } };

describe('backtest', () => {
  it('counts the proposal against the agents and the orders that move', () => {
    const result = backtest(cases, DEFAULT_MATRIX, stricter);
    expect(result.total).toBe(5);
    expect(result.confusion).toEqual({
      release: { release: 1, hold: 0, fraud: 1 },
      review: { release: 1, hold: 1, fraud: 0 },
      hold: { release: 0, hold: 0, fraud: 1 },
    });
    expect(result.currentConfusion).toEqual({
      release: { release: 2, hold: 1, fraud: 1 },
      review: { release: 0, hold: 0, fraud: 0 },
      hold: { release: 0, hold: 0, fraud: 1 },
    });
    expect(result.moves).toEqual([{ from: 'release', to: 'review', count: 2, examples: ['302-0000000-000000B', '302-0000000-000000D'] }]);
    expect(result.unchanged).toBe(3);
    expect(result.proposed).toEqual({ fraudCaught: 1, fraudReleased: 1, goodHeld: 0, sentToAgents: 3 });
    expect(result.current).toEqual({ fraudCaught: 1, fraudReleased: 1, goodHeld: 0, sentToAgents: 1 });
  });

  it('shows moves in both directions when a rule is switched off', () => {
    const noForwarder: FraudMatrix = {
      ...DEFAULT_MATRIX,
      indicators: { ...DEFAULT_MATRIX.indicators, forwarder_address: { ...DEFAULT_MATRIX.indicators.forwarder_address, enabled: false } },
    };
    const result = backtest(cases, DEFAULT_MATRIX, noForwarder);
    expect(result.moves).toEqual([{ from: 'hold', to: 'release', count: 1, examples: ['302-0000000-000000C'] }]);
    expect(result.proposed.fraudReleased).toBe(2);
  });

  it('handles no cases', () => {
    const result = backtest([], DEFAULT_MATRIX, stricter);
    expect(result).toMatchObject({ total: 0, moves: [], unchanged: 0 });
  });
});
