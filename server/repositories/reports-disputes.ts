import { sql, type SQL } from 'drizzle-orm';
import type { DeadlineBucket } from '../../utils/schemas/reports';
import type { Database } from '../db/open';
import { marketplaceClause, num, queryRows, type ReportFilter } from './reports-scope';

/**
 * Dispute aggregates over the disputes tables. Open disputes use disputes_team_status_deadline_idx;
 * decided ones are found by decided_at (disputes_team_decided_idx, migration reports_indexes).
 * An agent's disputes are those whose case they wrote on.
 */

function agentClause(f: ReportFilter): SQL {
  return f.agentId === null
    ? sql``
    : sql` and exists (select 1 from events e where e.team_id = ${f.teamId} and e.case_id = d.case_id and e.agent_id = ${f.agentId})`;
}

export async function openDisputesByDeadline(db: Database, f: ReportFilter, now: Date): Promise<{ bucket: DeadlineBucket; currency: string; disputes: number; amountMinor: number }[]> {
  const nowIso = now.toISOString();
  const rows = await queryRows<{ bucket: DeadlineBucket; currency: string; disputes: unknown; amount: unknown }>(
    db,
    sql`select case when d.deadline < ${nowIso}::timestamptz then 'overdue'
                    when d.deadline < ${nowIso}::timestamptz + interval '2 days' then 'within_2_days'
                    when d.deadline < ${nowIso}::timestamptz + interval '7 days' then 'within_7_days'
                    else 'later' end as bucket,
               d.currency, count(*)::int as disputes, sum(d.amount_minor)::float8 as amount
        from disputes d
        where d.team_id = ${f.teamId} and d.status in ('open', 'responded')${marketplaceClause(sql`d.marketplace`, f.marketplace)}${agentClause(f)}
        group by 1, 2`,
  );
  const order: DeadlineBucket[] = ['overdue', 'within_2_days', 'within_7_days', 'later'];
  return rows
    .map((r) => ({ bucket: r.bucket, currency: r.currency, disputes: num(r.disputes), amountMinor: num(r.amount) }))
    .sort((a, b) => order.indexOf(a.bucket) - order.indexOf(b.bucket) || a.currency.localeCompare(b.currency));
}

function decidedInRange(f: ReportFilter): SQL {
  return sql`d.team_id = ${f.teamId} and d.outcome is not null and d.decided_at >= ${f.from.toISOString()} and d.decided_at < ${f.to.toISOString()}${marketplaceClause(sql`d.marketplace`, f.marketplace)}${agentClause(f)}`;
}

export async function winRateByReason(db: Database, f: ReportFilter): Promise<{ reason: string; won: number; lost: number }[]> {
  const rows = await queryRows<{ reason: string; won: unknown; lost: unknown }>(
    db,
    sql`select d.reason, count(*) filter (where d.outcome = 'won')::int as won, count(*) filter (where d.outcome = 'lost')::int as lost
        from disputes d where ${decidedInRange(f)} group by d.reason order by count(*) desc, d.reason`,
  );
  return rows.map((r) => ({ reason: r.reason, won: num(r.won), lost: num(r.lost) }));
}

export async function moneyRecovered(db: Database, f: ReportFilter): Promise<{ currency: string; decided: number; won: number; disputedMinor: number; recoveredMinor: number }[]> {
  const rows = await queryRows<{ currency: string; decided: unknown; won: unknown; disputed: unknown; recovered: unknown }>(
    db,
    sql`select d.currency, count(*)::int as decided, count(*) filter (where d.outcome = 'won')::int as won,
               sum(d.amount_minor)::float8 as disputed, coalesce(sum(d.recovered_minor), 0)::float8 as recovered
        from disputes d where ${decidedInRange(f)} group by d.currency order by d.currency`,
  );
  return rows.map((r) => ({ currency: r.currency, decided: num(r.decided), won: num(r.won), disputedMinor: num(r.disputed), recoveredMinor: num(r.recovered) }));
}
