import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { benchBackend } from './backend';
import { benchBrowser } from './browser';
import { benchReports } from './reports';
import { benchScoring } from './scoring';
import { machine, renderMarkdown, renderTable, tableRows, type Results } from './table';

/**
 * `npm run bench [-- --only browser,backend,scoring,reports] [--quick] [--build]`
 * Runs the benchmarks, prints one table, writes bench/results/latest.json, and after a full run
 * (all parts, not --quick) bench/RESULTS.md, ready to paste into the README's performance section.
 */
const PARTS = ['browser', 'backend', 'scoring', 'reports'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    databases: { type: 'string' },
    levels: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
const levels = values.levels?.split(',').map((s) => Number(s.trim()));
if (levels?.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--levels: expected agent counts such as 50,200,500, got ${values.levels}`);
if (values.help) {
  process.stdout.write(
    'npm run bench -- [--only browser,backend,scoring,reports] [--quick] [--build] [--databases pglite,postgres] [--levels 50,200,500] [--report-only]\n',
  );
  process.exit(0);
}
const only = (values.only ?? PARTS.join(',')).split(',').map((s) => s.trim()) as Part[];
for (const p of only) if (!PARTS.includes(p)) throw new Error(`--only: unknown part ${p} (${PARTS.join(', ')})`);
const quick = values.quick ?? false;
const full = !quick && PARTS.every((p) => only.includes(p)) && !values.databases && !values.levels;
const started = Date.now();
const log = (msg: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);

function reportOnly(): void {
  const results = JSON.parse(readFileSync('bench/results/latest.json', 'utf8')) as Results;
  const rows = tableRows(results);
  process.stdout.write(`${renderTable(rows)}\n`);
  const complete = !results.quick && results.browser && results.backend && results.scoring && results.reports;
  if (complete) writeFileSync('bench/RESULTS.md', renderMarkdown(results, rows));
  process.stdout.write(complete ? 'bench/RESULTS.md rewritten.\n' : 'latest.json is not a full run: RESULTS.md left as it was.\n');
}

async function main() {
  if (values['report-only']) return reportOnly();
  const results: Results = { date: new Date().toISOString(), quick, machine: machine(), errors: {} };
  log(`machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, load ${results.machine.loadBefore.join(' ')}`);

  if (only.includes('browser')) {
    try {
      ensureBuilt(values.build ?? false);
      results.browser = await benchBrowser({ quick, log });
    } catch (err) {
      results.errors.browser = String((err as Error).stack ?? err);
      log(`browser part failed: ${(err as Error).message}`);
    }
  }
  if (only.includes('scoring')) results.scoring = benchScoring({ quick, log });
  // The database parts share the choice of databases and the PostgreSQL server to seed.
  const databases = values.databases?.split(',').map((s) => s.trim()) as Array<'pglite' | 'postgres'> | undefined;
  const dbOptions = {
    quick,
    log,
    ...(databases ? { databases } : {}),
    ...(process.env.BENCH_POSTGRES_URL ? { postgresUrl: process.env.BENCH_POSTGRES_URL } : {}),
  };
  if (only.includes('backend')) {
    try {
      results.backend = await benchBackend({ ...dbOptions, ...(levels ? { levels } : {}) });
    } catch (err) {
      results.errors.backend = String((err as Error).stack ?? err);
      log(`backend part failed: ${(err as Error).message}`);
    }
  }
  if (only.includes('reports')) {
    try {
      results.reports = await benchReports(dbOptions);
    } catch (err) {
      results.errors.reports = String((err as Error).stack ?? err);
      log(`reports part failed: ${(err as Error).message}`);
    }
  }
  results.machine.loadAfter = loadavg().map((l) => Math.round(l * 100) / 100);
  results.durationSeconds = Math.round((Date.now() - started) / 1000);

  const rows = tableRows(results);
  const table = renderTable(rows);
  process.stdout.write(`\n${table}\n`);
  for (const [part, err] of Object.entries(results.errors)) process.stdout.write(`\n${part} FAILED: ${err.split('\n')[0]}\n`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify({ ...results, table: rows }, null, 2)}\n`);
  process.stdout.write(`\nFigures written to bench/results/latest.json${full ? ' and bench/RESULTS.md' : ''}.\n`);
  if (full) writeFileSync('bench/RESULTS.md', renderMarkdown(results, rows));
  if (Object.keys(results.errors).length) process.exitCode = 1;
}

/** Builds the extension when asked or when there is no build; retries once (a concurrent build may hold .output). */
function ensureBuilt(force: boolean): void {
  const manifest = '.output/chrome-mv3/manifest.json';
  if (!force && existsSync(manifest)) return;
  for (let attempt = 1; attempt <= 2; attempt++) {
    log(`building the extension (npx wxt build)${attempt > 1 ? ', second attempt' : ''}`);
    const built = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (built.status === 0 && existsSync(manifest)) return;
    log(
      `wxt build failed: ${
        (built.stderr ?? '')
          .split('\n')
          .filter((l) => l.includes('ERROR'))
          .join(' ') || `exit ${built.status}`
      }`,
    );
    spawnSync('sleep', ['15']);
  }
  throw new Error('wxt build failed twice');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
