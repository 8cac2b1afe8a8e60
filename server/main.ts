import { isClusterWorker, reportListening, runPrimary, workerIndex } from './cluster';
import { ConfigError, loadConfig, USAGE } from './config';
import { startServer } from './start';

/**
 * `npm run server -- [--demo] [--port 8787] [--host 127.0.0.1] [--data-dir ./data] [--workers N]`.
 * stdout carries only JSON event lines (a parent process waits for `{"event":"listening",...}`);
 * logs go to stderr.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
  // Several processes on one port (PostgreSQL only; loadConfig refuses it on PGlite): see cluster.ts.
  if (config.workers > 1 && !isClusterWorker()) return runPrimary(config.workers, print);
  const worker = workerIndex();
  // One hourly retention sweep is enough for all workers (it is idempotent, but need not run N times).
  const server = await startServer({ ...config, sweepRetention: worker <= 1 });
  if (worker > 0) reportListening({ event: 'listening', url: server.url, database: server.database });
  else print({ event: 'listening', url: server.url, database: server.database });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => {
        if (worker === 0) print({ event: 'closed', signal });
        process.exit(0);
      },
      (err: unknown) => {
        process.stderr.write(`Error while closing: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Caseside server failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
