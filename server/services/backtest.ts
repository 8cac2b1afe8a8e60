import { backtest, type BacktestCase } from '../../utils/fraud/backtest';
import type { BacktestReport } from '../../utils/schemas/admin';
import { PageContext } from '../../utils/schemas/page';
import type { Database } from '../db/open';
import { listFinalDecisions } from '../repositories/backtest';
import { findOrdersByIds } from '../repositories/orders';
import { buildFraudInput } from './insights';
import { checkProposedMatrix, getFraudMatrixView } from './team-config';

const DAY_MS = 86_400_000;
/** Enough for months of a busy team's decisions while keeping one back-test to seconds. */
export const MAX_BACKTEST_ORDERS = 5000;

/**
 * POST /v1/fraud/backtest: the proposed matrix against the stored one on the team's decided orders.
 * Each order's fraud input is rebuilt from its stored snapshot and the team's history exactly as the
 * panel builds it (services/insights.ts), as of the moment the decision was taken.
 */
export async function runBacktest(db: Database, teamId: string, proposedDocument: unknown, days: number, now = new Date()): Promise<BacktestReport> {
  const currentView = await getFraudMatrixView(db, teamId);
  const proposed = checkProposedMatrix(proposedDocument, currentView.version + 1);
  const from = new Date(now.getTime() - days * DAY_MS);
  const decisions = await listFinalDecisions(db, teamId, from, MAX_BACKTEST_ORDERS);
  const orders = new Map((await findOrdersByIds(db, teamId, decisions.map((d) => d.orderId))).map((o) => [o.orderId, o]));
  // Related orders are fetched over the wider of the two windows; the engine applies each matrix's own.
  const windowHours = Math.max(currentView.matrix.parameters.velocity.windowHours, proposed.parameters.velocity.windowHours);

  const cases: BacktestCase[] = [];
  let skipped = 0;
  for (const decision of decisions) {
    const order = orders.get(decision.orderId);
    // The snapshot is what an agent saw, minus the page's recognition report (not about the order).
    const ctx = order && PageContext.safeParse({ ...order.snapshot, recognition: { status: 'full', missing: [] } });
    if (!order || !ctx?.success || order.redactedAt) {
      skipped += 1;
      continue;
    }
    cases.push({ input: await buildFraudInput(db, teamId, { ctx: ctx.data, order, windowHours, now: decision.decidedAt }), decision: decision.kind });
  }
  return { days, from: from.toISOString(), currentVersion: currentView.version, skipped, ...backtest(cases, currentView.matrix, proposed) };
}
