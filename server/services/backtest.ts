import type { Worker } from 'node:worker_threads';
import type { BacktestResult } from '../../utils/fraud/backtest';
import type { BacktestReport } from '../../utils/schemas/admin';
import { handleOf, type Database } from '../db/open';
import { HttpError } from '../errors';
import type { BacktestJob } from './backtest-worker-entry';
import { checkProposedMatrix, getFraudMatrixView } from './team-config';
import { startWorker, workerEntry } from './worker-thread';

export { collectBacktestCases, readBacktestData } from './backtest-read';

const DAY_MS = 86_400_000;
/** Enough for months of a busy team's decisions while keeping one back-test to seconds. */
export const MAX_BACKTEST_ORDERS = 5000;
/** A back-test still running after this is abandoned with a 503 rather than holding a connection open. */
export const BACKTEST_DEADLINE_MS = 30_000;

const ENTRY = workerEntry(import.meta.url, 'backtest-worker-entry');

/**
 * POST /v1/fraud/backtest: the proposed matrix against the stored one on the team's decided orders.
 * Each order's fraud input is rebuilt from its stored snapshot and the team's history exactly as the
 * panel builds it (services/insights.ts), as of the moment the decision was taken.
 *
 * The whole back-test runs on a worker thread with its own way to the database (db/thread-link.ts): it
 * reads the decided orders and their parties' history, builds the inputs and scores both matrices. The
 * server's thread checks the matrix, starts the worker and waits for one message, so not one row of the
 * year's history is parsed or copied on it. On the bench's year of data with PostgreSQL, reading on the
 * main thread (node-postgres parses each answer there) held /health up to 183 ms.
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
  const link = await handleOf(db).connectThread();
  const job: BacktestJob = {
    link,
    teamId,
    from: from.toISOString(),
    maxOrders: limits.maxOrders ?? MAX_BACKTEST_ORDERS,
    setup: { current: currentView.matrix, proposed, windowHours },
  };
  const worker = startWorker(ENTRY, {
    workerData: job,
    transferList: link.kind === 'pglite' ? [link.port] : [],
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  try {
    const { skipped, ...result } = await outcome(worker, deadline);
    return { days, from: from.toISOString(), currentVersion: currentView.version, skipped, ...result };
  } finally {
    void worker.terminate();
  }
}

/** The worker's one answer, or a 503 once the deadline passes. */
function outcome(worker: Worker, deadline: number): Promise<BacktestResult & { skipped: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(tooLong()), Math.max(0, deadline - Date.now()));
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    worker.once('message', (msg: { ok: true; result: BacktestResult & { skipped: number } } | { ok: false; message: string }) =>
      settle(() => (msg.ok ? resolve(msg.result) : reject(new Error(`Back-test failed: ${msg.message}`)))),
    );
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) => settle(() => reject(new Error(`Back-test worker exited with code ${code}`))));
  });
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
