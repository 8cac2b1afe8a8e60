import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PgListener } from './pg-listener';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('PgListener (PostgreSQL)', () => {
  const admin = new pg.Client({ connectionString: url });
  afterAll(async () => admin.end().catch(() => {}));

  it('hears two channels over one connection, and both again after that connection was killed, telling each subscriber it resumed', async () => {
    await admin.connect();
    // A name of its own: other test runs may listen on the same server at the same time.
    const name = `caseside listener test ${randomBytes(4).toString('hex')}`;
    const connections = async () => Number((await admin.query(`select count(*) from pg_stat_activity where application_name = $1`, [name])).rows[0].count);
    const heard: string[] = [];
    const resumed: string[] = [];
    const listener = new PgListener(url!, name);
    try {
      const stopOne = await listener.listen(
        'caseside_listener_one',
        (p) => heard.push(`one:${p}`),
        () => resumed.push('one'),
      );
      await listener.listen(
        'caseside_listener_two',
        (p) => heard.push(`two:${p}`),
        () => resumed.push('two'),
      );
      expect(await connections()).toBe(1);
      await admin.query(`select pg_notify('caseside_listener_one', 'a'), pg_notify('caseside_listener_two', 'b')`);
      await waitFor(() => heard.includes('one:a') && heard.includes('two:b'));
      expect(resumed).toEqual([]);

      // Kill the listener's backend as a server restart would.
      const killed = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`, [name]);
      expect(killed.rowCount).toBe(1);
      await waitFor(async () => {
        await admin.query(`select pg_notify('caseside_listener_one', 'c'), pg_notify('caseside_listener_two', 'd')`);
        return heard.includes('one:c') && heard.includes('two:d');
      }, 10_000);
      expect(resumed.sort()).toEqual(['one', 'two']);
      expect(await connections()).toBe(1);

      // A channel given up is not heard any more; the other still is.
      await stopOne();
      heard.length = 0;
      await admin.query(`select pg_notify('caseside_listener_one', 'e'), pg_notify('caseside_listener_two', 'f')`);
      await waitFor(() => heard.includes('two:f'));
      expect(heard).not.toContain('one:e');
    } finally {
      await listener.stop();
    }
    expect(await connections()).toBe(0);
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
