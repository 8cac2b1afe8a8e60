import { parentPort, workerData } from 'node:worker_threads';
import { BacktestData, scoreBacktest, type BacktestPart, type BacktestSetup } from './backtest-score';

/**
 * Runs in a worker thread (services/backtest.ts): collects the pages the main thread reads, then
 * builds every decided order's fraud input and scores both matrices, and posts the result back.
 */
const setup = workerData as BacktestSetup;
const data = new BacktestData(setup.windowHours);
parentPort!.on('message', (msg: BacktestPart | { kind: 'score' }) => {
  if (msg.kind !== 'score') {
    data.add(msg);
    return;
  }
  try {
    parentPort!.postMessage({ ok: true, result: scoreBacktest(data, setup) });
  } catch (err) {
    parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
