import type { DecisionKind } from '../../utils/schemas/fraud';
import {
  MAX_REPORT_DAYS,
  type DecisionDay,
  type DisputeReport,
  type FraudReport,
  type ReportFilterOptions,
  type ReportQuery,
  type ReportScope,
  type ServiceReport,
} from '../../utils/schemas/reports';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import {
  alertOutcomes,
  chargebacksByNetwork,
  moneyRecovered,
  openDisputesByDeadline,
  winRateByReason,
  winRateBySource,
} from '../repositories/reports-disputes';
import { decisionsPerDay, heldOutcomes, ordersSeen, topIndicators } from '../repositories/reports-fraud';
import { findReportAgent, listReportAgents, listReportMarketplaces } from '../repositories/reports-filters';
import { inReportSnapshot, type ReportFilter } from '../repositories/reports-scope';
import { serviceAggregates, templateUse } from '../repositories/reports-service';
import type { Caller } from '../repositories/tokens';
import { teamPolicies } from './insights';
import { slaAttainment, slaRulesFor } from './reports-sla';
import { flushPanelBookkeeping } from './panel-bookkeeping';
import { loadTeamSettings } from './settings';

const DAY_MS = 86_400_000;
/** Without dates, a report covers the last seven days (today included): the weekly review. */
const DEFAULT_DAYS = 7;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The filters a caller may use. Leads see the team and may pick an agent of their team; an agent
 * always sees their own numbers, and asking for someone else's is refused rather than silently narrowed.
 */
export async function resolveReportScope(db: Database, caller: Caller, query: ReportQuery, now: Date): Promise<{ scope: ReportScope; filter: ReportFilter }> {
  const isLead = caller.agent.role === 'lead';
  if (!isLead && query.agentId !== undefined && query.agentId !== caller.agent.id) {
    throw new HttpError('forbidden', 'Agents see only their own numbers; leave agentId out or use your own id.', 'query.agentId');
  }
  if (isLead && query.agentId !== undefined && !(await findReportAgent(db, caller.team.id, query.agentId))) {
    throw new HttpError('validation_failed', 'agentId: no agent with this id in your team.', 'query.agentId');
  }
  const to = query.to ?? (query.from !== undefined ? dayOf(Math.min(msOf(query.from) + (DEFAULT_DAYS - 1) * DAY_MS, now.getTime())) : dayOf(now.getTime()));
  const from = query.from ?? dayOf(msOf(to) - (DEFAULT_DAYS - 1) * DAY_MS);
  const days = (msOf(to) - msOf(from)) / DAY_MS + 1;
  if (days < 1) throw new HttpError('validation_failed', 'query.from: from must not be after to.', 'query.from');
  if (days > MAX_REPORT_DAYS) throw new HttpError('validation_failed', `query.from: a report covers at most ${MAX_REPORT_DAYS} days.`, 'query.from');

  const agentId = isLead ? (query.agentId ?? null) : caller.agent.id;
  const marketplace = query.marketplace ?? null;
  return {
    scope: { from, to, marketplace, agentId, view: isLead ? 'team' : 'self' },
    filter: { teamId: caller.team.id, from: new Date(msOf(from)), to: new Date(msOf(to) + DAY_MS), marketplace, agentId },
  };
}

export async function buildServiceReport(db: Database, caller: Caller, query: ReportQuery, now = new Date()): Promise<ServiceReport> {
  const { scope, filter } = await resolveReportScope(db, caller, query, now);
  const policies = teamPolicies(await loadTeamSettings(db, caller.team.id));
  // One after another in one snapshot: PGlite serves one query at a time anyway, and a pool should not
  // be drained by one report.
  return inReportSnapshot(db, async (tx) => {
    const aggregates = await serviceAggregates(tx, filter, slaRulesFor(policies).calendar, now);
    const sla = await slaAttainment(tx, filter, policies, aggregates.sla, now);
    const templates = await templateUse(tx, filter);
    return { scope, byMarketplace: aggregates.byMarketplace, byAgent: aggregates.byAgent, sla, casesByKind: aggregates.casesByKind, templates };
  });
}

export async function buildFraudReport(db: Database, caller: Caller, query: ReportQuery, now = new Date()): Promise<FraudReport> {
  // Indicators noted by this instance's panel loads and not yet written are counted too.
  await flushPanelBookkeeping(db);
  const { scope, filter } = await resolveReportScope(db, caller, query, now);
  const { perDay, indicators, seen, outcomes } = await inReportSnapshot(db, async (tx) => ({
    perDay: await decisionsPerDay(tx, filter),
    indicators: await topIndicators(tx, filter),
    seen: await ordersSeen(tx, filter),
    outcomes: await heldOutcomes(tx, filter),
  }));

  const held = outcomes.reduce((n, o) => n + o.orders, 0);
  const countOf = (outcome: string) => outcomes.find((o) => o.outcome === outcome)?.orders ?? 0;
  const released = countOf('released');
  const fraud = countOf('fraud');
  const rate = (n: number, of: number) => (of === 0 ? null : n / of);
  return {
    scope,
    overTime: everyDay(scope.from, scope.to, perDay),
    indicators,
    rates: { ordersSeen: seen, held, holdRate: rate(held, seen), released, releaseRate: rate(released, held), fraud, fraudRate: rate(fraud, held) },
    heldOutcomes: outcomes,
  };
}

/** One row per day of the range, zeros included, so a chart's time axis has no gaps. */
function everyDay(from: string, to: string, counts: { day: string; kind: DecisionKind; count: number }[]): DecisionDay[] {
  const days: DecisionDay[] = [];
  const index = new Map<string, DecisionDay>();
  for (let ms = msOf(from); ms <= msOf(to); ms += DAY_MS) {
    const row = { day: dayOf(ms), hold: 0, release: 0, fraud: 0 };
    days.push(row);
    index.set(row.day, row);
  }
  for (const c of counts) {
    const row = index.get(c.day);
    if (row) row[c.kind] += c.count;
  }
  return days;
}

export async function reportFilterOptions(db: Database, caller: Caller): Promise<ReportFilterOptions> {
  const isLead = caller.agent.role === 'lead';
  const [agents, marketplaces] = await Promise.all([
    isLead ? listReportAgents(db, caller.team.id) : Promise.resolve([{ id: caller.agent.id, name: caller.agent.name }]),
    listReportMarketplaces(db, caller.team.id),
  ]);
  return { view: isLead ? 'team' : 'self', agents, marketplaces };
}

export async function buildDisputeReport(db: Database, caller: Caller, query: ReportQuery, now = new Date()): Promise<DisputeReport> {
  const { scope, filter } = await resolveReportScope(db, caller, query, now);
  const { openByDeadline, rates, bySource, recovered, alerts, chargebacks } = await inReportSnapshot(db, async (tx) => ({
    openByDeadline: await openDisputesByDeadline(tx, filter, now),
    rates: await winRateByReason(tx, filter),
    bySource: await winRateBySource(tx, filter),
    recovered: await moneyRecovered(tx, filter),
    alerts: await alertOutcomes(tx, filter),
    chargebacks: await chargebacksByNetwork(tx, filter),
  }));
  const winRate = (r: { won: number; lost: number }) => (r.won + r.lost === 0 ? null : r.won / (r.won + r.lost));
  return {
    scope,
    openByDeadline,
    winRateByReason: rates.map((r) => ({ ...r, winRate: winRate(r) })),
    winRateBySource: bySource.map((r) => ({ ...r, winRate: winRate(r) })),
    recovered,
    alerts,
    chargebacks,
  };
}
