import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackend, type BackendProcess } from '../scripts/lib/backend-process';
import { openDatabase, type DatabaseHandle } from './db/open';
import { events } from './db/schema';
import { setUpTeam } from './setup';
import { testDatabases } from '../tests/server/databases';
import { idempotencyKey, newOrderId } from '../tests/server/harness';

const WRITES = 60;

/**
 * kill -9 during writes: a real server process takes notes from concurrent clients and is killed
 * without warning; after a restart on the same data every note it acknowledged is there exactly once,
 * and the clients' retries (same idempotency keys) add nothing twice.
 */
describe.each(testDatabases())('kill -9 during writes on $kind', (target) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'caseside-kill-'));
  let backend: BackendProcess | undefined;
  afterAll(async () => {
    await backend?.kill();
    await target.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  /** A handle on the same data the server process uses (PGlite: only while the server is down). */
  const openSame = async (): Promise<DatabaseHandle> => (target.kind === 'postgres' ? target.open() : openDatabase({ dataDir }));
  const start = async () => {
    return startBackend({ dataDir, demo: false, env: target.kind === 'postgres' ? { DATABASE_URL: target.url! } : {}, startTimeoutMs: 300_000 });
  };

  it('keeps every acknowledged write exactly once across a SIGKILL', async () => {
    const setupHandle = await openSame();
    const { token, teamId } = await setUpTeam(setupHandle.db, { team: `Kill ${Date.now()}`, lead: 'Lena Lead' });
    if (target.kind === 'pglite') await setupHandle.close();

    backend = await start();
    const orderId = newOrderId();
    const writes = Array.from({ length: WRITES }, (_, i) => ({ orderId, text: `note ${i}`, idempotencyKey: idempotencyKey() }));
    const send = (url: string, body: (typeof writes)[number]) =>
      fetch(`${url}/v1/notes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': body.idempotencyKey },
        body: JSON.stringify(body),
      }).then((r) => r.status);

    const acknowledged = new Set<string>();
    const url = backend.url;
    let killed = false;
    // Eight clients writing one after another each; the kill lands while some writes are in flight.
    const clients = Array.from({ length: 8 }, async (_, c) => {
      for (let i = c; i < WRITES; i += 8) {
        if (killed) return;
        const status = await send(url, writes[i]!).catch(() => 0);
        if (status === 200 || status === 201) acknowledged.add(writes[i]!.text);
      }
    });
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (acknowledged.size >= WRITES / 3) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    killed = true;
    await backend.kill();
    await Promise.all(clients);
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(WRITES);

    const countNotes = async () => {
      const handle = await openSame();
      try {
        const rows = await handle.db
          .select({ text: events.text })
          .from(events)
          .where(and(eq(events.teamId, teamId), eq(events.orderId, orderId), eq(events.type, 'note')));
        const counts = new Map<string, number>();
        for (const r of rows) counts.set(r.text, (counts.get(r.text) ?? 0) + 1);
        return counts;
      } finally {
        if (target.kind === 'pglite') await handle.close();
      }
    };
    const afterKill = await countNotes();
    for (const text of acknowledged) expect(afterKill.get(text), text).toBe(1);
    for (const n of afterKill.values()) expect(n).toBe(1);

    // The clients retry everything they sent (the extension's outbox does): nothing doubles.
    backend = await start();
    const statuses = await Promise.all(writes.map((w) => send(backend!.url, w)));
    expect(statuses.every((s) => s === 200 || s === 201)).toBe(true);
    await backend.stop();
    backend = undefined;
    const afterRetry = await countNotes();
    expect(afterRetry.size).toBe(WRITES);
    for (const n of afterRetry.values()) expect(n).toBe(1);
  }, 600_000);
});
