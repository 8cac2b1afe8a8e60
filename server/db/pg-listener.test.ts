import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PgChannelListener } from './pg-listener';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('PgChannelListener (PostgreSQL)', () => {
  const admin = new pg.Client({ connectionString: url });
  afterAll(async () => admin.end().catch(() => {}));

  it('hears NOTIFY, and hears it again after its connection was killed', async () => {
    await admin.connect();
    const heard: string[] = [];
    const listener = new PgChannelListener(url!, 'caseside_listener_test', (p) => heard.push(p));
    await listener.start();
    try {
      await admin.query(`select pg_notify('caseside_listener_test', 'one')`);
      await waitFor(() => heard.includes('one'));

      // Kill the listener's backend as a server restart would.
      const killed = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'LISTEN "caseside_listener_test"%' and pid <> pg_backend_pid()`);
      expect(killed.rowCount).toBe(1);
      await waitFor(async () => {
        await admin.query(`select pg_notify('caseside_listener_test', 'two')`);
        return heard.includes('two');
      }, 10_000);
      expect(heard).toContain('two');
    } finally {
      await listener.stop();
    }
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
