import { FraudInput } from '../../utils/schemas/fraud';
import type { PageContext } from '../../utils/schemas/page';
import type { BacktestOrder, PartyCase, PartyDecision, PartyOrder } from '../repositories/backtest';
import { contextForMatching } from './page-keys';

const HOUR_MS = 3_600_000;
/** As the panel's related-order lookup: the newest 200 in the window. */
const RELATED_LIMIT = 200;

/** Orders of one key value, oldest first, for binary searches by time. */
type Bucket = PartyOrder[];

function bucketBy(orders: PartyOrder[], key: 'buyerKey' | 'addressKey' | 'phoneKey'): Map<string, Bucket> {
  const map = new Map<string, Bucket>();
  for (const o of orders) {
    const k = o[key];
    if (!k) continue;
    let bucket = map.get(k);
    if (!bucket) map.set(k, (bucket = []));
    bucket.push(o);
  }
  for (const bucket of map.values()) bucket.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  return map;
}

/** First index whose time is >= t (or > t when `after`). */
function lowerBound(bucket: Bucket, t: number, after = false): number {
  let lo = 0;
  let hi = bucket.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = bucket[mid]!.placedAt.getTime();
    if (v < t || (after && v === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds each decided order's fraud input from data loaded once (repositories/backtest.ts
 * partyOrderPages and the case and flag reads beside it), with the same rules as services/insights.ts buildFraudInput runs as queries:
 * related orders of any shared key within the window (newest 200), the buyer's earlier orders, and the
 * buyer's and the address's claims, returns, chargebacks and fraud-flagged orders.
 */
export class FraudInputIndex {
  private readonly byBuyer: Map<string, Bucket>;
  private readonly byAddress: Map<string, Bucket>;
  private readonly byPhone: Map<string, Bucket>;
  private readonly casesByBuyer = new Map<string, PartyCase[]>();
  private readonly casesByAddress = new Map<string, PartyCase[]>();
  private readonly flaggedByBuyer = new Map<string, string[]>();
  private readonly flaggedByAddress = new Map<string, string[]>();

  constructor(data: { orders: PartyOrder[]; cases: PartyCase[]; decisions: PartyDecision[] }) {
    this.byBuyer = bucketBy(data.orders, 'buyerKey');
    this.byAddress = bucketBy(data.orders, 'addressKey');
    this.byPhone = bucketBy(data.orders, 'phoneKey');
    const push = <T>(map: Map<string, T[]>, key: string | null, value: T) => {
      if (!key) return;
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    // Newest first, as listDisputeCases orders them (the pages arrive in id order).
    const newestFirst = [...data.cases].sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const c of newestFirst) {
      push(this.casesByBuyer, c.buyerKey, c);
      push(this.casesByAddress, c.addressKey, c);
    }
    // Flagged ids in order id order, as listFraudFlaggedOrders returns them.
    const flagged = data.decisions.filter((d) => d.kind === 'fraud').sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
    for (const d of flagged) {
      push(this.flaggedByBuyer, d.buyerKey, d.orderId);
      push(this.flaggedByAddress, d.addressKey, d.orderId);
    }
  }

  build({ ctx, order, windowHours, now }: { ctx: PageContext; order: BacktestOrder; windowHours: number; now: Date }): FraudInput {
    const at = (order.purchasedAt ?? order.firstSeenAt).getTime();
    const windowMs = windowHours * HOUR_MS;
    const related = this.related(order, at - windowMs, at + windowMs);
    // Parsed without the related orders, which are built here already in their final shape: checking
    // a hundred of them per decision through the schema was most of a 5,000-order back-test's time.
    const input = FraudInput.parse({
      context: contextForMatching(ctx),
      isOwnShop: false,
      relatedOrders: [],
      buyerOrderCount: order.buyerKey ? this.earlierBuyerOrders(order.buyerKey, order.orderId, at) : 0,
      ...(order.buyerKey ? { buyerHistory: this.history(this.casesByBuyer.get(order.buyerKey), this.flaggedByBuyer.get(order.buyerKey), order.orderId) } : {}),
      ...(order.addressKey ? { addressHistory: this.history(this.casesByAddress.get(order.addressKey), this.flaggedByAddress.get(order.addressKey), order.orderId) } : {}),
      addressChangedAfterPurchase: order.addressChangedAt !== null,
      now: now.toISOString(),
    });
    input.relatedOrders = related.map((o) => ({
        orderId: o.orderId,
        buyerKey: o.buyerKey ?? '',
        addressKey: o.addressKey ?? '',
        ...(o.phoneKey ? { phoneKey: o.phoneKey } : {}),
        purchasedAt: o.placedAt.toISOString(),
        ...(o.totalMinor !== null && o.currency ? { total: { amountMinor: o.totalMinor, currency: o.currency as FraudInput['relatedOrders'][number]['total'] extends { currency: infer C } | undefined ? C : never } } : {}),
      }));
    return input;
  }

  private related(order: BacktestOrder, from: number, to: number): PartyOrder[] {
    const seen = new Map<string, PartyOrder>();
    const take = (bucket: Bucket | undefined) => {
      if (!bucket) return;
      for (let i = lowerBound(bucket, from), end = lowerBound(bucket, to, true); i < end; i++) {
        const o = bucket[i]!;
        if (o.orderId !== order.orderId) seen.set(`${o.orderId}\u0000${o.placedAt.getTime()}`, o);
      }
    };
    if (order.addressKey) take(this.byAddress.get(order.addressKey));
    if (order.buyerKey) take(this.byBuyer.get(order.buyerKey));
    if (order.phoneKey) take(this.byPhone.get(order.phoneKey));
    return [...seen.values()].sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime()).slice(0, RELATED_LIMIT);
  }

  private earlierBuyerOrders(buyerKey: string, orderId: string, at: number): number {
    const bucket = this.byBuyer.get(buyerKey) ?? [];
    const end = lowerBound(bucket, at);
    let n = end;
    for (let i = 0; i < end; i++) if (bucket[i]!.orderId === orderId) n--;
    return n;
  }

  private history(cases: PartyCase[] | undefined, flagged: string[] | undefined, excludeOrderId: string) {
    const own = (cases ?? []).filter((c) => c.orderId !== excludeOrderId);
    const of = (kind: PartyCase['kind']) => {
      const ids = own.filter((c) => c.kind === kind).map((c) => c.ref);
      return { count: ids.length, ids };
    };
    const flags = (flagged ?? []).filter((id) => id !== excludeOrderId);
    return { claims: of('claim'), returns: of('return'), chargebacks: of('chargeback'), fraudFlags: { count: flags.length, ids: flags } };
  }
}
