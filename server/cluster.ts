import cluster, { type Worker } from 'node:cluster';

/**
 * `--workers N` on PostgreSQL: the primary process forks N copies of the server that share one
 * listening port (node:cluster hands incoming connections to them in turn). Each worker has its own
 * pool, configuration cache and bookkeeping; they meet in the database, whose NOTIFY channels carry
 * live events and configuration changes to every worker, as they do across machines.
 *
 * The primary prints the usual `{"event":"listening",...}` line once every worker listens, replaces a
 * worker that dies, and on SIGINT/SIGTERM stops the workers (each closes its server, flushing its
 * bookkeeping) before it prints `{"event":"closed",...}`.
 */
export interface WorkerMessage {
  event: 'listening';
  url: string;
  database: string;
}

const isListening = (msg: unknown): msg is WorkerMessage =>
  typeof msg === 'object' && msg !== null && (msg as { event?: unknown }).event === 'listening' && typeof (msg as { url?: unknown }).url === 'string';

export function isClusterWorker(): boolean {
  return cluster.isWorker;
}

/** Which worker this is (1..N), or 0 outside a cluster. */
export function workerIndex(): number {
  return cluster.isWorker ? Number(process.env.CASESIDE_WORKER_INDEX ?? '0') : 0;
}

/** In a worker: tells the primary the server listens. */
export function reportListening(msg: WorkerMessage): void {
  process.send?.(msg);
}

export async function runPrimary(workers: number, print: (line: Record<string, unknown>) => void): Promise<void> {
  const started = new Map<number, Worker>();
  let stopping = false;

  const fork = (index: number): Worker => {
    const worker = cluster.fork({ CASESIDE_WORKER_INDEX: String(index) });
    started.set(index, worker);
    worker.on('exit', (code, signal) => {
      if (started.get(index) === worker) started.delete(index);
      if (stopping) return;
      process.stderr.write(`Caseside worker ${index} exited (${signal ?? code}); starting a new one.\n`);
      // A worker that dies at once again and again would spin: wait a second between attempts.
      setTimeout(() => {
        if (!stopping) fork(index);
      }, 1_000).unref();
    });
    return worker;
  };

  const ready = await new Promise<WorkerMessage>((resolve, reject) => {
    let listening = 0;
    let first: WorkerMessage | undefined;
    for (let i = 1; i <= workers; i++) {
      const worker = fork(i);
      const onExit = (code: number | null) => {
        if (!first || listening < workers) reject(new Error(`worker ${i} exited with ${code} before listening`));
      };
      worker.once('exit', onExit);
      worker.on('message', (msg: unknown) => {
        if (!isListening(msg)) return;
        worker.off('exit', onExit);
        first ??= msg;
        listening += 1;
        if (listening === workers) resolve(first);
      });
    }
  }).catch(async (err: unknown) => {
    stopping = true;
    for (const w of started.values()) w.kill('SIGTERM');
    throw err;
  });
  print({ event: 'listening', url: ready.url, database: ready.database, workers });

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const exits = [...started.values()].map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))));
    for (const w of started.values()) w.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const w of started.values()) w.kill('SIGKILL');
    }, 10_000);
    force.unref();
    void Promise.all(exits).then(() => {
      print({ event: 'closed', signal });
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
