import { portalDefinition } from '../../utils/portals/catalogue';
import { CasePortal } from '../../utils/schemas/common';
import type { SlaRow } from '../../utils/schemas/reports';
import type { SlaCaseKind, SlaPolicySet } from '../../utils/schemas/sla';
import { computeSlaDeadline } from '../../utils/sla/deadline';
import { operatorOf, policyOf } from '../../utils/sla/policies';
import type { Database } from '../db/open';
import { caseTimesFor, type CalendarSlaRule, type SlaCounts } from '../repositories/reports-service';
import type { ReportFilter } from '../repositories/reports-scope';

/**
 * SLA attainment: a case answered (first agent event) by its deadline met it. Cases with a stored clock
 * (case_clocks) use its deadline. Cases without one (recorded before clocks were stored) get a deadline
 * computed here from the team's current policies, the clock starting when the case was opened (the
 * page's own start time is not stored for them). Their policy is read from the case's portal and kind,
 * as caseKindForPage does from a page: each portal's folder names the clock of its case kinds (a claim
 * whose stage is not stored counts as its first stage; orders and refunds have no stored clock start and
 * are left out); a chargeback with no clock of its portal's own, or on the team's shop, is a card dispute
 * with the unknown-network window.
 * Calendar clocks are evaluated in SQL; business-hour clocks need the team calendar, so those cases'
 * times are fetched and run through computeSlaDeadline.
 */
const POLICY_OF_CASE: { portal: string; kind: string; policy: SlaCaseKind }[] = CasePortal.options.flatMap((portal) => {
  const own = Object.entries(portalDefinition(portal)?.sla.clockOfCaseKind ?? {}).map(([kind, policy]) => ({ portal, kind, policy: policy as SlaCaseKind }));
  return own.some((rule) => rule.kind === 'chargeback') ? own : [...own, { portal, kind: 'chargeback', policy: 'card_dispute' as const }];
});

/** The calendar-clock rules SQL evaluates, and the business-hour ones counted here. */
export function slaRulesFor(policies: SlaPolicySet): { calendar: CalendarSlaRule[]; business: { portal: string; kind: string; policy: SlaCaseKind }[] } {
  const calendar: CalendarSlaRule[] = [];
  const business: { portal: string; kind: string; policy: SlaCaseKind }[] = [];
  for (const rule of POLICY_OF_CASE) {
    const policy = policies.policies[rule.policy];
    if (!policy?.duration || policy.clock === 'shipBy') continue;
    // Operators' own terms (Mirakl) depend on each case's marketplace: counted here, not in SQL.
    const perOperator = Object.keys(policy.byOperator ?? {}).length > 0;
    if (policy.clock === 'calendar' && !perOperator) {
      calendar.push({ ...rule, amount: policy.duration.amount, unit: policy.duration.unit, timeZone: policies.calendar.timeZone });
    } else business.push(rule);
  }
  return { calendar, business };
}

/** Attainment rows from the SQL counts plus the business-hour and per-operator clocks, evaluated with computeSlaDeadline. */
export async function slaAttainment(db: Database, f: ReportFilter, policies: SlaPolicySet, sqlCounts: SlaCounts[], now: Date): Promise<SlaRow[]> {
  const counts: SlaCounts[] = [...sqlCounts];
  for (const { portal, kind, policy: id } of slaRulesFor(policies).business) {
    const times = await caseTimesFor(db, f, portal, kind);
    const c: SlaCounts = { policy: id, cases: times.length, met: 0, breached: 0, pending: 0 };
    for (const t of times) {
      const policy = policyOf(policies, id, operatorOf(portal, t.marketplace))!;
      const deadline = computeSlaDeadline(t.openedAt, policy, policies.calendar);
      if (t.firstResponseAt) {
        if (t.firstResponseAt <= deadline) c.met++;
        else c.breached++;
      } else if (deadline < now) c.breached++;
      else c.pending++;
    }
    counts.push(c);
  }

  // Two (portal, kind) pairs may share a policy (card disputes), and stored clocks use the same ids: add up.
  const byPolicy = new Map<string, SlaCounts>();
  for (const c of counts) {
    const sum = byPolicy.get(c.policy) ?? { policy: c.policy, cases: 0, met: 0, breached: 0, pending: 0 };
    byPolicy.set(c.policy, { ...sum, cases: sum.cases + c.cases, met: sum.met + c.met, breached: sum.breached + c.breached, pending: sum.pending + c.pending });
  }
  return [...byPolicy.values()]
    .filter((c) => c.cases > 0)
    .sort((a, b) => b.cases - a.cases || a.policy.localeCompare(b.policy))
    .map((c) => ({
      ...c,
      label: policies.policies[c.policy as SlaCaseKind]?.label ?? c.policy,
      attainment: c.met + c.breached === 0 ? null : c.met / (c.met + c.breached),
    }));
}
