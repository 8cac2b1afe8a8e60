import { describe, expect, it } from 'vitest';
import { PageContext } from '../../utils/schemas/page';
import type { BacktestOrder, FinalDecision, PartyCase, PartyDecision, PartyOrder } from '../repositories/backtest';
import { newOrderId, orderPage } from '../../tests/server/harness';
import { BacktestData } from './backtest-score';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 30);

/** `n` decided orders of one buyer at one address, a case on every sixth and a fraud flag on every third. */
function busyBuyer(n: number) {
  const partyOrders: Array<PartyOrder & { rowId: string }> = [];
  const cases: PartyCase[] = [];
  const flags: PartyDecision[] = [];
  const decided: FinalDecision[] = [];
  const orders: BacktestOrder[] = [];
  for (let i = 0; i < n; i++) {
    const orderId = newOrderId();
    const placedAt = new Date(NOW - (i * 1.5 + 1) * HOUR);
    partyOrders.push({ rowId: String(i), orderId, buyerKey: 'buyer', addressKey: 'addr', phoneKey: null, placedAt, totalMinor: 1000 + i, currency: 'EUR' });
    if (i % 6 === 0) cases.push({ id: `c${i}`, kind: 'claim', ref: `claim-${orderId}`, orderId, buyerKey: 'buyer', addressKey: 'addr', openedAt: placedAt });
    if (i % 3 === 0) flags.push({ orderId, kind: 'fraud', buyerKey: 'buyer', addressKey: 'addr' });
    decided.push({ orderId, kind: i % 3 === 0 ? 'fraud' : 'release', decidedAt: new Date(placedAt.getTime() + HOUR) });
    const snapshot = PageContext.parse(orderPage({ orderId, purchasedAt: placedAt.toISOString() })) as unknown as BacktestOrder['snapshot'];
    orders.push({
      orderId,
      buyerKey: 'buyer',
      addressKey: 'addr',
      phoneKey: null,
      purchasedAt: placedAt,
      firstSeenAt: placedAt,
      addressChangedAt: null,
      redactedAt: null,
      snapshot,
    });
  }
  return { partyOrders, cases, flags, decided, orders };
}

function buildAll(data: ReturnType<typeof busyBuyer>) {
  const built = new BacktestData(72);
  built.add({ kind: 'partyOrders', orders: data.partyOrders });
  built.add({ kind: 'partyCases', cases: data.cases });
  built.add({ kind: 'flagged', decisions: data.flags });
  built.add({ kind: 'partiesDone' });
  for (let i = 0; i < data.decided.length; i += 50)
    built.add({ kind: 'decided', decisions: data.decided.slice(i, i + 50), orders: data.orders.slice(i, i + 50) });
  return { cases: built.cases().cases };
}

describe("the back-test's fraud inputs", () => {
  it('exclude only the order’s own case and flag from its party history', () => {
    const data = busyBuyer(12);
    const { cases } = buildAll(data);
    const first = cases[0]!.input; // order 0 has a claim and a flag of its own
    expect(first.buyerHistory.claims.ids).toEqual([`claim-${data.orders[6]!.orderId}`]);
    expect(first.buyerHistory.fraudFlags.count).toBe(3);
    expect(first.buyerHistory.fraudFlags.ids).not.toContain(data.orders[0]!.orderId);
    const second = cases[1]!.input; // order 1 has neither
    expect(second.buyerHistory.claims.count).toBe(2);
    expect(second.buyerHistory.fraudFlags.count).toBe(4);
  });

  // Orders of one busy buyer each carry that buyer's whole history (thousands of ids). Copied and
  // schema-checked per order, the cost grew with the square of the buyer's orders. The property that
  // keeps it linear is checked exactly: every order with nothing of its own in a list shares that list.
  it("share a busy buyer's history between orders instead of copying it per order", () => {
    const data = busyBuyer(600);
    const { cases } = buildAll(data);
    const lists = new Set(cases.map((c) => c.input.buyerHistory.fraudFlags.ids));
    const returns = new Set(cases.map((c) => c.input.addressHistory.returns));
    // One list for the 400 orders without a flag of their own, one filtered copy for each of the 200 with one.
    expect(lists.size).toBe(1 + 200);
    expect(returns.size).toBe(1);
  });
});
