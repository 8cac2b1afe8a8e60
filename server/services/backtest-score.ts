import { backtest, type BacktestCase, type BacktestResult } from '../../utils/fraud/backtest';
import type { FraudMatrix } from '../../utils/schemas/fraud';
import { PageContext } from '../../utils/schemas/page';
import type { BacktestOrder, FinalDecision, PartyCase, PartyDecision, PartyOrder } from '../repositories/backtest';
import { FraudInputIndex } from './backtest-inputs';

/**
 * One page of what the back-test reads, as it travels from the reader to the scorer (a worker thread),
 * in this order: the parties' orders, cases and fraud flags; `partiesDone`; then the decided orders
 * with their snapshots, newest decision first, each page turned into fraud inputs as it arrives.
 */
export type BacktestPart =
  | { kind: 'partyOrders'; orders: Array<PartyOrder & { rowId: string }> }
  | { kind: 'partyCases'; cases: PartyCase[] }
  | { kind: 'flagged'; decisions: PartyDecision[] }
  | { kind: 'partiesDone' }
  | { kind: 'decided'; decisions: FinalDecision[]; orders: BacktestOrder[] };

/**
 * The back-test's cases, built page by page. The same order, case or flag may arrive in two pages (an
 * order id shared by two portals' rows); each is kept once.
 */
export class BacktestData {
  private readonly partyOrders = new Map<string, PartyOrder>();
  private readonly partyCases = new Map<string, PartyCase>();
  private readonly flagged = new Map<string, PartyDecision>();
  private index: FraudInputIndex | undefined;
  private readonly built: BacktestCase[] = [];
  private skippedCount = 0;

  constructor(private readonly windowHours: number) {}

  add(part: BacktestPart): void {
    if (part.kind === 'partyOrders') for (const { rowId, ...o } of part.orders) this.partyOrders.set(rowId, o);
    else if (part.kind === 'partyCases') for (const c of part.cases) this.partyCases.set(c.id, c);
    else if (part.kind === 'flagged') for (const d of part.decisions) this.flagged.set(d.orderId, d);
    else if (part.kind === 'partiesDone') {
      this.index = new FraudInputIndex({ orders: [...this.partyOrders.values()], cases: [...this.partyCases.values()], decisions: [...this.flagged.values()] });
    } else this.addDecided(part.decisions, part.orders);
  }

  private addDecided(decisions: FinalDecision[], orders: BacktestOrder[]): void {
    if (!this.index) throw new Error('The decided orders arrived before the parties were done.');
    const byId = new Map(orders.map((o) => [o.orderId, o]));
    for (const decision of decisions) {
      const order = byId.get(decision.orderId);
      // The snapshot is what an agent saw, minus the page's recognition report (not about the order).
      const ctx = order && !order.redactedAt ? PageContext.safeParse({ ...order.snapshot, recognition: { status: 'full', missing: [] } }) : undefined;
      if (!order || !ctx?.success) {
        this.skippedCount += 1;
        continue;
      }
      this.built.push({ input: this.index.build({ ctx: ctx.data, order, windowHours: this.windowHours, now: decision.decidedAt }), decision: decision.kind });
    }
  }

  /** Each decided order with its fraud input as of the decision, newest first (redacted or unreadable ones skipped). */
  cases(): { cases: BacktestCase[]; skipped: number } {
    return { cases: this.built, skipped: this.skippedCount };
  }
}

/** What the scorer is told before the data: both matrices and the related-order window to build inputs with. */
export interface BacktestSetup {
  current: FraudMatrix;
  proposed: FraudMatrix;
  windowHours: number;
}

export function scoreBacktest(data: BacktestData, setup: BacktestSetup): BacktestResult & { skipped: number } {
  const { cases, skipped } = data.cases();
  return { ...backtest(cases, setup.current, setup.proposed), skipped };
}
