import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { errorShape, type QueryOptions, type Reply, type Request, type ThreadData } from './pglite-thread-protocol';

/**
 * Runs in a worker thread (db/pglite-thread.ts): the embedded database itself. PGlite executes SQL
 * synchronously in WebAssembly, so a query over a year of data would hold whichever thread runs it;
 * here that thread serves nobody else, and the server's event loop stays free.
 */
const { dataDir } = workerData as ThreadData;
const send = (reply: Reply) => parentPort!.postMessage(reply);

const identity = (value: string) => value;
function pgliteOptions(options: QueryOptions) {
  const parsers: Record<number, (value: string) => unknown> = {};
  for (const type of options.rawTypes ?? []) parsers[type] = identity;
  return { ...(options.rowMode ? { rowMode: options.rowMode } : {}), parsers };
}

interface OpenTransaction {
  tx: Transaction;
  end: (commit: boolean) => void;
  done: Promise<void>;
}

async function main() {
  let db: PGlite;
  try {
    db = dataDir ? new PGlite(dataDir) : new PGlite();
    await db.waitReady;
  } catch (err) {
    send({ kind: 'failed', error: errorShape(err) });
    return;
  }
  const transactions = new Map<number, OpenTransaction>();
  const listeners = new Map<number, () => Promise<void>>();
  let nextListener = 1;

  const runner = (txId: number | undefined) => {
    if (txId === undefined) return db;
    const open = transactions.get(txId);
    if (!open) throw new Error(`No open transaction ${txId}.`);
    return open.tx;
  };

  /** One request from the server's thread (`owner`) or from another thread's port (`reply` answers there). */
  const handle = async (msg: Request, reply: (r: Reply) => void, owner: boolean, begun: Set<number>): Promise<unknown> => {
    switch (msg.op) {
      case 'query':
        return runner(msg.tx).query(msg.sql, msg.params, pgliteOptions(msg.options));
      case 'exec':
        return runner(msg.tx).exec(msg.sql);
      case 'begin':
        return new Promise<number>((resolveBegin, rejectBegin) => {
          let end!: (commit: boolean) => void;
          const decided = new Promise<boolean>((resolve) => (end = resolve));
          const done = db
            .transaction(async (tx) => {
              transactions.set(msg.id, { tx, end, done });
              begun.add(msg.id);
              resolveBegin(msg.id);
              // PGlite commits when this callback returns and rolls back when it throws.
              if (!(await decided)) await tx.rollback();
            })
            .then(
              () => undefined,
              (err: unknown) => {
                rejectBegin(err);
                throw err;
              },
            )
            .finally(() => {
              transactions.delete(msg.id);
              begun.delete(msg.id);
            });
          // Settled through 'end'; a failure to begin is reported through rejectBegin above.
          done.catch(() => {});
        });
      case 'end': {
        const open = transactions.get(msg.tx);
        if (!open) throw new Error(`No open transaction ${msg.tx}.`);
        open.end(msg.commit);
        await open.done;
        return null;
      }
      case 'listen': {
        const listener = nextListener++;
        listeners.set(listener, await db.listen(msg.channel, (payload) => reply({ kind: 'notify', listener, payload })));
        return listener;
      }
      case 'unlisten': {
        const stop = listeners.get(msg.listener);
        listeners.delete(msg.listener);
        if (stop && !db.closed) await stop();
        return null;
      }
      case 'close':
        // Only the server closes the database; another thread lets go of its port instead.
        if (!owner) throw new Error('A connected thread cannot close the database.');
        if (!db.closed) await db.close();
        return null;
      case 'port':
        serve(msg.port, false);
        return null;
    }
  };

  const serve = (endpoint: MessagePort, owner: boolean) => {
    const reply = (r: Reply) => endpoint.postMessage(r);
    // Transactions this endpoint began: a thread that goes away mid-transaction must not hold the database.
    const begun = new Set<number>();
    endpoint.on('close', () => {
      for (const id of begun) transactions.get(id)?.end(false);
    });
    endpoint.on('message', (msg: Request) => {
      handle(msg, reply, owner, begun).then(
        (value) => reply({ kind: 'reply', id: msg.id, ok: true, value }),
        (err: unknown) => reply({ kind: 'reply', id: msg.id, ok: false, error: errorShape(err) }),
      );
    });
  };
  serve(parentPort!, true);
  send({ kind: 'ready' });
}

void main();
