import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { parseCsv } from '../utils/disputes/csv';
import { detectFormat, readImportRows } from '../utils/disputes/dispute-import';
import { openDatabase, type DatabaseHandle } from '../server/db/open';
import { orders } from '../server/db/schema';
import { createAgent } from '../server/repositories/agents';
import { createTeam } from '../server/repositories/teams';
import type { Caller } from '../server/repositories/tokens';
import { importDisputes } from '../server/services/dispute-import';
import { teamPolicies } from '../server/services/insights';
import { LiveHub } from '../server/services/live';
import { applyProcessorEvent } from '../server/services/processor-disputes';
import { loadTeamSettings } from '../server/services/settings';

/**
 * The dispute CSV import (POST /v1/disputes/import, dryRun=false) on PGlite and PostgreSQL: a file of
 * new Stripe disputes (half name one of the team's orders, a quarter only the buyer's e-mail, a quarter
 * nothing the team has seen), imported into a fresh team, then the same file again. Per run: rows/s and
 * the event loop's delay while it ran (perf_hooks monitorEventLoopDelay: p99 and max), which is what
 * every other request on the server waits.
 *
 *   npx tsx bench/dispute-import.ts [--rows 5000,50000] [--db pglite,postgres] [--mode batched|rows] [--live]
 *
 * --mode rows applies the rows one at a time through applyProcessorEvent, as the import did before it
 * was batched (the "before" figures). --live keeps a live-stream subscriber of the team open (LiveHub),
 * so every announced history line is loaded as it would be for an agent with the extension open.
 * PostgreSQL runs need DATABASE_URL (a throwaway database is created next to it and dropped).
 */

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1]!;
};
const sizes = opt('rows', '5000,50000').split(',').map(Number);
const databases = opt('db', 'pglite,postgres').split(',') as Array<'pglite' | 'postgres'>;
const mode = opt('mode', 'batched') as 'batched' | 'rows';
const live = args.includes('--live');

const HEADER = 'id,Created (UTC),Amount,Currency,Status,Reason,Charge ID,Order ID (metadata),Customer Email';

function stripeFile(rows: number, tag: string): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const kind = i % 4;
    const orderRef = kind < 2 ? `SHOP-${tag}-${i}` : '';
    const email = kind === 2 ? `buyer${i}@example.com` : kind === 3 ? `stranger${i}@example.com` : '';
    lines.push(`dp_${tag}_${i},2026-11-02 10:00,${(i % 500) + 1}.99,EUR,needs_response,fraudulent,ch_${tag}_${i},${orderRef},${email}`);
  }
  return lines.join('\n');
}

/** The orders the file's rows name: by reference (rows 0 and 1 of every 4) or by the buyer's e-mail (row 2). */
async function seedOrders(handle: DatabaseHandle, teamId: string, rows: number, tag: string): Promise<void> {
  const list = [];
  for (let i = 0; i < rows; i++) {
    const kind = i % 4;
    if (kind === 3) continue;
    const email = kind === 2 ? `buyer${i}@example.com` : `known${i}@example.com`;
    list.push({
      teamId,
      portal: 'shop',
      orderId: `SHOP-${tag}-${i}`,
      buyerKey: `email:${email}`,
      totalMinor: ((i % 500) + 1) * 100 + 99,
      currency: 'EUR',
      snapshot: { buyer: { email } },
    });
  }
  for (let i = 0; i < list.length; i += 2000) await handle.db.insert(orders).values(list.slice(i, i + 2000));
}

/** The import as it ran before batching: the same reading, then applyProcessorEvent row by row. */
async function importRowByRow(handle: DatabaseHandle, teamId: string, csv: string, now: Date): Promise<{ created: number; skipped: number }> {
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  const parsed = await parseCsv(csv, { maxRows: 50_000, pause });
  const header = detectFormat(parsed.header.cells);
  if (!header.ok) throw new Error(header.message);
  const { rows } = await readImportRows(header.map, parsed.records, now, pause);
  const policies = teamPolicies(await loadTeamSettings(handle.db, teamId));
  let created = 0;
  let skipped = 0;
  for (const { event } of rows) {
    const result = await applyProcessorEvent(handle.db, teamId, event, 'csv_import', now, policies);
    if (result.outcome === 'created') created++;
    else if (result.outcome === 'replayed' || result.outcome === 'stale') skipped++;
  }
  return { created, skipped };
}

interface Run {
  database: string;
  rows: number;
  pass: 'first' | 'again';
  seconds: number;
  rowsPerSecond: number;
  created: number;
  skipped: number;
  loopP99Ms: number;
  loopMaxMs: number;
  liveDelivered?: number;
}

async function timed(run: () => Promise<{ created: number; skipped: number }>) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const start = performance.now();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  delay.disable();
  return { ...result, seconds, loopP99Ms: delay.percentile(99) / 1e6, loopMaxMs: delay.max / 1e6 };
}

async function openTarget(kind: 'pglite' | 'postgres'): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { handle: await openDatabase({}), drop: async () => {} };
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('PostgreSQL runs need DATABASE_URL');
  const name = `caseside_bench_import_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return { handle, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function main(): Promise<void> {
  const results: Run[] = [];
  for (const database of databases) {
    const { handle, drop } = await openTarget(database);
    const hub = live ? new LiveHub(handle.db, handle.listen) : undefined;
    await hub?.start();
    try {
      for (const rows of sizes) {
        const tag = randomBytes(3).toString('hex');
        const team = await createTeam(handle.db, `Import bench ${tag}`);
        const lead = await createAgent(handle.db, team.id, { name: 'Lead', role: 'lead' });
        const caller: Caller = { tokenId: 'bench', agent: lead, team: { id: team.id, name: team.name } };
        await seedOrders(handle, team.id, rows, tag);
        let delivered = 0;
        const unsubscribe = hub?.subscribe(team.id, () => delivered++);
        const csv = stripeFile(rows, tag);
        for (const pass of ['first', 'again'] as const) {
          delivered = 0;
          const now = new Date();
          const figures = await timed(async () => {
            if (mode === 'rows') return importRowByRow(handle, team.id, csv, now);
            const answer = await importDisputes(handle.db, caller, csv, { dryRun: false }, now);
            return { created: answer.created, skipped: answer.skipped };
          });
          // Deliveries still queued on the hub (PostgreSQL's NOTIFY arrives after the commit).
          if (hub) await new Promise((r) => setTimeout(r, 1000));
          const run: Run = {
            database,
            rows,
            pass,
            seconds: Number(figures.seconds.toFixed(2)),
            rowsPerSecond: Math.round(rows / figures.seconds),
            created: figures.created,
            skipped: figures.skipped,
            loopP99Ms: Number(figures.loopP99Ms.toFixed(1)),
            loopMaxMs: Number(figures.loopMaxMs.toFixed(1)),
            ...(hub ? { liveDelivered: delivered } : {}),
          };
          results.push(run);
          console.log(JSON.stringify(run));
        }
        unsubscribe?.();
      }
    } finally {
      await hub?.stop();
      await handle.close();
      await drop();
    }
  }
  console.log(`\nmode ${mode}${live ? ' (live subscriber)' : ''}`);
  console.log('| database | rows | pass | seconds | rows/s | created | skipped | loop p99 ms | loop max ms |' + (live ? ' live delivered |' : ''));
  console.log('|---|---|---|---|---|---|---|---|---|' + (live ? '---|' : ''));
  for (const r of results)
    console.log(
      `| ${r.database} | ${r.rows} | ${r.pass} | ${r.seconds} | ${r.rowsPerSecond} | ${r.created} | ${r.skipped} | ${r.loopP99Ms} | ${r.loopMaxMs} |` +
        (live ? ` ${r.liveDelivered} |` : ''),
    );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
