import { backtest, type BacktestCase, type BacktestResult } from '../../utils/fraud/backtest';
import type { BacktestReport } from '../../utils/schemas/admin';
import type { FraudMatrix } from '../../utils/schemas/fraud';
import { PageContext } from '../../utils/schemas/page';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import { listFinalDecisions, loadPartyData } from '../repositories/backtest';
import { findOrdersByIds } from '../repositories/orders';
import { FraudInputIndex } from './backtest-inputs';
import { checkProposedMatrix, getFraudMatrixView } from './team-config';

const DAY_MS = 86_400_000;
/** Enough for months of a busy team's decisions while keeping one back-test to seconds. */
export const MAX_BACKTEST_ORDERS = 5000;
/** A back-test still running after this is abandoned with a 503 rather than holding a connection open. */
export const BACKTEST_DEADLINE_MS = 30_000;
/** The longest the back-test holds the event loop before letting other requests run. */
const SLICE_MS = 20;
/** Orders (with their page snapshots) loaded per query. */
const ORDERS_PER_QUERY = 250;

const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * POST /v1/fraud/backtest: the proposed matrix against the stored one on the team's decided orders.
 * Each order's fraud input is rebuilt from its stored snapshot and the team's history exactly as the
 * panel builds it (services/insights.ts), as of the moment the decision was taken. The history is
 * loaded in a few set-based queries (not per decision), and the inputs are built and scored in slices
 * of at most SLICE_MS, so the event loop keeps serving other requests.
 */
export async function runBacktest(
  db: Database,
  teamId: string,
  proposedDocument: unknown,
  days: number,
  now = new Date(),
  limits: { maxOrders?: number; deadlineMs?: number } = {},
): Promise<BacktestReport> {
  const pause = slicer(Date.now() + (limits.deadlineMs ?? BACKTEST_DEADLINE_MS));
  const currentView = await getFraudMatrixView(db, teamId);
  const proposed = checkProposedMatrix(proposedDocument, currentView.version + 1);
  const from = new Date(now.getTime() - days * DAY_MS);
  // Related orders are fetched over the wider of the two windows; the engine applies each matrix's own.
  const windowHours = Math.max(currentView.matrix.parameters.velocity.windowHours, proposed.parameters.velocity.windowHours);
  const { cases, skipped } = await collectBacktestCases(db, teamId, { from, windowHours, maxOrders: limits.maxOrders ?? MAX_BACKTEST_ORDERS, pause });
  const result = await scoreInSlices(cases, currentView.matrix, proposed, pause);
  return { days, from: from.toISOString(), currentVersion: currentView.version, skipped, ...result };
}

/** A function to await between steps: it yields to other requests every SLICE_MS and enforces the deadline. */
export function slicer(deadline: number): () => Promise<void> {
  let sliceStart = Date.now();
  return async () => {
    if (Date.now() - sliceStart < SLICE_MS) return;
    if (Date.now() > deadline) throw new HttpError('unavailable', 'The back-test took too long and was stopped; try fewer days.');
    await yieldToOtherRequests();
    sliceStart = Date.now();
  };
}

/** Each decided order since `from` with its fraud input as of the decision (skipping redacted or unreadable ones). */
export async function collectBacktestCases(
  db: Database,
  teamId: string,
  opts: { from: Date; windowHours: number; maxOrders: number; pause: () => Promise<void> },
): Promise<{ cases: BacktestCase[]; skipped: number }> {
  const decisions = await listFinalDecisions(db, teamId, opts.from, opts.maxOrders);
  // In pieces: on the embedded database a query runs on the main thread, so no single one may be long.
  const orders = new Map<string, Awaited<ReturnType<typeof findOrdersByIds>>[number]>();
  for (let i = 0; i < decisions.length; i += ORDERS_PER_QUERY) {
    await opts.pause();
    for (const o of await findOrdersByIds(db, teamId, decisions.slice(i, i + ORDERS_PER_QUERY).map((d) => d.orderId))) orders.set(o.orderId, o);
  }
  const keysOf = (k: 'buyerKey' | 'addressKey' | 'phoneKey') => [...new Set([...orders.values()].flatMap((o) => (o[k] ? [o[k]] : [])))];
  const index = new FraudInputIndex(await loadPartyData(db, teamId, { buyerKeys: keysOf('buyerKey'), addressKeys: keysOf('addressKey'), phoneKeys: keysOf('phoneKey') }));

  const cases: BacktestCase[] = [];
  let skipped = 0;
  for (const decision of decisions) {
    await opts.pause();
    const order = orders.get(decision.orderId);
    // The snapshot is what an agent saw, minus the page's recognition report (not about the order).
    const ctx = order && PageContext.safeParse({ ...order.snapshot, recognition: { status: 'full', missing: [] } });
    if (!order || !ctx?.success || order.redactedAt) {
      skipped += 1;
      continue;
    }
    cases.push({ input: index.build({ ctx: ctx.data, order, windowHours: opts.windowHours, now: decision.decidedAt }), decision: decision.kind });
  }
  return { cases, skipped };
}

/** The engine's back-test over chunks small enough to score within a slice, merged into one result. */
async function scoreInSlices(cases: BacktestCase[], current: FraudMatrix, proposed: FraudMatrix, pause: () => Promise<void>): Promise<BacktestResult> {
  const CHUNK = 50;
  let merged: BacktestResult | undefined;
  for (let i = 0; i < cases.length || merged === undefined; i += CHUNK) {
    await pause();
    const part = backtest(cases.slice(i, i + CHUNK), current, proposed);
    merged = merged ? mergeResults(merged, part) : part;
    if (cases.length === 0) break;
  }
  return merged!;
}

function mergeResults(a: BacktestResult, b: BacktestResult): BacktestResult {
  const addConfusion = (x: BacktestResult['confusion'], y: BacktestResult['confusion']) => {
    const out = structuredClone(x);
    for (const rec of Object.keys(y) as Array<keyof typeof y>) for (const d of Object.keys(y[rec]) as Array<keyof (typeof y)[typeof rec]>) out[rec][d] += y[rec][d];
    return out;
  };
  const addRates = (x: BacktestResult['current'], y: BacktestResult['current']) => ({
    fraudCaught: x.fraudCaught + y.fraudCaught,
    fraudReleased: x.fraudReleased + y.fraudReleased,
    goodHeld: x.goodHeld + y.goodHeld,
    sentToAgents: x.sentToAgents + y.sentToAgents,
  });
  const moves = new Map(a.moves.map((m) => [`${m.from}>${m.to}`, { ...m, examples: [...m.examples] }]));
  for (const m of b.moves) {
    const key = `${m.from}>${m.to}`;
    const existing = moves.get(key);
    if (!existing) moves.set(key, { ...m, examples: [...m.examples] });
    else {
      existing.count += m.count;
      existing.examples = [...existing.examples, ...m.examples].slice(0, 5);
    }
  }
  const ORDER = ['release', 'review', 'hold'];
  return {
    total: a.total + b.total,
    confusion: addConfusion(a.confusion, b.confusion),
    currentConfusion: addConfusion(a.currentConfusion, b.currentConfusion),
    proposed: addRates(a.proposed, b.proposed),
    current: addRates(a.current, b.current),
    moves: [...moves.values()].sort((x, y) => y.count - x.count || ORDER.indexOf(x.from) - ORDER.indexOf(y.from)),
    unchanged: a.unchanged + b.unchanged,
  };
}
