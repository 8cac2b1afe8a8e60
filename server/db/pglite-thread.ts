import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import type { Results } from '@electric-sql/pglite';
import { startWorker, workerEntry } from '../services/worker-thread';
import type { ErrorShape, QueryOptions, Reply, Request, ThreadData } from './pglite-thread-protocol';

const ENTRY = workerEntry(import.meta.url, 'pglite-thread-entry');

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void };
/** What Drizzle passes as PGlite query options: a row mode and per-type parsers (functions). */
type DrizzleQueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, unknown> };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A database error as the worker saw it, with its fields (code, detail, constraint, ...) intact. */
function toError(shape: ErrorShape): Error {
  const err = new Error(shape.message);
  err.name = shape.name;
  Object.assign(err, shape.fields);
  return err;
}

/**
 * The embedded database (PGlite) running on a worker thread, with the part of PGlite's interface that
 * Drizzle and the server use: `query`, `exec`, `transaction`, `listen`, `close`. PGlite runs SQL
 * synchronously; on the main thread a report over a year of data held every other request for
 * hundreds of milliseconds. Queries still run one at a time, in the order they are sent, and a
 * transaction holds the database until it ends, exactly as in-process PGlite does.
 */
export class PGliteThread {
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<number, (payload: string) => void>();
  private nextId = 1;
  private failure: Error | undefined;
  private readonly ready: Promise<void>;
  closed = false;

  /**
   * `endpoint` is the database's thread itself (the owner, which opens and closes the database), or a
   * port to it handed to another thread (a guest: `connect()` / `overPort()`), whose statements join
   * the same queue and whose close() only lets go of the port.
   */
  private constructor(
    private readonly endpoint: Worker | MessagePort,
    private readonly owner: boolean,
  ) {
    // Kept alive only while a statement is waiting (see call()), so a script that forgets close() still ends.
    this.endpoint.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      this.endpoint.on('message', (msg: Reply) => {
        if (msg.kind === 'ready') resolve();
        else if (msg.kind === 'failed') reject(toError(msg.error));
        else if (msg.kind === 'notify') this.listeners.get(msg.listener)?.(msg.payload);
        else {
          const waiting = this.pending.get(msg.id);
          if (!waiting) return;
          this.pending.delete(msg.id);
          if (msg.ok) waiting.resolve(msg.value);
          else waiting.reject(toError(msg.error));
        }
      });
      const fail = (err: Error) => {
        this.failure ??= err;
        reject(err);
        for (const waiting of this.pending.values()) waiting.reject(err);
        this.pending.clear();
      };
      this.endpoint.on('error', fail);
      const stopped = (detail: string) => {
        this.closed = true;
        fail(new Error(`The embedded database's thread stopped (${detail}).`));
      };
      if (owner) this.endpoint.on('exit', (code: number) => stopped(`exit code ${code}`));
      else {
        this.endpoint.on('close', () => stopped('its port closed'));
        resolve();
      }
    });
  }

  /** Starts the thread and opens the database in `dataDir` (in memory when undefined). */
  static async open(dataDir?: string): Promise<PGliteThread> {
    const data: ThreadData = dataDir ? { dataDir } : {};
    // PGlite's memory is WebAssembly memory, outside the heap limit; the heap holds result rows.
    const worker = startWorker(ENTRY, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    const db = new PGliteThread(worker, true);
    try {
      await db.ready;
    } catch (err) {
      await worker.terminate();
      throw err;
    }
    return db;
  }

  /**
   * A port to this database for another worker thread (transfer it in postMessage or workerData, then
   * `PGliteThread.overPort` there): that thread's statements go straight to the database's thread and
   * its rows never pass through this one.
   */
  async connect(): Promise<MessagePort> {
    const { port1, port2 } = new MessageChannel();
    await this.call({ op: 'port', port: port2 }, [port2]);
    return port1;
  }

  /** The database behind a port from `connect()`, on the thread it was handed to. */
  static overPort(port: MessagePort): PGliteThread {
    return new PGliteThread(port, false);
  }

  private call<T>(request: WithoutId<Request>, transfer: MessagePort[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The embedded database is closed.'));
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    if (this.pending.size === 0) this.endpoint.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.endpoint.postMessage({ ...request, id } as Request, transfer);
    }).finally(() => {
      if (this.pending.size === 0) this.endpoint.unref();
    });
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = [], options: DrizzleQueryOptions = {}): Promise<Results<T>> {
    return this.call({ op: 'query', sql, params, options: threadOptions(options) });
  }

  exec(sql: string): Promise<Array<Results>> {
    return this.call({ op: 'exec', sql });
  }

  /** Runs `fn` in a transaction: committed when it returns, rolled back when it throws or calls rollback(). */
  async transaction<T>(fn: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const txId = await this.call<number>({ op: 'begin' });
    const tx = new ThreadTransaction(txId, (request) => this.call(request));
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      tx.closed = true;
      await this.call({ op: 'end', tx: txId, commit: false }).catch(() => {});
      throw err;
    }
    const commit = !tx.rolledBack;
    tx.closed = true;
    await this.call({ op: 'end', tx: txId, commit });
    return result;
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    const listener = await this.call<number>({ op: 'listen', channel });
    this.listeners.set(listener, onPayload);
    return async () => {
      this.listeners.delete(listener);
      if (!this.closed) await this.call({ op: 'unlisten', listener });
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (!this.owner) {
      this.closed = true;
      (this.endpoint as MessagePort).close();
      return;
    }
    const worker = this.endpoint as Worker;
    try {
      await this.call({ op: 'close' });
    } finally {
      this.closed = true;
      await worker.terminate();
    }
  }
}

/** A transaction on the database thread: its statements run inside it, in order. */
export class ThreadTransaction {
  closed = false;
  rolledBack = false;

  constructor(
    private readonly txId: number,
    private readonly call: <T>(request: WithoutId<Request>) => Promise<T>,
  ) {}

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = [], options: DrizzleQueryOptions = {}): Promise<Results<T>> {
    return this.call({ op: 'query', sql, params, options: threadOptions(options), tx: this.txId });
  }

  exec(sql: string): Promise<Array<Results>> {
    return this.call({ op: 'exec', sql, tx: this.txId });
  }

  /** Ends the transaction without its changes when the callback returns (as PGlite's own rollback). */
  async rollback(): Promise<void> {
    this.rolledBack = true;
  }
}

/**
 * Drizzle's parsers return the text of dates, timestamps and intervals as it is; they cannot cross to
 * the thread, so their type ids do, and the thread installs the same identity parsers.
 */
function threadOptions(options: DrizzleQueryOptions): QueryOptions {
  return {
    ...(options.rowMode ? { rowMode: options.rowMode } : {}),
    rawTypes: Object.keys(options.parsers ?? {}).map(Number),
  };
}
