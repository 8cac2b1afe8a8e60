import { parentPort, workerData } from 'node:worker_threads';
import type { ThreadLink } from '../db/open';
import { openLinkedDatabase } from '../db/thread-link';
import { readBacktestData } from './backtest-read';
import { BacktestData, scoreBacktest, type BacktestSetup } from './backtest-score';

/** What services/backtest.ts hands the worker: the way to the database, whose data, and the matrices. */
export interface BacktestJob {
  link: ThreadLink;
  teamId: string;
  from: string;
  maxOrders: number;
  setup: BacktestSetup;
}

/**
 * Runs in a worker thread (services/backtest.ts): reads the decided orders and their parties' history
 * from the database itself, builds every decided order's fraud input, scores both matrices and posts
 * the result back. The server's thread stops it at the deadline.
 */
async function main(job: BacktestJob): Promise<void> {
  const { db, close } = await openLinkedDatabase(job.link);
  try {
    const data = new BacktestData(job.setup.windowHours);
    await readBacktestData(db, job.teamId, { from: new Date(job.from), maxOrders: job.maxOrders, pause: async () => {} }, (part) => data.add(part));
    parentPort!.postMessage({ ok: true, result: scoreBacktest(data, job.setup) });
  } finally {
    await close();
  }
}

main(workerData as BacktestJob).catch((err: unknown) => {
  parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
});
