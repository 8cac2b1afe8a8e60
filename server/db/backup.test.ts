import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { setUpTeam } from '../setup';
import { auth } from '../../tests/server/harness';
import { openDatabase } from './open';

describe('npm run backup (embedded database)', () => {
  const root = mkdtempSync(join(tmpdir(), 'caseside-backup-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('backs up a data dir and restores it into a new one that signs in the same team', async () => {
    const source = join(root, 'data');
    const handle = await openDatabase({ dataDir: source });
    const { token } = await setUpTeam(handle.db, { team: 'Backed Up', lead: 'Lena Lead' });
    await handle.close();

    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', ...args], { encoding: 'utf8', timeout: 300_000 });
    const file = join(root, 'backup.tar.gz');
    const backup = run(['--data-dir', source, '--out', file]);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const target = join(root, 'restored');
    const restore = run(['--restore', file, '--data-dir', target]);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    // Restoring over a database is refused.
    expect(run(['--restore', file, '--data-dir', target]).status).toBe(1);

    const restored = await openDatabase({ dataDir: target });
    try {
      const app = await buildApp({ db: restored.db });
      const me = await app.inject({ method: 'GET', url: '/v1/me', headers: auth(token) });
      expect(me.json()).toMatchObject({ team: { name: 'Backed Up' }, agent: { name: 'Lena Lead' } });
      await app.close();
    } finally {
      await restored.close();
    }
  }, 900_000);
});
