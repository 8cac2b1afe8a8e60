/**
 * `npm test`: everything, in the order a failure is cheapest to find: typecheck (extension, server, all), lint, the OpenAPI lint
 * (Redocly's recommended rules on the live app's /openapi.json), unit tests, backend
 * tests (embedded PGlite, and PostgreSQL when DATABASE_URL names one), the extension build, and the
 * end-to-end tests in the system Chromium. Ends with one line: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const failedSteps: string[] = [];
const out = mkdtempSync(join(tmpdir(), 'caseside-test-'));
const only = process.argv.slice(2);

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  if (only.length && !only.includes(name)) return true;
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = res.status === 0;
  if (!ok) failedSteps.push(name);
  return ok;
}

function addVitest(file: string) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests;
  total.skipped += r.numPendingTests + r.numTodoTests;
}

function addPlaywright(file: string) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; skipped: number; flaky: number } };
  total.passed += r.stats.expected + r.stats.flaky;
  total.failed += r.stats.unexpected;
  total.skipped += r.stats.skipped;
}

const bin = (name: string) => join('node_modules', '.bin', name);

// The extension (DOM, no Node types), the server (Node, no DOM; the shared utils it imports are checked
// with it) and everything else, tests, scripts and benches included (both).
run('typecheck:extension', bin('tsc'), ['--noEmit', '-p', 'tsconfig.extension.json']);
run('typecheck:server', bin('tsc'), ['--noEmit', '-p', 'tsconfig.server.json']);
run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
run('lint', bin('eslint'), ['.']);
// Prettier's check: the tree is formatted (`npm run format` fixes what this finds).
run('format', 'npm', ['run', '--silent', 'format:check']);
run('openapi', 'npm', ['run', '--silent', 'lint:openapi']);

const unitJson = join(out, 'unit.json');
run('unit', bin('vitest'), ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
addVitest(unitJson);

if (!process.env.DATABASE_URL) {
  const msg = 'DATABASE_URL is not set: the backend tests run on the embedded PGlite only; the PostgreSQL half is SKIPPED.';
  console.log(`\n!! ${msg}\n!! Set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it (CI always does).`);
  if (process.env.CI) {
    console.error('!! CI must never skip the PostgreSQL half: failing.');
    failedSteps.push('server (PostgreSQL not configured)');
  }
} else {
  console.log(`\n== backend tests run on PGlite and on PostgreSQL at ${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')}`);
}
const serverJson = join(out, 'server.json');
run('server', bin('vitest'), ['run', '--project', 'server', '--reporter=default', '--reporter=json', `--outputFile.json=${serverJson}`]);
addVitest(serverJson);

const built = run('build', bin('wxt'), ['build']);
const e2eJson = join(out, 'e2e.json');
if (built) {
  run('e2e', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  addPlaywright(e2eJson);
} else if (!only.length || only.includes('e2e')) {
  failedSteps.push('e2e (not run: the build failed)');
}

console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
if (total.skipped) console.log(`(${total.skipped} skipped)`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(failedSteps.length || total.failed ? 1 : 0);
