import type { FraudInput, PartyHistory } from '../../utils/schemas/fraud';
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
  private readonly buyerHistories: Histories;
  private readonly addressHistories: Histories;

  constructor(data: { orders: PartyOrder[]; cases: PartyCase[]; decisions: PartyDecision[] }) {
    this.byBuyer = bucketBy(data.orders, 'buyerKey');
    this.byAddress = bucketBy(data.orders, 'addressKey');
    this.byPhone = bucketBy(data.orders, 'phoneKey');
    const casesByBuyer = new Map<string, PartyCase[]>();
    const casesByAddress = new Map<string, PartyCase[]>();
    const flaggedByBuyer = new Map<string, string[]>();
    const flaggedByAddress = new Map<string, string[]>();
    const push = <T>(map: Map<string, T[]>, key: string | null, value: T) => {
      if (!key) return;
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    // Newest first, as readPartyRecords orders them (the pages arrive in id order).
    const newestFirst = [...data.cases].sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const c of newestFirst) {
      push(casesByBuyer, c.buyerKey, c);
      push(casesByAddress, c.addressKey, c);
    }
    // Flagged ids in order id order, as readPartyRecords returns them.
    const flagged = data.decisions.filter((d) => d.kind === 'fraud').sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
    for (const d of flagged) {
      push(flaggedByBuyer, d.buyerKey, d.orderId);
      push(flaggedByAddress, d.addressKey, d.orderId);
    }
    this.buyerHistories = new Histories(casesByBuyer, flaggedByBuyer);
    this.addressHistories = new Histories(casesByAddress, flaggedByAddress);
  }

  build({ ctx, order, windowHours, now }: { ctx: PageContext; order: BacktestOrder; windowHours: number; now: Date }): FraudInput {
    const at = (order.purchasedAt ?? order.firstSeenAt).getTime();
    const windowMs = windowHours * HOUR_MS;
    const related = this.related(order, at - windowMs, at + windowMs);
    // Built in its final shape, not through FraudInput.parse: the context was parsed from the snapshot
    // a moment ago, the related orders and histories are built here, and re-checking (copying) a busy
    // buyer's hundred related orders and thousands of history ids per decision was most of a 5,000-order
    // back-test's time. back-test.test.ts holds every input equal to the panel's parsed one.
    const input: FraudInput = {
      context: contextForMatching(ctx),
      isOwnShop: false,
      relatedOrders: [],
      buyerOrderCount: order.buyerKey ? this.earlierBuyerOrders(order.buyerKey, order.orderId, at) : 0,
      buyerHistory: order.buyerKey ? this.buyerHistories.of(order.buyerKey, order.orderId) : emptyHistory(),
      addressHistory: order.addressKey ? this.addressHistories.of(order.addressKey, order.orderId) : emptyHistory(),
      addressChangedAfterPurchase: order.addressChangedAt !== null,
      now: now.toISOString(),
    };
    input.relatedOrders = related.map((o) => ({
      orderId: o.orderId,
      buyerKey: o.buyerKey ?? '',
      addressKey: o.addressKey ?? '',
      ...(o.phoneKey ? { phoneKey: o.phoneKey } : {}),
      purchasedAt: o.placedAt.toISOString(),
      ...(o.totalMinor !== null && o.currency
        ? {
            total: {
              amountMinor: o.totalMinor,
              currency: o.currency as FraudInput['relatedOrders'][number]['total'] extends { currency: infer C } | undefined ? C : never,
            },
          }
        : {}),
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
}

/**
 * A party's claims, returns, chargebacks and fraud-flagged orders, as services/insights.ts reads them
 * for one order: everything of that key except what belongs to the order itself. Built once per key;
 * each list the order has nothing of its own in (most of them) is shared, the others are filtered copies.
 */
class Histories {
  private readonly whole = new Map<string, { history: PartyHistory; own: Record<HistoryKind, Set<string>> }>();

  constructor(
    private readonly cases: Map<string, PartyCase[]>,
    private readonly flagged: Map<string, string[]>,
  ) {}

  of(key: string, orderId: string): PartyHistory {
    let entry = this.whole.get(key);
    if (!entry) {
      const cases = this.cases.get(key) ?? [];
      const flagged = this.flagged.get(key) ?? [];
      const ownOf = (kind: PartyCase['kind']) => new Set(cases.flatMap((c) => (c.kind === kind && c.orderId ? [c.orderId] : [])));
      entry = {
        history: {
          claims: countOf(cases, 'claim'),
          returns: countOf(cases, 'return'),
          chargebacks: countOf(cases, 'chargeback'),
          fraudFlags: { count: flagged.length, ids: flagged },
        },
        own: { claims: ownOf('claim'), returns: ownOf('return'), chargebacks: ownOf('chargeback'), fraudFlags: new Set(flagged) },
      };
      this.whole.set(key, entry);
    }
    const { history, own } = entry;
    if (!HISTORY_KINDS.some((kind) => own[kind].has(orderId))) return history;
    const others = (this.cases.get(key) ?? []).filter((c) => c.orderId !== orderId);
    const flags = own.fraudFlags.has(orderId) ? (this.flagged.get(key) ?? []).filter((id) => id !== orderId) : undefined;
    return {
      claims: own.claims.has(orderId) ? countOf(others, 'claim') : history.claims,
      returns: own.returns.has(orderId) ? countOf(others, 'return') : history.returns,
      chargebacks: own.chargebacks.has(orderId) ? countOf(others, 'chargeback') : history.chargebacks,
      fraudFlags: flags ? { count: flags.length, ids: flags } : history.fraudFlags,
    };
  }
}

type HistoryKind = keyof PartyHistory;
const HISTORY_KINDS: HistoryKind[] = ['claims', 'returns', 'chargebacks', 'fraudFlags'];

function countOf(cases: PartyCase[], kind: PartyCase['kind']): PartyHistory['claims'] {
  const ids = cases.filter((c) => c.kind === kind).map((c) => c.ref);
  return { count: ids.length, ids };
}

const emptyHistory = (): PartyHistory => ({
  claims: countOf([], 'claim'),
  returns: countOf([], 'return'),
  chargebacks: countOf([], 'chargeback'),
  fraudFlags: { count: 0, ids: [] },
});
