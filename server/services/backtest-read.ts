import type { BacktestCase } from '../../utils/fraud/backtest';
import type { Database } from '../db/open';
import {
  buyerCasePages,
  casesOfOrders,
  finalDecisionPages,
  findBacktestOrders,
  fraudFlaggedOfOrders,
  keysOfOrders,
  partyOrderPages,
  type FinalDecision,
  type PartyCase,
} from '../repositories/backtest';
import { BacktestData, type BacktestPart } from './backtest-score';

/**
 * Rows per read. The reads run on the back-test's worker thread, so a page's size no longer holds the
 * server's event loop; what it costs is the database's time per statement (PGlite runs one at a time,
 * so a panel load may wait behind one page) against the fixed cost of each round trip (20-30 ms on
 * PGlite's thread for a 50-row read of the year of data). A decided order carries its page snapshot
 * (JSON), so those pages stay the smallest.
 */
const DECISIONS_PER_PAGE = 1000;
const DECIDED_ORDERS_PER_QUERY = 250;
const KEYS_PER_QUERY = 1000;
const PARTY_ROWS_PER_PAGE = 5000;
const PARTY_ORDERS_PER_LOOKUP = 2000;

/**
 * Reads what the back-test needs, in pages, handing each to `sink`: first the decided orders since
 * `from` (newest first, at most maxOrders) and their buyer, address and phone keys; then every order
 * sharing one of those keys, those parties' claims, returns and chargebacks, and their fraud-flagged
 * orders; then the decided orders' snapshots. The snapshots come last so the scorer can turn each page
 * into fraud inputs while the next one is read.
 */
export async function readBacktestData(
  db: Database,
  teamId: string,
  opts: { from: Date; maxOrders: number; pause: () => Promise<void> },
  sink: (part: BacktestPart) => void,
): Promise<void> {
  const decided: FinalDecision[] = [];
  const buyerKeys = new Set<string>();
  const addressKeys = new Set<string>();
  const phoneKeys = new Set<string>();
  for await (const decisions of finalDecisionPages(db, teamId, opts.from, opts.maxOrders, DECISIONS_PER_PAGE)) {
    decided.push(...decisions);
    for (let i = 0; i < decisions.length; i += DECIDED_ORDERS_PER_QUERY) {
      await opts.pause();
      for (const k of await keysOfOrders(
        db,
        teamId,
        decisions.slice(i, i + DECIDED_ORDERS_PER_QUERY).map((d) => d.orderId),
      )) {
        if (k.buyerKey) buyerKeys.add(k.buyerKey);
        if (k.addressKey) addressKeys.add(k.addressKey);
        if (k.phoneKey) phoneKeys.add(k.phoneKey);
      }
    }
    await opts.pause();
  }
  const keys = { buyerKeys: [...buyerKeys], addressKeys: [...addressKeys], phoneKeys: [...phoneKeys] };
  // Each party order's buyer and address key where those are the parties' (every order row with such a
  // key is one of these pages' rows), so the cases and flags below are matched to parties here instead of
  // in SQL: on the year of data, matching them there (a lookup per row against thousands of keys) was
  // 64 of a back-test's 85 s of statements.
  const partyKeysOf = new Map<string, { buyerKey: string | null; addressKey: string | null }>();
  const larger = (a: string | null, b: string | null) => (a === null || (b !== null && b > a) ? b : a);
  for await (const orders of partyOrderPages(db, teamId, keys, PARTY_ROWS_PER_PAGE, KEYS_PER_QUERY)) {
    sink({ kind: 'partyOrders', orders });
    for (const o of orders) {
      const k = partyKeysOf.get(o.orderId) ?? { buyerKey: null, addressKey: null };
      k.buyerKey = larger(k.buyerKey, o.buyerKey !== null && buyerKeys.has(o.buyerKey) ? o.buyerKey : null);
      k.addressKey = larger(k.addressKey, o.addressKey !== null && addressKeys.has(o.addressKey) ? o.addressKey : null);
      partyKeysOf.set(o.orderId, k);
    }
    await opts.pause();
  }
  const addressOf = (c: PartyCase): PartyCase => ({ ...c, addressKey: (c.orderId && partyKeysOf.get(c.orderId)?.addressKey) || null });
  const ids = [...partyKeysOf.keys()];
  for (let i = 0; i < ids.length; i += PARTY_ORDERS_PER_LOOKUP) {
    await opts.pause();
    const some = ids.slice(i, i + PARTY_ORDERS_PER_LOOKUP);
    // Cases of the parties' addresses whose buyer is not a party's (those come with the buyers' below).
    const cases = (await casesOfOrders(db, teamId, some))
      .map(addressOf)
      .filter((c) => c.addressKey !== null && (c.buyerKey === null || !buyerKeys.has(c.buyerKey)));
    sink({ kind: 'partyCases', cases });
    await opts.pause();
    const flagged = await fraudFlaggedOfOrders(db, teamId, some);
    sink({ kind: 'flagged', decisions: flagged.map((d) => ({ ...d, ...partyKeysOf.get(d.orderId)! })) });
  }
  for await (const cases of buyerCasePages(db, teamId, keys, PARTY_ROWS_PER_PAGE)) {
    sink({ kind: 'partyCases', cases: cases.map(addressOf) });
    await opts.pause();
  }
  sink({ kind: 'partiesDone' });
  for (let i = 0; i < decided.length; i += DECIDED_ORDERS_PER_QUERY) {
    await opts.pause();
    const slice = decided.slice(i, i + DECIDED_ORDERS_PER_QUERY);
    sink({
      kind: 'decided',
      decisions: slice,
      orders: await findBacktestOrders(
        db,
        teamId,
        slice.map((d) => d.orderId),
      ),
    });
  }
}

/** Each decided order since `from` with its fraud input as of the decision, built on this thread (tests, small sets). */
export async function collectBacktestCases(
  db: Database,
  teamId: string,
  opts: { from: Date; windowHours: number; maxOrders: number; pause: () => Promise<void> },
): Promise<{ cases: BacktestCase[]; skipped: number }> {
  const data = new BacktestData(opts.windowHours);
  await readBacktestData(db, teamId, opts, (part) => data.add(part));
  return data.cases();
}
