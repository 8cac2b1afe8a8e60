import { sql, type SQL } from 'drizzle-orm';
import type { DecisionKind } from '../../utils/schemas/fraud';
import type { HeldOutcome, IndicatorRow } from '../../utils/schemas/reports';
import type { Database } from '../db/open';
import { marketplaceClause, num, numOrNull, queryRows, type ReportFilter } from './reports-scope';

/**
 * Fraud aggregates in SQL: decisions over time (decisions_team_created_idx), the indicators stored in
 * fraud_signals (fraud_signals_team_scored_idx), and what became of held orders. The marketplace of a
 * decision is its order's; orders the team never saw a page of have none and drop out of a marketplace filter.
 */

function orderMarketplace(orderIdColumn: SQL, f: ReportFilter): SQL {
  if (f.marketplace === null) return sql``;
  return sql` and exists (select 1 from orders o where o.team_id = ${f.teamId} and o.order_id = ${orderIdColumn}${marketplaceClause(sql`o.marketplace`, f.marketplace)})`;
}

function range(column: SQL, f: ReportFilter): SQL {
  return sql`${column} >= ${f.from.toISOString()} and ${column} < ${f.to.toISOString()}`;
}

/** Decisions per UTC day and kind; days without any are left out (the service fills them). */
export async function decisionsPerDay(db: Database, f: ReportFilter): Promise<{ day: string; kind: DecisionKind; count: number }[]> {
  const rows = await queryRows<{ day: string; kind: DecisionKind; count: unknown }>(
    db,
    sql`select to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, d.kind, count(*)::int as count
        from decisions d
        where d.team_id = ${f.teamId} and ${range(sql`d.created_at`, f)}
          ${f.agentId === null ? sql`` : sql` and d.agent_id = ${f.agentId}`}
          ${orderMarketplace(sql`d.order_id`, f)}
        group by 1, 2 order by 1, 2`,
  );
  return rows.map((r) => ({ day: r.day, kind: r.kind, count: num(r.count) }));
}

/** How many orders each indicator fired on (scored in the range); an agent sees the orders they decided. */
export async function topIndicators(db: Database, f: ReportFilter, limit = 20): Promise<IndicatorRow[]> {
  const rows = await queryRows<{ indicator: string; orders: unknown; average_points: unknown }>(
    db,
    sql`select s.indicator, count(*)::int as orders, avg(s.points)::float8 as average_points
        from fraud_signals s
        where s.team_id = ${f.teamId} and ${range(sql`s.scored_at`, f)}
          ${orderMarketplace(sql`s.order_id`, f)}
          ${f.agentId === null ? sql`` : sql` and exists (select 1 from decisions d where d.team_id = ${f.teamId} and d.order_id = s.order_id and d.agent_id = ${f.agentId})`}
        group by s.indicator order by orders desc, s.indicator limit ${limit}`,
  );
  return rows.map((r) => ({ indicator: r.indicator, orders: num(r.orders), averagePoints: Math.round(num(r.average_points) * 10) / 10 }));
}

/**
 * Orders first seen in the range: the denominator of the hold rate. For one agent, the orders they
 * worked on (wrote any event about), so an agent's hold rate is about their own orders.
 */
export async function ordersSeen(db: Database, f: ReportFilter): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(
    db,
    sql`select count(*)::int as n from orders o
        where o.team_id = ${f.teamId} and ${range(sql`o.first_seen_at`, f)}${marketplaceClause(sql`o.marketplace`, f.marketplace)}
          ${f.agentId === null ? sql`` : sql` and exists (select 1 from events e where e.team_id = ${f.teamId} and e.order_id = o.order_id and e.agent_id = ${f.agentId})`}`,
  );
  return num(row?.n ?? 0);
}

/**
 * Orders whose first hold was decided in the range, by how they ended: the latest decision after the
 * hold (release, fraud, or the hold itself), with the time from hold to that ending.
 */
export async function heldOutcomes(db: Database, f: ReportFilter): Promise<HeldOutcome[]> {
  const rows = await queryRows<{ outcome: HeldOutcome['outcome']; orders: unknown; median_hours: unknown }>(
    db,
    sql`with first_holds as (
          select distinct on (d.order_id) d.order_id, d.created_at as held_at, d.agent_id
          from decisions d
          where d.team_id = ${f.teamId} and d.kind = 'hold'
          order by d.order_id, d.created_at
        ),
        held as (
          select h.* from first_holds h
          where ${range(sql`h.held_at`, f)}
            ${f.agentId === null ? sql`` : sql` and h.agent_id = ${f.agentId}`}
            ${orderMarketplace(sql`h.order_id`, f)}
        ),
        ended as (
          select h.order_id, h.held_at, last.kind, last.created_at as ended_at
          from held h
          cross join lateral (
            select d.kind, d.created_at from decisions d
            where d.team_id = ${f.teamId} and d.order_id = h.order_id and d.created_at >= h.held_at
            order by d.created_at desc limit 1
          ) last
        )
        select case kind when 'release' then 'released' when 'fraud' then 'fraud' else 'still_held' end as outcome,
               count(*)::int as orders,
               percentile_cont(0.5) within group (order by extract(epoch from (ended_at - held_at)) / 3600.0)
                 filter (where kind <> 'hold') as median_hours
        from ended group by 1`,
  );
  const byOutcome = new Map(rows.map((r) => [r.outcome, r]));
  return (['released', 'fraud', 'still_held'] as const).map((outcome) => {
    const r = byOutcome.get(outcome);
    return { outcome, orders: r ? num(r.orders) : 0, medianHoursToOutcome: r ? numOrNull(r.median_hours) : null };
  });
}
