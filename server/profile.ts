import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGliteThread, ThreadTransaction } from './db/pglite-thread';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import pg from 'pg';
import { routePath } from '../utils/api-routes';

/**
 * Where a panel request's time goes, for the bench (`CASESIDE_PROFILE_FILE=path`; off otherwise, and
 * never on in production): body parsing (after the auth hook), zod validation, the handler (split into SQL by
 * statement, Drizzle building SQL, and the rest), and serialisation (zod's response check and JSON).
 * The bench sends requests one at a time, so wall-clock spans add up to the request. Written to the file
 * when the server closes. The first CASESIDE_PROFILE_SKIP requests (warm-up) are not counted.
 */
interface Spans {
  start: number;
  validationStart?: number;
  handlerStart?: number;
  serialiseStart?: number;
  sendStart?: number;
  sqlMs: number;
  buildMs: number;
  cpu: NodeJS.CpuUsage;
}

interface StatementStats {
  calls: number;
  ms: number;
}

/** A statement's kind: its first keyword (a WITH names what its main statement does only after the CTEs, so it stays `with`). */
export function statementKind(text: string): string {
  const word = /^\s*\(?\s*([a-z]+)/i.exec(text)?.[1]?.toLowerCase();
  return word ?? 'other';
}

const PROFILED_ROUTE = routePath('panel.load');

export function installProfile(app: FastifyInstance, file: string, skip = Number(process.env.CASESIDE_PROFILE_SKIP ?? '100')): void {
  const totals = { requests: 0, cpu: 0, total: 0, parse: 0, validation: 0, handler: 0, sql: 0, build: 0, serialisation: 0, send: 0 };
  const statements = new Map<string, StatementStats>();
  const kinds = new Map<string, StatementStats>();
  const spans = new WeakMap<FastifyRequest, Spans>();
  let current: Spans | undefined;
  let seen = 0;

  // SQL time of a request is wall time with at least one statement in flight: parallel reads overlap.
  let inFlight = 0;
  let busySince = 0;
  const sqlStarted = () => {
    if (inFlight++ === 0) busySince = performance.now();
  };
  const recordSql = (text: string, ms: number) => {
    if (--inFlight === 0 && current) current.sqlMs += performance.now() - busySince;
    if (seen <= skip) return;
    // Statements outside the panel's hooks: the auth hook (it runs first) and the batched bookkeeping.
    const key = `${current ? '' : '[auth or batch] '}${text.replace(/\s+/g, ' ').trim()}`.slice(0, 110);
    const s = statements.get(key) ?? { calls: 0, ms: 0 };
    s.calls += 1;
    s.ms += ms;
    statements.set(key, s);
    const kind = `${current ? '' : '[auth or batch] '}${statementKind(text)}`;
    const k = kinds.get(kind) ?? { calls: 0, ms: 0 };
    k.calls += 1;
    k.ms += ms;
    kinds.set(kind, k);
  };
  patchDrivers(sqlStarted, recordSql);
  patchDialect((ms) => {
    if (current) current.buildMs += ms;
  });

  const ours = (request: FastifyRequest) => request.routeOptions.url === PROFILED_ROUTE;
  app.addHook('onRequest', async (request) => {
    if (!ours(request)) return;
    seen += 1;
    current = { start: performance.now(), sqlMs: 0, buildMs: 0, cpu: process.cpuUsage() };
    spans.set(request, current);
  });
  app.addHook('preValidation', async (request) => {
    const s = spans.get(request);
    if (s) s.validationStart = performance.now();
  });
  app.addHook('preHandler', async (request) => {
    const s = spans.get(request);
    if (s) s.handlerStart = performance.now();
  });
  app.addHook('preSerialization', async (request, _reply, payload) => {
    const s = spans.get(request);
    if (s) s.serialiseStart = performance.now();
    return payload;
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    const s = spans.get(request);
    if (s) s.sendStart = performance.now();
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    const s = spans.get(request);
    if (!s || seen <= skip || s.validationStart === undefined || s.handlerStart === undefined || s.serialiseStart === undefined || s.sendStart === undefined)
      return;
    const end = performance.now();
    current = undefined;
    const cpu = process.cpuUsage(s.cpu);
    totals.cpu += (cpu.user + cpu.system) / 1000;
    totals.requests += 1;
    totals.total += end - s.start;
    totals.parse += s.validationStart - s.start;
    totals.validation += s.handlerStart - s.validationStart;
    totals.handler += s.serialiseStart - s.handlerStart;
    totals.sql += s.sqlMs;
    totals.build += s.buildMs;
    totals.serialisation += s.sendStart - s.serialiseStart;
    totals.send += end - s.sendStart;
  });
  app.addHook('onClose', async () => {
    const n = Math.max(1, totals.requests);
    const per = (ms: number) => Math.round((ms / n) * 1000) / 1000;
    const report = {
      requests: totals.requests,
      perRequestMs: {
        // This process's CPU, all threads (on PGlite the database's work too; PostgreSQL's own is in its processes).
        cpu: per(totals.cpu),
        total: per(totals.total),
        bodyParse: per(totals.parse),
        zodValidation: per(totals.validation),
        handler: per(totals.handler),
        handlerSqlWall: per(totals.sql),
        handlerDrizzleBuild: per(totals.build),
        handlerOther: per(totals.handler - totals.sql - totals.build),
        serialisation: per(totals.serialisation),
        send: per(totals.send),
      },
      statements: [...statements.entries()]
        .map(([sql, s]) => ({
          sql,
          perRequest: Math.round((s.calls / n) * 100) / 100,
          msPerCall: Math.round((s.ms / s.calls) * 1000) / 1000,
          msPerRequest: per(s.ms),
        }))
        .sort((a, b) => b.msPerRequest - a.msPerRequest),
      // The same time by kind of statement (select, insert, update, begin, commit ...); each statement's
      // own time, so reads running side by side add up to more than handlerSqlWall.
      statementKinds: [...kinds.entries()]
        .map(([kind, s]) => ({
          kind,
          perRequest: Math.round((s.calls / n) * 100) / 100,
          msPerCall: Math.round((s.ms / s.calls) * 1000) / 1000,
          msPerRequest: per(s.ms),
        }))
        .sort((a, b) => b.msPerRequest - a.msPerRequest),
    };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  });
}

type QueryFn = (this: unknown, ...args: unknown[]) => unknown;

function textOf(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'text' in arg && typeof (arg as { text: unknown }).text === 'string') return (arg as { text: string }).text;
  return '?';
}

/** Times every statement sent through node-postgres clients and PGlite (its transactions included). */
function patchDrivers(started: () => void, record: (text: string, ms: number) => void): void {
  const timed = (original: QueryFn): QueryFn =>
    function (this: unknown, ...args: unknown[]) {
      started();
      const t0 = performance.now();
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        // The pool's form: the answer comes to a callback.
        args[last] = (...answer: unknown[]) => {
          record(textOf(args[0]), performance.now() - t0);
          return (callback as (...a: unknown[]) => unknown)(...answer);
        };
        return original.apply(this, args);
      }
      const result = original.apply(this, args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        return (result as Promise<unknown>).finally(() => record(textOf(args[0]), performance.now() - t0));
      }
      record(textOf(args[0]), performance.now() - t0);
      return result;
    };
  const clientProto = pg.Client.prototype as unknown as { query: QueryFn };
  clientProto.query = timed(clientProto.query);
  // The server's PGlite runs on its own thread (db/pglite-thread.ts): its statements are timed where
  // the request waits for them; an in-process PGlite (scripts) is timed as before.
  for (const proto of [PGliteThread.prototype, ThreadTransaction.prototype]) {
    const p = proto as unknown as { query: QueryFn };
    p.query = timed(p.query);
  }
  const liteProto = PGlite.prototype as unknown as { query: QueryFn; transaction: QueryFn };
  liteProto.query = timed(liteProto.query);
  const transaction = liteProto.transaction;
  liteProto.transaction = function (this: unknown, ...args: unknown[]) {
    const callback = args[0] as (tx: { query: QueryFn }) => unknown;
    return transaction.call(this, (tx: { query: QueryFn }) => {
      tx.query = timed(tx.query.bind(tx));
      return callback(tx);
    });
  };
}

/** Times Drizzle turning query builders into SQL text (outermost call only; they nest). */
function patchDialect(record: (ms: number) => void): void {
  const proto = PgDialect.prototype as unknown as Record<string, QueryFn>;
  let depth = 0;
  for (const name of ['sqlToQuery', 'buildSelectQuery', 'buildInsertQuery', 'buildUpdateQuery', 'buildDeleteQuery', 'buildRelationalQueryWithoutPK']) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      depth += 1;
      const t0 = depth === 1 ? performance.now() : 0;
      try {
        return original.apply(this, args);
      } finally {
        if (depth === 1) record(performance.now() - t0);
        depth -= 1;
      }
    };
  }
}
