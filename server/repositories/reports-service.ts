import { sql, type SQL } from 'drizzle-orm';
import type { KindRow, ServiceRow, TemplateRow } from '../../utils/schemas/reports';
import type { Database } from '../db/open';
import { marketplaceClause, num, numOrNull, queryRows, type ReportFilter } from './reports-scope';

/**
 * Service aggregates, all computed in SQL. Every query starts from the cases opened in the range
 * (cases_team_opened_idx); each case row carries its first agent answer and first resolution, kept by
 * the events_case_metrics trigger, so a year of a busy team is one range scan.
 */

/**
 * One row per case in scope: when it opened, who answered first and when, when it was resolved, and the
 * two durations the percentiles sort. The agent filter keeps the cases the agent answered first (an
 * agent's "own" cases).
 *
 * first_response_at, first_responder_id and resolved_at are kept on the case row by the
 * events_case_metrics trigger (migration 0007), so this is one range scan with no probes. The durations
 * are float8 (date_part), not numeric (extract): percentile_cont sorts them, and sorting numerics made a
 * year's report three times slower. NULL when not answered / resolved (percentile_cont skips NULLs;
 * greatest() alone would not keep them). A note back-dated before the opening counts as an instant answer.
 */
export function scopedCases(f: ReportFilter): SQL {
  return sql`
    select c.id, c.kind, c.portal, c.marketplace, c.status, c.opened_at,
           c.first_response_at, c.first_responder_id as responder_id, c.resolved_at,
           case when c.first_response_at is not null then greatest(0, date_part('epoch', c.first_response_at - c.opened_at) / 60) end as frt_min,
           case when c.resolved_at is not null then greatest(0, date_part('epoch', c.resolved_at - c.opened_at) / 3600) end as res_h
    from cases c
    where c.team_id = ${f.teamId} and c.opened_at >= ${f.from.toISOString()} and c.opened_at < ${f.to.toISOString()}
      ${marketplaceClause(sql`c.marketplace`, f.marketplace)}
      ${f.agentId === null ? sql`` : sql` and c.first_responder_id = ${f.agentId}`}`;
}

interface AggregateRow {
  dim: 'marketplace' | 'agent' | 'kind' | 'sla';
  /** The marketplace code, agent id, case kind or SLA policy of the row ('' for none). */
  key: string;
  cases: unknown;
  responded: unknown;
  /** percentile_cont(array[0.5, 0.9]): [median, p90], or null when nothing was measured. */
  frt: unknown;
  resolved: unknown;
  res: unknown;
  still_open: unknown;
  met: unknown;
  breached: unknown;
  pending: unknown;
}

function spreadOf(value: unknown): { median: number | null; p90: number | null } {
  const [median, p90] = Array.isArray(value) ? value : [null, null];
  return { median: numOrNull(median), p90: numOrNull(p90) };
}

function toServiceRow(r: AggregateRow, label: string): ServiceRow {
  return {
    key: r.key,
    label,
    cases: num(r.cases),
    responded: num(r.responded),
    firstResponseMinutes: spreadOf(r.frt),
    resolved: num(r.resolved),
    resolutionHours: spreadOf(r.res),
  };
}

/** A calendar-clock SLA rule the service derived from the team's policies, evaluated in SQL. */
export interface CalendarSlaRule {
  policy: string;
  portal: string;
  kind: string;
  amount: number;
  unit: 'hours' | 'days';
  /** Calendar days keep the local time of day in the team's zone (as computeSlaDeadline does). */
  timeZone: string;
}

export interface SlaCounts {
  policy: string;
  cases: number;
  met: number;
  breached: number;
  pending: number;
}

export interface ServiceAggregates {
  byMarketplace: ServiceRow[];
  byAgent: ServiceRow[];
  casesByKind: KindRow[];
  /** Per SLA policy, from stored clocks and the calendar rules (business-hour clocks are counted apart). */
  sla: SlaCounts[];
}

/**
 * Everything about the cases in scope in one statement of three aggregations, each reading the range
 * from cases (on a year, three range scans measured faster than keeping the rows in a materialized CTE):
 * - first response and resolution (median, p90) per marketplace and per first responder: the only
 *   groups that need percentiles, one sort per duration and group (percentile_cont of an array);
 * - cases by kind: counts, hashed;
 * - SLA per policy, over the cases that have one: a case with a stored clock (case_clocks, written by the
 *   panel) is judged by its stored deadline and policy, and "no response needed" cases leave the metric;
 *   cases without one fall back to the calendar rules, their deadlines computed here in SQL.
 */
export async function serviceAggregates(db: Database, f: ReportFilter, rules: CalendarSlaRule[], now: Date): Promise<ServiceAggregates> {
  const values =
    rules.length === 0
      ? sql`select null::text, null::text, null::text, null::float8, null::text, null::text where false`
      : sql`values ${sql.join(
          rules.map((r) => sql`(${r.policy}::text, ${r.portal}::text, ${r.kind}::text, ${r.amount}::float8, ${r.unit}::text, ${r.timeZone}::text)`),
          sql`, `,
        )}`;
  const nowIso = now.toISOString();
  const query = sql`with rules(policy, portal, kind, amount, unit, tz) as (${values}),
        scoped as not materialized (${scopedCases(f)}),
        spread as (
          select case when grouping(marketplace) = 0 then 'marketplace' else 'agent' end as dim,
                 case when grouping(marketplace) = 0 then coalesce(marketplace, '') else coalesce(responder_id::text, '') end as key,
                 count(*)::int as cases,
                 count(frt_min)::int as responded,
                 percentile_cont(array[0.5, 0.9]) within group (order by frt_min) as frt,
                 count(res_h)::int as resolved,
                 percentile_cont(array[0.5, 0.9]) within group (order by res_h) as res,
                 null::int as still_open, null::int as met, null::int as breached, null::int as pending
          from scoped group by grouping sets ((marketplace), (responder_id))
        ),
        kinds as (
          select 'kind', kind, count(*)::int, null::int, null::float8[], count(res_h)::int, null::float8[],
                 count(*) filter (where status in ('open', 'waiting'))::int, null::int, null::int, null::int
          from scoped group by kind
        ),
        timed as (
          select s.first_response_at,
                 case when cc.case_id is not null and not cc.no_response_needed then cc.case_kind
                      when cc.case_id is null then r.policy end as policy,
                 coalesce(cc.deadline,
                   case when r.unit = 'hours' then s.opened_at + r.amount * interval '1 hour'
                        else ((s.opened_at at time zone r.tz) + r.amount * interval '1 day') at time zone r.tz end) as deadline
          from scoped s
          left join case_clocks cc on cc.case_id = s.id and cc.team_id = ${f.teamId}
          left join rules r on cc.case_id is null and r.portal = s.portal and r.kind = s.kind
        ),
        sla as (
          select 'sla', policy, count(*)::int, null::int, null::float8[], null::int, null::float8[], null::int,
                 count(*) filter (where first_response_at <= deadline)::int,
                 count(*) filter (where first_response_at > deadline or (first_response_at is null and deadline < ${nowIso}))::int,
                 count(*) filter (where first_response_at is null and deadline >= ${nowIso})::int
          from timed where policy is not null group by policy
        )
        select * from spread union all select * from kinds union all select * from sla`;
  const rows = await queryRows<AggregateRow>(db, query);
  const agentIds = rows.filter((r) => r.dim === 'agent' && r.key !== '').map((r) => r.key);
  const names = new Map((await agentNames(db, f.teamId, agentIds)).map((a) => [a.id, a.name]));
  const byCount = (a: ServiceRow, b: ServiceRow) => b.cases - a.cases || a.key.localeCompare(b.key);
  const of = (dim: AggregateRow['dim']) => rows.filter((r) => r.dim === dim);
  return {
    byMarketplace: of('marketplace')
      .map((r) => toServiceRow(r, r.key))
      .sort(byCount),
    byAgent: of('agent')
      .map((r) => toServiceRow(r, names.get(r.key) ?? ''))
      .sort(byCount),
    casesByKind: of('kind')
      .map((r) => ({ kind: r.key as KindRow['kind'], opened: num(r.cases), resolved: num(r.resolved), stillOpen: num(r.still_open) }))
      .sort((a, b) => b.opened - a.opened || a.kind.localeCompare(b.kind)),
    sla: of('sla').map((r) => ({ policy: r.key, cases: num(r.cases), met: num(r.met), breached: num(r.breached), pending: num(r.pending) })),
  };
}

async function agentNames(db: Database, teamId: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return queryRows(
    db,
    sql`select id::text as id, name from agents where team_id = ${teamId} and id::text in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
}

/** Opening and first response of cases of one (portal, kind) without a stored clock, for business-hour clocks. */
export async function caseTimesFor(
  db: Database,
  f: ReportFilter,
  portal: string,
  kind: string,
): Promise<{ openedAt: Date; firstResponseAt: Date | null; marketplace: string | null }[]> {
  const rows = await queryRows<{ opened_at: string | Date; first_response_at: string | Date | null; marketplace: string | null }>(
    db,
    sql`select opened_at, first_response_at, marketplace from (${scopedCases(f)}) s
        where s.portal = ${portal} and s.kind = ${kind}
          and not exists (select 1 from case_clocks cc where cc.case_id = s.id and cc.team_id = ${f.teamId})`,
  );
  return rows.map((r) => ({
    openedAt: new Date(r.opened_at),
    firstResponseAt: r.first_response_at === null ? null : new Date(r.first_response_at),
    marketplace: r.marketplace,
  }));
}

/**
 * Template use in the range and what followed on the same case: resolution, a fraud decision, or an
 * agent having to write again. One row per insertion in template_uses already carries what followed
 * (the events_template_uses trigger), so this is a range scan of the insertions. The agent filter keeps
 * that agent's insertions; the marketplace filter those on the marketplace's cases.
 */
export async function templateUse(db: Database, f: ReportFilter): Promise<TemplateRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    // Aggregated first, the few templates' titles joined after (a per-insertion join cast every id).
    sql`select a.*, coalesce(t.title, a.event_title, '') as title
        from (
          select u.template_id, min(u.title) as event_title,
                 count(*)::int as uses, count(distinct u.case_id)::int as cases,
                 count(distinct u.case_id) filter (where u.resolved_at is not null)::int as resolved_after,
                 count(distinct u.case_id) filter (where u.decision_after)::int as decision_after,
                 count(distinct u.case_id) filter (where u.follow_up_after)::int as follow_up_after,
                 percentile_cont(0.5) within group (order by date_part('epoch', u.resolved_at - u.created_at) / 3600) as median_hours
          from template_uses u
          ${f.marketplace === null ? sql`` : sql`join cases c on c.id = u.case_id and c.team_id = u.team_id and c.marketplace = ${f.marketplace}`}
          where u.team_id = ${f.teamId} and u.created_at >= ${f.from.toISOString()} and u.created_at < ${f.to.toISOString()}
            ${f.agentId === null ? sql`` : sql` and u.agent_id = ${f.agentId}`}
          group by u.template_id
        ) a
        left join templates t on t.team_id = ${f.teamId} and t.id::text = a.template_id
        order by a.uses desc, title`,
  );
  return rows.map((r) => ({
    templateId: String(r.template_id),
    title: String(r.title),
    uses: num(r.uses),
    cases: num(r.cases),
    resolvedAfter: num(r.resolved_after),
    decisionAfter: num(r.decision_after),
    followUpAfter: num(r.follow_up_after),
    medianHoursToResolution: numOrNull(r.median_hours),
  }));
}
