import { sql } from 'drizzle-orm';
import { startBackend } from '../scripts/lib/backend-process';
import { openDatabase } from '../server/db/open';
import { insertToken, tokenHashExists } from '../server/repositories/tokens';
import { benchYearEnd } from '../server/seed/bench-data';
import { routePath } from '../utils/api-routes';
import { median } from './lib/load';
import { seededDatabase } from './lib/seeded';

/**
 * Part 8: the lead's reports on the bench team's year of data: each report's JSON over HTTP
 * from the real server process, for the weekly review (the last 7 days) and for the whole year, as the
 * lead sees them (the team) and as one agent sees theirs. Wall-clock per request, median of `runs`
 * after one warm-up request, sequential (one lead at a time).
 */
export type ReportSection = 'service' | 'fraud' | 'disputes';

export interface ReportTiming {
  section: ReportSection;
  range: 'week' | 'year';
  view: 'team' | 'agent';
  medianMs: number;
  maxMs: number;
  runs: number;
  bytes: number;
}

export interface ReportsDbFigures {
  database: 'pglite' | 'postgres';
  cases: number;
  timings: ReportTiming[];
}

export interface ReportsOptions {
  quick: boolean;
  log: (msg: string) => void;
  postgresUrl?: string;
  databases?: Array<'pglite' | 'postgres'>;
}

/** Tokens for the bench team's lead and busiest agent, made here: the bench seed gives the lead none. */
const LEAD_TOKEN = 'cs_bench_lead_reports_not_a_secret';
const AGENT_TOKEN = 'cs_bench_agent_reports_not_a_secret';

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function benchReports(opts: ReportsOptions): Promise<ReportsDbFigures[]> {
  const runs = opts.quick ? 3 : 7;
  const lastDay = benchYearEnd().getTime() - DAY_MS;
  const ranges = { week: { from: dayOf(lastDay - 6 * DAY_MS), to: dayOf(lastDay) }, year: { from: dayOf(lastDay - 365 * DAY_MS), to: dayOf(lastDay) } };
  const results: ReportsDbFigures[] = [];

  for (const database of opts.databases ?? ['pglite', 'postgres']) {
    const seeded = await seededDatabase(database, {
      quick: opts.quick,
      log: (m) => opts.log(`reports: ${m}`),
      ...(opts.postgresUrl ? { postgresUrl: opts.postgresUrl } : {}),
    });
    if (!seeded) continue;
    try {
      const handle = await openDatabase(database === 'pglite' ? { dataDir: seeded.dataDir } : { databaseUrl: seeded.env.DATABASE_URL! });
      try {
        const { rows } = (await handle.db.execute(sql`
          select (select id::text from agents where team_id = ${seeded.seed.teamId} and role = 'lead' limit 1) as lead,
                 (select first_responder_id::text from cases where team_id = ${seeded.seed.teamId} and first_responder_id is not null
                   group by first_responder_id order by count(*) desc, first_responder_id limit 1) as agent`)) as unknown as {
          rows: Array<{ lead: string; agent: string }>;
        };
        const { lead, agent } = rows[0]!;
        for (const [token, agentId] of [
          [LEAD_TOKEN, lead],
          [AGENT_TOKEN, agent],
        ] as const) {
          if (!(await tokenHashExists(handle.db, token))) await insertToken(handle.db, { teamId: seeded.seed.teamId, agentId, label: 'bench reports', token });
        }
      } finally {
        await handle.close();
      }

      const backend = await startBackend({
        dataDir: seeded.dataDir,
        demo: false,
        env: { ...seeded.env, RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' },
      });
      const timings: ReportTiming[] = [];
      try {
        for (const section of ['service', 'fraud', 'disputes'] as const) {
          for (const range of ['week', 'year'] as const) {
            for (const view of ['team', 'agent'] as const) {
              if (view === 'agent' && range === 'week') continue;
              const token = view === 'team' ? LEAD_TOKEN : AGENT_TOKEN;
              const url = `${backend.url}${routePath(`reports.${section}`, {}, { from: ranges[range].from, to: ranges[range].to })}`;
              const samples: number[] = [];
              let bytes = 0;
              for (let n = 0; n <= runs; n++) {
                const started = performance.now();
                const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
                const body = await res.text();
                const elapsed = performance.now() - started;
                if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
                bytes = body.length;
                if (n > 0) samples.push(elapsed); // the first request warms the caches and the JIT
              }
              const timing = { section, range, view, medianMs: median(samples), maxMs: Math.max(...samples), runs, bytes };
              opts.log(`reports ${database} ${section} ${range} (${view}): median ${timing.medianMs.toFixed(0)} ms, max ${timing.maxMs.toFixed(0)} ms`);
              timings.push(timing);
            }
          }
        }
      } finally {
        await backend.stop();
      }
      results.push({ database, cases: seeded.seed.cases, timings });
    } finally {
      await seeded.drop();
    }
  }
  return results;
}
