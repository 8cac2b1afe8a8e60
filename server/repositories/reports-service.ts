import { sql, type SQL } from 'drizzle-orm';
import type { KindRow, ServiceRow, TemplateRow } from '../../utils/schemas/reports';
import type { Database } from '../db/open';
import { marketplaceClause, num, numOrNull, queryRows, type ReportFilter } from './reports-scope';

/**
 * Service aggregates, all computed in SQL. Every query starts from the cases opened in the range
 * (cases_team_opened_idx); each case row carries its first agent answer and first resolution, kept by
 * the events_case_metrics trigger, so a year of a busy team is one range scan.
 */

// Answers are notes, decisions and template insertions by an agent (the events_case_metrics trigger).
/** A status event closes the clock when it moves the case to resolved or closed. */
const RESOLVING = sql`e.type = 'status' and e.data->>'status' in ('resolved', 'closed')`;

/**
 * One row per case in scope: when it opened, who answered first and when, when it was resolved.
 * The agent filter keeps the cases the agent answered first (an agent's "own" cases).
 */
export function scopedCases(f: ReportFilter): SQL {
  // first_response_at, first_responder_id and resolved_at are kept on the case row by the
  // events_case_metrics trigger (migration 0007) with the rules above: one range scan, no probes.
  return sql`
    select * from (
      select c.id, c.kind, c.portal, c.marketplace, c.status, c.opened_at,
             c.first_response_at, c.first_responder_id as responder_id, c.resolved_at
      from cases c
      where c.team_id = ${f.teamId} and c.opened_at >= ${f.from.toISOString()} and c.opened_at < ${f.to.toISOString()}
        ${marketplaceClause(sql`c.marketplace`, f.marketplace)}
    ) scoped
    ${f.agentId === null ? sql`` : sql`where scoped.responder_id = ${f.agentId}`}`;
}

// Durations in minutes / hours, NULL when not answered / resolved (percentile_cont skips NULLs; note that
// greatest() would not keep them). A note back-dated before the opening counts as an instant answer.
const FRT_MIN = sql`case when first_response_at is not null then greatest(0, extract(epoch from (first_response_at - opened_at)) / 60.0) end`;
const RES_H = sql`case when resolved_at is not null then greatest(0, extract(epoch from (resolved_at - opened_at)) / 3600.0) end`;

const SPREAD_COLUMNS = sql`
  count(*)::int as cases,
  count(first_response_at)::int as responded,
  percentile_cont(0.5) within group (order by ${FRT_MIN}) as frt_median,
  percentile_cont(0.9) within group (order by ${FRT_MIN}) as frt_p90,
  count(resolved_at)::int as resolved,
  percentile_cont(0.5) within group (order by ${RES_H}) as res_median,
  percentile_cont(0.9) within group (order by ${RES_H}) as res_p90`;

interface SpreadRow {
  key?: string | null;
  label?: string | null;
  policy?: string | null;
  marketplace_key?: unknown;
  agent_key?: unknown;
  cases: unknown;
  responded: unknown;
  frt_median: unknown;
  frt_p90: unknown;
  resolved: unknown;
  res_median: unknown;
  res_p90: unknown;
}

function toServiceRow(r: SpreadRow): ServiceRow {
  return {
    key: r.key ?? '',
    label: r.label ?? '',
    cases: num(r.cases),
    responded: num(r.responded),
    firstResponseMinutes: { median: numOrNull(r.frt_median), p90: numOrNull(r.frt_p90) },
    resolved: num(r.resolved),
    resolutionHours: { median: numOrNull(r.res_median), p90: numOrNull(r.res_p90) },
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
 * Everything about the cases in scope in ONE pass (the per-case probes are the expensive part on a
 * year of data): GROUPING SETS give the rows per marketplace, per first responder, per kind and per
 * SLA policy from the same scoped cases.
 *
 * SLA: a case with a stored clock (case_clocks, written by the panel) is judged by its stored deadline
 * and policy; "no response needed" cases leave the metric. Cases without one fall back to the calendar
 * rules, their deadlines computed here in SQL.
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
  const rows = await queryRows<SpreadRow & { dim: string; kind: string; still_open: unknown; met: unknown; breached: unknown; pending: unknown }>(
    db,
    sql`with rules(policy, portal, kind, amount, unit, tz) as (${values}),
        scoped as materialized (${scopedCases(f)}),
        timed as (
          select s.*,
                 case when cc.case_id is not null and not cc.no_response_needed then cc.case_kind
                      when cc.case_id is null then r.policy end as policy,
                 coalesce(cc.deadline,
                   case when r.unit = 'hours' then s.opened_at + r.amount * interval '1 hour'
                        else ((s.opened_at at time zone r.tz) + r.amount * interval '1 day') at time zone r.tz end) as deadline
          from scoped s
          left join case_clocks cc on cc.case_id = s.id and cc.team_id = ${f.teamId}
          left join rules r on cc.case_id is null and r.portal = s.portal and r.kind = s.kind
        )
        select case when grouping(marketplace) = 0 then 'marketplace' when grouping(responder_id) = 0 then 'agent'
                    when grouping(kind) = 0 then 'kind' else 'sla' end as dim,
               coalesce(marketplace, '') as marketplace_key, coalesce(responder_id::text, '') as agent_key, kind, policy,
               ${SPREAD_COLUMNS},
               count(*) filter (where status in ('open', 'waiting'))::int as still_open,
               count(*) filter (where first_response_at <= deadline)::int as met,
               count(*) filter (where first_response_at > deadline or (first_response_at is null and deadline < ${nowIso}))::int as breached,
               count(*) filter (where first_response_at is null and deadline >= ${nowIso})::int as pending
        from timed
        group by grouping sets ((marketplace), (responder_id), (kind), (policy))`,
  );
  const agentIds = rows.filter((r) => r.dim === 'agent' && r.agent_key !== '').map((r) => r.agent_key as string);
  const names = new Map((await agentNames(db, f.teamId, agentIds)).map((a) => [a.id, a.name]));
  const byCount = (a: ServiceRow, b: ServiceRow) => b.cases - a.cases || a.key.localeCompare(b.key);
  const of = (dim: string) => rows.filter((r) => r.dim === dim);
  return {
    byMarketplace: of('marketplace').map((r) => toServiceRow({ ...r, key: r.marketplace_key as string, label: r.marketplace_key as string })).sort(byCount),
    byAgent: of('agent').map((r) => toServiceRow({ ...r, key: r.agent_key as string, label: names.get(r.agent_key as string) ?? '' })).sort(byCount),
    casesByKind: of('kind')
      .map((r) => ({ kind: r.kind as KindRow['kind'], opened: num(r.cases), resolved: num(r.resolved), stillOpen: num(r.still_open) }))
      .sort((a, b) => b.opened - a.opened || a.kind.localeCompare(b.kind)),
    sla: of('sla')
      .filter((r) => r.policy !== null)
      .map((r) => ({ policy: r.policy as string, cases: num(r.cases), met: num(r.met), breached: num(r.breached), pending: num(r.pending) })),
  };
}

async function agentNames(db: Database, teamId: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return queryRows(db, sql`select id::text as id, name from agents where team_id = ${teamId} and id::text in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
}

/** Opening and first response of cases of one (portal, kind) without a stored clock, for business-hour clocks. */
export async function caseTimesFor(db: Database, f: ReportFilter, portal: string, kind: string): Promise<{ openedAt: Date; firstResponseAt: Date | null }[]> {
  const rows = await queryRows<{ opened_at: string | Date; first_response_at: string | Date | null }>(
    db,
    sql`select opened_at, first_response_at from (${scopedCases(f)}) s
        where s.portal = ${portal} and s.kind = ${kind}
          and not exists (select 1 from case_clocks cc where cc.case_id = s.id and cc.team_id = ${f.teamId})`,
  );
  return rows.map((r) => ({ openedAt: new Date(r.opened_at), firstResponseAt: r.first_response_at === null ? null : new Date(r.first_response_at) }));
}

/**
 * Template use in the range and what followed on the same case: resolution, a fraud decision, or an
 * agent having to write again. The agent filter keeps that agent's insertions.
 */
export async function templateUse(db: Database, f: ReportFilter): Promise<TemplateRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with uses as (
          select e.case_id, e.created_at, e.seq, coalesce(e.data->>'templateId', '') as template_id, e.data->>'title' as title
          from events e join cases c on c.id = e.case_id and c.team_id = e.team_id
          where e.team_id = ${f.teamId} and e.type = 'template_inserted'
            and e.created_at >= ${f.from.toISOString()} and e.created_at < ${f.to.toISOString()}
            ${marketplaceClause(sql`c.marketplace`, f.marketplace)}
            ${f.agentId === null ? sql`` : sql` and e.agent_id = ${f.agentId}`}
        ),
        followed as (
          select u.*,
            (select min(e.created_at) from events e where e.team_id = ${f.teamId} and e.case_id = u.case_id and ${RESOLVING} and e.created_at >= u.created_at) as resolved_at,
            exists (select 1 from events e where e.team_id = ${f.teamId} and e.case_id = u.case_id and e.type = 'decision' and (e.created_at, e.seq) > (u.created_at, u.seq)) as decision_after,
            exists (select 1 from events e where e.team_id = ${f.teamId} and e.case_id = u.case_id and e.type in ('note', 'template_inserted') and (e.created_at, e.seq) > (u.created_at, u.seq)) as follow_up_after
          from uses u
        )
        select fo.template_id, coalesce(min(t.title), min(fo.title), '') as title,
               count(*)::int as uses, count(distinct fo.case_id)::int as cases,
               count(distinct fo.case_id) filter (where fo.resolved_at is not null)::int as resolved_after,
               count(distinct fo.case_id) filter (where fo.decision_after)::int as decision_after,
               count(distinct fo.case_id) filter (where fo.follow_up_after)::int as follow_up_after,
               percentile_cont(0.5) within group (order by extract(epoch from (fo.resolved_at - fo.created_at)) / 3600.0) as median_hours
        from followed fo left join templates t on t.team_id = ${f.teamId} and t.id::text = fo.template_id
        group by fo.template_id order by uses desc, title`,
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
