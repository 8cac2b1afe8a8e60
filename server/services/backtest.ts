import type { Worker } from 'node:worker_threads';
import type { BacktestCase, BacktestResult } from '../../utils/fraud/backtest';
import type { BacktestReport } from '../../utils/schemas/admin';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import { addressCasesOfOrders, buyerCasePages, finalDecisionPages, findBacktestOrders, fraudFlaggedOfOrders, keysOfOrders, partyOrderPages, type FinalDecision } from '../repositories/backtest';
import { BacktestData, type BacktestPart, type BacktestSetup } from './backtest-score';
import { checkProposedMatrix, getFraudMatrixView } from './team-config';
import { startWorker, workerEntry } from './worker-thread';

const DAY_MS = 86_400_000;
/** Enough for months of a busy team's decisions while keeping one back-test to seconds. */
export const MAX_BACKTEST_ORDERS = 5000;
/** A back-test still running after this is abandoned with a 503 rather than holding a connection open. */
export const BACKTEST_DEADLINE_MS = 30_000;
/**
 * Rows per read. Neither database runs SQL on the event loop's thread (PGlite has its own), but the
 * rows of each answer are copied or parsed here: a decided order carries its page snapshot (JSON), so
 * those pages are the smallest; the party's orders, cases and flags are a few short columns each, read
 * in larger pages (on the bench's 20,000 orders, 50-key / 50-order lookups made a 2,965-order back-test
 * take 25 s in hundreds of small queries; these sizes, 7.5 s, with /health's worst answer unchanged).
 */
const DECISIONS_PER_PAGE = 100;
const DECIDED_ORDERS_PER_QUERY = 50;
const KEYS_PER_QUERY = 200;
const PARTY_ROWS_PER_PAGE = 2000;
const PARTY_ORDERS_PER_LOOKUP = 500;

const ENTRY = workerEntry(import.meta.url, 'backtest-worker-entry');

/**
 * POST /v1/fraud/backtest: the proposed matrix against the stored one on the team's decided orders.
 * Each order's fraud input is rebuilt from its stored snapshot and the team's history exactly as the
 * panel builds it (services/insights.ts), as of the moment the decision was taken.
 *
 * The main thread only reads, in short pages with a pause between them, and hands each page to a worker
 * thread; building the inputs and scoring them (seconds for thousands of orders) happens there, so
 * other requests keep being served throughout.
 */
export async function runBacktest(
  db: Database,
  teamId: string,
  proposedDocument: unknown,
  days: number,
  now = new Date(),
  limits: { maxOrders?: number; deadlineMs?: number } = {},
): Promise<BacktestReport> {
  const deadline = Date.now() + (limits.deadlineMs ?? BACKTEST_DEADLINE_MS);
  const currentView = await getFraudMatrixView(db, teamId);
  const proposed = checkProposedMatrix(proposedDocument, currentView.version + 1);
  const from = new Date(now.getTime() - days * DAY_MS);
  // Related orders are fetched over the wider of the two windows; the engine applies each matrix's own.
  const windowHours = Math.max(currentView.matrix.parameters.velocity.windowHours, proposed.parameters.velocity.windowHours);
  const scorer = new BacktestScorer({ current: currentView.matrix, proposed, windowHours });
  try {
    await readBacktestData(db, teamId, { from, maxOrders: limits.maxOrders ?? MAX_BACKTEST_ORDERS, pause: slicer(deadline) }, (part) => scorer.send(part));
    const { skipped, ...result } = await scorer.score(deadline);
    return { days, from: from.toISOString(), currentVersion: currentView.version, skipped, ...result };
  } finally {
    scorer.stop();
  }
}

/** The worker thread that builds and scores the inputs, fed page by page. */
class BacktestScorer {
  private readonly worker: Worker;
  private failure: Error | undefined;

  constructor(setup: BacktestSetup) {
    this.worker = startWorker(ENTRY, { workerData: setup });
    // Until score() listens, an early failure (the worker could not start) is kept for it.
    this.worker.on('error', (err) => (this.failure ??= err));
  }

  send(part: BacktestPart): void {
    if (this.failure) throw this.failure;
    this.worker.postMessage(part);
  }

  score(deadline: number): Promise<BacktestResult & { skipped: number }> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const timer = setTimeout(() => reject(tooLong()), Math.max(0, deadline - Date.now()));
      const settle = (fn: () => void) => {
        clearTimeout(timer);
        fn();
      };
      this.worker.once('message', (msg: { ok: true; result: BacktestResult & { skipped: number } } | { ok: false; message: string }) =>
        settle(() => (msg.ok ? resolve(msg.result) : reject(new Error(`Back-test scoring failed: ${msg.message}`)))),
      );
      this.worker.once('error', (err) => settle(() => reject(err)));
      this.worker.once('exit', (code) => settle(() => reject(new Error(`Back-test worker exited with code ${code}`))));
      this.worker.postMessage({ kind: 'score' });
    });
  }

  stop(): void {
    void this.worker.terminate();
  }
}

const tooLong = () => new HttpError('unavailable', 'The back-test took too long and was stopped; try fewer days.');

/**
 * A function to await between reads: each read is one short query, and the pause lets every request
 * that arrived meanwhile run before the next one (a setImmediate costs microseconds, far less than a
 * page). It also enforces the deadline.
 */
export function slicer(deadline: number): () => Promise<void> {
  return async () => {
    if (Date.now() > deadline) throw tooLong();
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
}

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
      for (const k of await keysOfOrders(db, teamId, decisions.slice(i, i + DECIDED_ORDERS_PER_QUERY).map((d) => d.orderId))) {
        if (k.buyerKey) buyerKeys.add(k.buyerKey);
        if (k.addressKey) addressKeys.add(k.addressKey);
        if (k.phoneKey) phoneKeys.add(k.phoneKey);
      }
    }
    await opts.pause();
  }
  const keys = { buyerKeys: [...buyerKeys], addressKeys: [...addressKeys], phoneKeys: [...phoneKeys] };
  const looked = new Set<string>();
  for await (const orders of partyOrderPages(db, teamId, keys, PARTY_ROWS_PER_PAGE, KEYS_PER_QUERY)) {
    sink({ kind: 'partyOrders', orders });
    // An order shared by two keys comes in two pages; its cases and flag are read once.
    const ids = [...new Set(orders.map((o) => o.orderId))].filter((id) => !looked.has(id));
    for (const id of ids) looked.add(id);
    for (let i = 0; i < ids.length; i += PARTY_ORDERS_PER_LOOKUP) {
      await opts.pause();
      const some = ids.slice(i, i + PARTY_ORDERS_PER_LOOKUP);
      sink({ kind: 'partyCases', cases: await addressCasesOfOrders(db, teamId, some, keys) });
      await opts.pause();
      sink({ kind: 'flagged', decisions: await fraudFlaggedOfOrders(db, teamId, some, keys) });
    }
    await opts.pause();
  }
  for await (const cases of buyerCasePages(db, teamId, keys, PARTY_ROWS_PER_PAGE)) {
    sink({ kind: 'partyCases', cases });
    await opts.pause();
  }
  sink({ kind: 'partiesDone' });
  for (let i = 0; i < decided.length; i += DECIDED_ORDERS_PER_QUERY) {
    await opts.pause();
    const slice = decided.slice(i, i + DECIDED_ORDERS_PER_QUERY);
    sink({ kind: 'decided', decisions: slice, orders: await findBacktestOrders(db, teamId, slice.map((d) => d.orderId)) });
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
