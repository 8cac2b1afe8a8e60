import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { openDatabase, type DatabaseHandle } from './db/open';
import { SetupError, setUpTeam } from './setup';
import { testDatabases } from '../tests/server/databases';
import { auth } from '../tests/server/harness';

describe.each(testDatabases())('set-up and demo tokens on $kind', (target) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance | undefined;

  beforeAll(async () => {
    handle = await target.open();
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  }, 120_000);

  it('refuses the demo tokens once the same database runs without --demo', async () => {
    const demoApp = await buildApp({ db: handle.db, demo: true });
    expect((await demoApp.inject({ method: 'GET', url: '/v1/me', headers: auth('demo-lead-token') })).statusCode).toBe(200);
    await demoApp.close();

    app = await buildApp({ db: handle.db });
    for (const token of ['demo-lead-token', 'demo-agent-token']) {
      const res = await app.inject({ method: 'GET', url: '/v1/me', headers: auth(token) });
      expect(res.statusCode).toBe(401);
      const create = await app.inject({ method: 'POST', url: '/v1/agents', headers: auth(token), payload: { name: 'Intruder', role: 'lead' } });
      expect(create.statusCode).toBe(401);
    }
  }, 300_000); // seeding the demo takes a while

  it('creates a team and its first lead whose token (stored hashed) signs in as lead', async () => {
    app ??= await buildApp({ db: handle.db });
    const created = await setUpTeam(handle.db, { team: `Acme EU ${Date.now()}`, lead: 'Lena Lead' });
    expect(created.token).toMatch(/^cs_[A-Za-z0-9_-]{43}$/);
    const me = await app!.inject({ method: 'GET', url: '/v1/me', headers: auth(created.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().agent).toMatchObject({ name: 'Lena Lead', role: 'lead', id: created.leadId });
    const hashes = await handle.db.execute(`select token_hash from api_tokens where agent_id = '${created.leadId}'`);
    expect(JSON.stringify(hashes)).not.toContain(created.token);
    // The new lead can run the team at once.
    const agent = await app!.inject({ method: 'POST', url: '/v1/agents', headers: auth(created.token), payload: { name: 'First Agent' } });
    expect(agent.statusCode).toBe(201);
  });

  it('refuses a second team of the same name', async () => {
    const team = `Twice ${Date.now()}`;
    await setUpTeam(handle.db, { team, lead: 'One' });
    await expect(setUpTeam(handle.db, { team, lead: 'Two' })).rejects.toBeInstanceOf(SetupError);
  });
});

describe('npm run setup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caseside-setup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the token once and stores the team in the data dir; bad input exits 2 naming the flag', async () => {
    const env = { ...process.env, DATABASE_URL: '' };
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/setup.ts', ...args], { env, encoding: 'utf8', timeout: 240_000 });
    const missing = run(['--team', 'Acme EU', '--data-dir', dir]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--lead is required');

    const ok = run(['--team', 'Acme EU', '--lead', 'Lena Lead', '--data-dir', dir]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const token = /^\s+(cs_\S+)$/m.exec(ok.stdout)![1]!;

    const again = run(['--team', 'Acme EU', '--lead', 'Other', '--data-dir', dir]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');

    const handle = await openDatabase({ dataDir: dir });
    try {
      const app = await buildApp({ db: handle.db });
      const me = await app.inject({ method: 'GET', url: '/v1/me', headers: auth(token) });
      expect(me.json()).toMatchObject({ team: { name: 'Acme EU' }, agent: { name: 'Lena Lead', role: 'lead' } });
      await app.close();
    } finally {
      await handle.close();
    }
  }, 600_000);
});
