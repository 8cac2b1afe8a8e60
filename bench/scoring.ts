import { fraudInput } from '../tests/helpers/fraud-orders';
import { DEFAULT_MATRIX } from '../utils/fraud/matrix';
import { scoreOrder } from '../utils/fraud/score';
import { FraudInput } from '../utils/schemas/fraud';
import { median } from './lib/load';

/**
 * Part 7: orders scored per second in process with the default matrix, over a mix of orders: plain
 * ones, repeat buyers with related orders in the velocity window, shared addresses, dispute histories.
 * Also with the schema parse the server does before scoring (FraudInput.parse), as a second figure.
 */
export interface ScoringFigures {
  inputs: number;
  ordersPerSecond: number;
  withParsePerSecond: number;
  microsecondsPerOrder: number;
  runs: number;
}

function inputs(count: number) {
  const list = [];
  for (let i = 0; i < count; i++) {
    const related = i % 3 === 0 ? 0 : (i % 7) + 1;
    const relatedOrders = Array.from({ length: related }, (_, k) => ({
      orderId: `302-${String(i).padStart(7, '0')}-${String(k).padStart(7, '0')}`,
      buyerKey: k % 2 ? 'max mustermann' : `other buyer ${k}`,
      addressKey: k % 3 ? 'hauptstrasse 5 10115 berlin de' : `elsewhere ${k}`,
      purchasedAt: new Date(Date.parse('2026-11-20T13:30:00Z') - k * 3_600_000).toISOString(),
      total: { amountMinor: 1999 + k * 1000, currency: 'EUR' },
    }));
    const history = (n: number) => ({ count: n, ids: Array.from({ length: n }, (_, k) => `c-${i}-${k}`) });
    list.push(
      fraudInput({
        relatedOrders,
        buyerOrderCount: i % 5,
        ...(i % 4 === 0 ? { buyerHistory: { claims: history(i % 3), returns: history(i % 4), chargebacks: history(i % 2), fraudFlags: history(0) } } : {}),
        addressChangedAfterPurchase: i % 11 === 0,
        context: {
          orderId: `302-${String(i).padStart(7, '0')}-1234567`,
          totals: { total: { amountMinor: 999 + (i % 50) * 1500, currency: 'EUR' } },
          purchasedAt: new Date(Date.parse('2026-11-20T00:00:00Z') + (i % 24) * 3_600_000).toISOString(),
        },
      }),
    );
  }
  return list;
}

export function benchScoring(opts: { quick: boolean; log: (m: string) => void }): ScoringFigures {
  const list = inputs(1_000);
  const raw = list.map((x) => JSON.parse(JSON.stringify(x)) as unknown);
  const ms = opts.quick ? 300 : 1_500;
  const runs = opts.quick ? 3 : 7;
  const loop = (fn: (i: number) => unknown) => {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      for (let k = 0; k < 100; k++, n++) fn(n % list.length);
      now = performance.now();
    }
    return n / ((now - start) / 1000);
  };
  let sink = 0;
  loop((i) => (sink += scoreOrder(list[i]!, DEFAULT_MATRIX).score)); // warm-up
  const plain: number[] = [];
  const parsed: number[] = [];
  for (let r = 0; r < runs; r++) {
    plain.push(loop((i) => (sink += scoreOrder(list[i]!, DEFAULT_MATRIX).score)));
    parsed.push(loop((i) => (sink += scoreOrder(FraudInput.parse(raw[i]), DEFAULT_MATRIX).score)));
  }
  if (sink === -1) opts.log('unreachable');
  const result = { inputs: list.length, ordersPerSecond: median(plain), withParsePerSecond: median(parsed), microsecondsPerOrder: 1e6 / median(plain), runs };
  opts.log(
    `scoring: ${result.ordersPerSecond.toFixed(0)} orders/s (${result.microsecondsPerOrder.toFixed(1)} µs each), ${result.withParsePerSecond.toFixed(0)}/s with the schema parse`,
  );
  return result;
}
