import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteThread } from './pglite-thread';

/** The embedded database on its own thread behaves as in-process PGlite, minus holding the event loop. */
describe('PGlite on a worker thread', () => {
  let db: PGliteThread;

  beforeAll(async () => {
    db = await PGliteThread.open();
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, note text, at timestamptz)');
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('answers queries in both row modes, with Drizzle-style raw date types', async () => {
    await db.query('INSERT INTO t VALUES ($1, $2, $3)', [1, 'one', '2026-01-02T03:04:05Z']);
    const objects = await db.query<{ id: number; note: string; at: unknown }>('SELECT id, note, at FROM t WHERE id = $1', [1]);
    expect(objects.rows).toEqual([{ id: 1, note: 'one', at: new Date('2026-01-02T03:04:05Z') }]);
    // 1184 = timestamptz: returned as the database's text, as Drizzle's parsers ask.
    const raw = await db.query('SELECT id, at FROM t WHERE id = $1', [1], { rowMode: 'array', parsers: { 1184: (v: string) => v } });
    expect(raw.rows).toEqual([[1, '2026-01-02 03:04:05+00']]);
  });

  it("keeps a database error's fields (code, constraint) across the thread", async () => {
    const err = await db.query('INSERT INTO t VALUES (1, $1, now())', ['again']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: '23505', constraint: 't_pkey' });
  });

  it('commits a transaction that returns, rolls back one that throws or asks to', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (2, $1, now())', ['kept']);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (3, $1, now())', ['thrown']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (4, $1, now())', ['rolled back']);
      await tx.rollback();
    });
    const ids = await db.query<{ id: number }>('SELECT id FROM t ORDER BY id');
    expect(ids.rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it('makes a statement from outside wait until an open transaction ends, as one connection does', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = db.transaction(async (t) => {
      await t.query('UPDATE t SET note = $1 WHERE id = 1', ['in tx']);
      seen.push('tx wrote');
      await held;
    });
    await new Promise((r) => setTimeout(r, 50));
    const outside = db.query<{ note: string }>('SELECT note FROM t WHERE id = 1').then((r) => {
      seen.push(`outside read ${r.rows[0]!.note}`);
    });
    await new Promise((r) => setTimeout(r, 100));
    seen.push('releasing');
    release();
    await Promise.all([tx, outside]);
    expect(seen).toEqual(['tx wrote', 'releasing', 'outside read in tx']);
  });

  it('delivers NOTIFY to listeners, and not after unlisten', async () => {
    const got: string[] = [];
    const stop = await db.listen('chan', (payload) => got.push(payload));
    await db.query("SELECT pg_notify('chan', 'hello')");
    await expect.poll(() => got).toEqual(['hello']);
    await stop();
    await db.query("SELECT pg_notify('chan', 'after')");
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual(['hello']);
  });

  it("serves another thread's port on the same queue; closing the port leaves the database open and ends what it left open", async () => {
    const guest = PGliteThread.overPort(await db.connect());
    const rows = await guest.query<{ id: number }>('SELECT id FROM t ORDER BY id');
    expect(rows.rows.map((r) => r.id)).toEqual([1, 2]);
    await expect(guest.exec('SELECT 1')).resolves.toHaveLength(1);
    // The port's own transaction, left open when its thread goes away, does not hold the database.
    let began!: () => void;
    const begun = new Promise<void>((r) => (began = r));
    void guest
      .transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (9, $1, now())', ['never committed']);
        began();
        await new Promise(() => {});
      })
      .catch(() => {});
    await begun;
    await guest.close();
    expect(guest.closed).toBe(true);
    await expect(guest.query('SELECT 1')).rejects.toThrow(/closed/);
    const after = await db.query<{ id: number }>('SELECT id FROM t ORDER BY id');
    expect(after.rows.map((r) => r.id)).toEqual([1, 2]);
    // Only the server closes the database: a port's close is refused there.
    const other = PGliteThread.overPort(await db.connect());
    await expect((other as unknown as { call: (r: object) => Promise<unknown> }).call({ op: 'close' })).rejects.toThrow(/cannot close/);
    await other.close();
    await expect(db.query('SELECT 1')).resolves.toMatchObject({ rows: [{ '?column?': 1 }] });
  });

  it("leaves the event loop free while a long statement runs (held for the statement's whole time in process)", async () => {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    await db.query('SELECT count(*) FROM generate_series(1, 3000000) g, LATERAL (SELECT md5(g::text)) m');
    const queryMs = performance.now() - started;
    loop.disable();
    const worstMs = loop.max / 1e6;
    // In process, the loop's worst delay would be the statement's whole time; here a fraction of it.
    expect(queryMs).toBeGreaterThan(300);
    expect(worstMs).toBeLessThan(queryMs / 3);
  }, 60_000);

  // Last: it closes the database the others used.
  it('fails every later statement with a clear error once closed', async () => {
    await db.close();
    expect(db.closed).toBe(true);
    await expect(db.query('SELECT 1')).rejects.toThrow(/closed/);
  });
});
