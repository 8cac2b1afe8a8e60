import { z } from 'zod';
import { FraudIndicatorId } from './fraud';
import { CaseKind } from './api';
import { MarketplaceCode } from './common';

/**
 * Reports for leads. Leads see the whole team; an agent sees only their own numbers (the
 * server forces `agentId` to the caller). Days are UTC calendar days, `to` included.
 */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2025-11-03');
export const MAX_REPORT_DAYS = 366;

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The filters every report takes, as query parameters (unknown parameters are refused). */
export const ReportFilters = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
  marketplace: MarketplaceCode.optional(),
  agentId: z.uuid('agentId must be an agent id').optional(),
});

/** Real calendar days, from <= to, at most MAX_REPORT_DAYS. */
export function checkReportRange(q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  for (const key of ['from', 'to'] as const) {
    const value = q[key];
    if (value !== undefined && (Number.isNaN(dayMs(value)) || new Date(dayMs(value)).toISOString().slice(0, 10) !== value)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `${value} is not a calendar date` });
      return;
    }
  }
  if (q.from !== undefined && q.to !== undefined) {
    const days = (dayMs(q.to) - dayMs(q.from)) / 86_400_000 + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' });
    else if (days > MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['from'], message: `a report covers at most ${MAX_REPORT_DAYS} days` });
  }
}

export const ReportQuery = ReportFilters.superRefine(checkReportRange);
export type ReportQuery = z.infer<typeof ReportQuery>;

/** The filters actually applied (defaults filled in, agent forced for agents). */
export const ReportScope = z.strictObject({
  from: Day,
  to: Day,
  marketplace: z.string().nullable(),
  agentId: z.uuid().nullable(),
  /** `team` for leads, `self` when an agent sees only their own numbers. */
  view: z.enum(['team', 'self']),
});
export type ReportScope = z.infer<typeof ReportScope>;

/** Median and 90th percentile of a duration; null when nothing was measured. */
const Spread = z.strictObject({ median: z.number().nullable(), p90: z.number().nullable() });

export const ServiceRow = z.strictObject({
  /** Marketplace code or agent id ('' for cases without one). */
  key: z.string(),
  label: z.string(),
  cases: z.number().int(),
  responded: z.number().int(),
  /** Minutes from the case opening to the first agent event (note, template, decision). */
  firstResponseMinutes: Spread,
  resolved: z.number().int(),
  /** Hours from the case opening to its first resolved/closed status event. */
  resolutionHours: Spread,
});
export type ServiceRow = z.infer<typeof ServiceRow>;

export const SlaRow = z.strictObject({
  /** The SLA policy id (utils/sla/policies.ts), e.g. amazon_buyer_message. */
  policy: z.string(),
  label: z.string(),
  cases: z.number().int(),
  met: z.number().int(),
  breached: z.number().int(),
  /** Not answered yet and the deadline has not passed. */
  pending: z.number().int(),
  /** met / (met + breached), 0..1; null when nothing was decided yet. */
  attainment: z.number().nullable(),
});
export type SlaRow = z.infer<typeof SlaRow>;

export const KindRow = z.strictObject({ kind: CaseKind, opened: z.number().int(), resolved: z.number().int(), stillOpen: z.number().int() });
export type KindRow = z.infer<typeof KindRow>;

export const TemplateRow = z.strictObject({
  templateId: z.string(),
  title: z.string(),
  uses: z.number().int(),
  cases: z.number().int(),
  /** Cases resolved after the template went in. */
  resolvedAfter: z.number().int(),
  /** Cases where a fraud decision followed the template. */
  decisionAfter: z.number().int(),
  /** Cases where an agent had to write again (note or another template) after it. */
  followUpAfter: z.number().int(),
  medianHoursToResolution: z.number().nullable(),
});
export type TemplateRow = z.infer<typeof TemplateRow>;

export const ServiceReport = z.strictObject({
  scope: ReportScope,
  byMarketplace: z.array(ServiceRow),
  byAgent: z.array(ServiceRow),
  sla: z.array(SlaRow),
  casesByKind: z.array(KindRow),
  templates: z.array(TemplateRow),
});
export type ServiceReport = z.infer<typeof ServiceReport>;

export const DecisionDay = z.strictObject({ day: Day, hold: z.number().int(), release: z.number().int(), fraud: z.number().int() });
export type DecisionDay = z.infer<typeof DecisionDay>;

export const IndicatorRow = z.strictObject({ indicator: FraudIndicatorId.or(z.string()), orders: z.number().int(), averagePoints: z.number() });
export type IndicatorRow = z.infer<typeof IndicatorRow>;

export const HoldRates = z.strictObject({
  /** Orders first seen in the range. */
  ordersSeen: z.number().int(),
  /** Orders with a hold decided in the range. */
  held: z.number().int(),
  /** held / ordersSeen; null without orders. */
  holdRate: z.number().nullable(),
  /** Held orders released later. */
  released: z.number().int(),
  releaseRate: z.number().nullable(),
  /** Held orders later marked as fraud. */
  fraud: z.number().int(),
  fraudRate: z.number().nullable(),
});
export type HoldRates = z.infer<typeof HoldRates>;

export const HeldOutcome = z.strictObject({
  /** The order's latest decision after its hold: released, fraud, or still held. */
  outcome: z.enum(['released', 'fraud', 'still_held']),
  orders: z.number().int(),
  medianHoursToOutcome: z.number().nullable(),
});
export type HeldOutcome = z.infer<typeof HeldOutcome>;

export const FraudReport = z.strictObject({
  scope: ReportScope,
  overTime: z.array(DecisionDay),
  indicators: z.array(IndicatorRow),
  rates: HoldRates,
  heldOutcomes: z.array(HeldOutcome),
});
export type FraudReport = z.infer<typeof FraudReport>;

/** What the filter controls offer: agents see only themselves. */
export const ReportFilterOptions = z.strictObject({
  view: z.enum(['team', 'self']),
  agents: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
  marketplaces: z.array(z.string()),
});
export type ReportFilterOptions = z.infer<typeof ReportFilterOptions>;

/** A table as shown (and exported): header keys and display strings, shared by page, server page and CSV. */
export const ReportTableModel = z.strictObject({
  name: z.string(),
  columns: z.array(z.strictObject({ key: z.string(), label: z.string() })),
  rows: z.array(z.array(z.string())),
  /** Which columns a bar chart plots (label column, value column), if any. */
  chart: z.strictObject({ label: z.number().int(), value: z.number().int() }).optional(),
});
export type ReportTableModel = z.infer<typeof ReportTableModel>;

export const ReportTables = z.strictObject({ scope: ReportScope, tables: z.array(ReportTableModel) });
export type ReportTables = z.infer<typeof ReportTables>;

export const ReportSection = z.enum(['service', 'fraud', 'disputes']);
export type ReportSection = z.infer<typeof ReportSection>;

/** GET /v1/reports/tables and /v1/reports/csv: one section's tables (or one table as CSV) with the same filters. */
export const ReportTablesQuery = ReportFilters.extend({ section: ReportSection }).superRefine(checkReportRange);
export const ReportCsvQuery = ReportFilters.extend({
  section: ReportSection,
  table: z.string().regex(/^[a-z-]{1,40}$/, 'table must be a table name such as sla'),
}).superRefine(checkReportRange);

// ---- Disputes (tables of server/db/schema-disputes.ts) ----

export const DeadlineBucket = z.enum(['overdue', 'within_2_days', 'within_7_days', 'later']);
export type DeadlineBucket = z.infer<typeof DeadlineBucket>;

/** Disputes still waiting (open or responded, no outcome), by how close their deadline is. */
export const OpenDisputeRow = z.strictObject({ bucket: DeadlineBucket, currency: z.string(), disputes: z.number().int(), amountMinor: z.number().int() });
export const WinRateRow = z.strictObject({
  reason: z.string(),
  won: z.number().int(),
  lost: z.number().int(),
  /** won / (won + lost). */
  winRate: z.number().nullable(),
});
export const RecoveredRow = z.strictObject({
  currency: z.string(),
  decided: z.number().int(),
  won: z.number().int(),
  disputedMinor: z.number().int(),
  recoveredMinor: z.number().int(),
});

/** Pre-dispute alerts received in the range, by provider and currency. */
export const AlertOutcomeRow = z.strictObject({
  source: z.string(),
  currency: z.string(),
  alerts: z.number().int(),
  /** Refunded or stopped, and no chargeback followed. */
  prevented: z.number().int(),
  declined: z.number().int(),
  undecided: z.number().int(),
  becameChargeback: z.number().int(),
  /** The amount of the prevented alerts: what would otherwise have been disputed. */
  preventedMinor: z.number().int(),
});
/** Card chargebacks filed in the range by network, reason family and code. */
export const ChargebackRow = z.strictObject({
  network: z.string().nullable(),
  reasonGroup: z.string().nullable(),
  reasonCode: z.string().nullable(),
  chargebacks: z.number().int(),
  /** Against the own-shop orders seen in the range; null when there were none. */
  rate: z.number().nullable(),
});
export const SourceWinRow = z.strictObject({ source: z.string(), won: z.number().int(), lost: z.number().int(), winRate: z.number().nullable() });

export const DisputeReport = z.strictObject({
  scope: ReportScope,
  /** As of now, whatever the range (a deadline is about the future). */
  openByDeadline: z.array(OpenDisputeRow),
  /** Disputes decided (won or lost) in the range. */
  winRateByReason: z.array(WinRateRow),
  winRateBySource: z.array(SourceWinRow),
  recovered: z.array(RecoveredRow),
  alerts: z.array(AlertOutcomeRow),
  chargebacks: z.array(ChargebackRow),
});
export type DisputeReport = z.infer<typeof DisputeReport>;
