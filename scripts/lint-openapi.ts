/**
 * `npm run lint:openapi`: the live app's /openapi.json (built in-process on an in-memory PGlite, no
 * listening server) written to a temporary file and checked by Redocly's recommended rules
 * (redocly.yaml). Exits non-zero on any error; warnings are printed and allowed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app';
import { openDatabase } from '../server/db/open';

const handle = await openDatabase({});
const app = await buildApp({ db: handle.db });
const res = await app.inject({ method: 'GET', url: '/openapi.json' });
await app.close();
await handle.close();
if (res.statusCode !== 200) {
  console.error(`GET /openapi.json answered ${res.statusCode}`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'caseside-openapi-'));
const file = join(dir, 'openapi.json');
writeFileSync(file, res.body);
// No usage telemetry and no update check: the lint is a local check, and CI may have no network.
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const lint = spawnSync(join('node_modules', '.bin', 'redocly'), ['lint', file, '--config', 'redocly.yaml', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
rmSync(dir, { recursive: true, force: true });
process.exit(lint.status ?? 1);
