import type { MessageKey, Translate } from '../i18n';
import { minorToDecimal } from '../money';
import type { HandoffReport } from '../schemas/handoffs';
import type { DisputeReport, FraudReport, ReportTableModel, ServiceReport, ServiceRow } from '../schemas/reports';

/**
 * Report JSON -> the tables people read and export. The extension page, the backend-served page and
 * the CSV export all use these strings, so a CSV is the table it sits under. Numbers are written
 * without locale grouping (12.5, 83.3%) so spreadsheets read them as numbers in every language.
 */

export const fmtNumber = (n: number | null, digits = 1): string => (n === null ? '' : String(Math.round(n * 10 ** digits) / 10 ** digits));
export const fmtPercent = (n: number | null): string => (n === null ? '' : `${fmtNumber(n * 100)}%`);
const int = (n: number) => String(n);

type ColumnKey = MessageKey & `reportsCol_${string}`;

function table(t: Translate, name: string, keys: ColumnKey[], rows: string[][], chart?: { label: number; value: number }): ReportTableModel {
  return { name, columns: keys.map((key) => ({ key, label: t(key) })), rows, ...(chart ? { chart } : {}) };
}

const SPREAD_KEYS: ColumnKey[] = [
  'reportsCol_cases',
  'reportsCol_responded',
  'reportsCol_frtMedian',
  'reportsCol_frtP90',
  'reportsCol_resolved',
  'reportsCol_resMedian',
  'reportsCol_resP90',
];

function spreadCells(r: ServiceRow): string[] {
  return [
    int(r.cases),
    int(r.responded),
    fmtNumber(r.firstResponseMinutes.median),
    fmtNumber(r.firstResponseMinutes.p90),
    int(r.resolved),
    fmtNumber(r.resolutionHours.median),
    fmtNumber(r.resolutionHours.p90),
  ];
}

export function serviceTables(report: ServiceReport, t: Translate): ReportTableModel[] {
  const none = t('reports_none');
  return [
    table(
      t,
      'service-marketplace',
      ['reportsCol_marketplace', ...SPREAD_KEYS],
      report.byMarketplace.map((r) => [r.label || none, ...spreadCells(r)]),
      { label: 0, value: 3 },
    ),
    table(
      t,
      'service-agent',
      ['reportsCol_agent', ...SPREAD_KEYS],
      report.byAgent.map((r) => [r.key ? r.label : t('reports_unanswered'), ...spreadCells(r)]),
      { label: 0, value: 3 },
    ),
    table(
      t,
      'sla',
      ['reportsCol_policy', 'reportsCol_cases', 'reportsCol_met', 'reportsCol_breached', 'reportsCol_pending', 'reportsCol_attainment'],
      report.sla.map((r) => [r.label, int(r.cases), int(r.met), int(r.breached), int(r.pending), fmtPercent(r.attainment)]),
      { label: 0, value: 5 },
    ),
    table(
      t,
      'cases-by-kind',
      ['reportsCol_kind', 'reportsCol_opened', 'reportsCol_resolved', 'reportsCol_stillOpen'],
      report.casesByKind.map((r) => [t(`kind_${r.kind}`), int(r.opened), int(r.resolved), int(r.stillOpen)]),
      { label: 0, value: 1 },
    ),
    table(
      t,
      'templates',
      [
        'reportsCol_template',
        'reportsCol_uses',
        'reportsCol_cases',
        'reportsCol_resolvedAfter',
        'reportsCol_decisionAfter',
        'reportsCol_followUpAfter',
        'reportsCol_hoursToResolution',
      ],
      report.templates.map((r) => [
        r.title || r.templateId || none,
        int(r.uses),
        int(r.cases),
        int(r.resolvedAfter),
        int(r.decisionAfter),
        int(r.followUpAfter),
        fmtNumber(r.medianHoursToResolution),
      ]),
      { label: 0, value: 1 },
    ),
  ];
}

export function fraudTables(report: FraudReport, t: Translate): ReportTableModel[] {
  const r = report.rates;
  return [
    table(
      t,
      'fraud-over-time',
      ['reportsCol_day', 'reportsCol_hold', 'reportsCol_release', 'reportsCol_fraud'],
      report.overTime.map((d) => [d.day, int(d.hold), int(d.release), int(d.fraud)]),
      { label: 0, value: 1 },
    ),
    table(
      t,
      'indicators',
      ['reportsCol_indicator', 'reportsCol_orders', 'reportsCol_averagePoints'],
      report.indicators.map((i) => [i.indicator, int(i.orders), fmtNumber(i.averagePoints)]),
      { label: 0, value: 1 },
    ),
    table(
      t,
      'hold-rates',
      ['reportsCol_metric', 'reportsCol_value'],
      [
        [t('reports_ordersSeen'), int(r.ordersSeen)],
        [t('reports_held'), int(r.held)],
        [t('reports_holdRate'), fmtPercent(r.holdRate)],
        [t('reports_released'), int(r.released)],
        [t('reports_releaseRate'), fmtPercent(r.releaseRate)],
        [t('reports_markedFraud'), int(r.fraud)],
        [t('reports_fraudRate'), fmtPercent(r.fraudRate)],
      ],
    ),
    table(
      t,
      'held-outcomes',
      ['reportsCol_outcome', 'reportsCol_orders', 'reportsCol_hoursToOutcome'],
      report.heldOutcomes.map((o) => [t(`reports_outcome_${o.outcome}`), int(o.orders), fmtNumber(o.medianHoursToOutcome)]),
      { label: 0, value: 1 },
    ),
  ];
}

export function disputeTables(report: DisputeReport, t: Translate): ReportTableModel[] {
  return [
    table(
      t,
      'open-disputes',
      ['reportsCol_deadline', 'reportsCol_currency', 'reportsCol_disputes', 'reportsCol_amount'],
      report.openByDeadline.map((r) => [t(`reports_bucket_${r.bucket}`), r.currency, int(r.disputes), minorToDecimal(r.amountMinor, r.currency)]),
      { label: 0, value: 2 },
    ),
    table(
      t,
      'win-rate',
      ['reportsCol_reason', 'reportsCol_won', 'reportsCol_lost', 'reportsCol_winRate'],
      report.winRateByReason.map((r) => [r.reason, int(r.won), int(r.lost), fmtPercent(r.winRate)]),
      { label: 0, value: 3 },
    ),
    table(
      t,
      'win-rate-source',
      ['reportsCol_source', 'reportsCol_won', 'reportsCol_lost', 'reportsCol_winRate'],
      report.winRateBySource.map((r) => [r.source, int(r.won), int(r.lost), fmtPercent(r.winRate)]),
      { label: 0, value: 3 },
    ),
    table(
      t,
      'recovered',
      ['reportsCol_currency', 'reportsCol_decided', 'reportsCol_won', 'reportsCol_disputed', 'reportsCol_recovered'],
      report.recovered.map((r) => [
        r.currency,
        int(r.decided),
        int(r.won),
        minorToDecimal(r.disputedMinor, r.currency),
        minorToDecimal(r.recoveredMinor, r.currency),
      ]),
      { label: 0, value: 4 },
    ),
    table(
      t,
      'alerts',
      [
        'reportsCol_source',
        'reportsCol_currency',
        'reportsCol_alerts',
        'reportsCol_prevented',
        'reportsCol_declined',
        'reportsCol_undecided',
        'reportsCol_becameChargeback',
        'reportsCol_preventedAmount',
      ],
      report.alerts.map((r) => [
        r.source,
        r.currency,
        int(r.alerts),
        int(r.prevented),
        int(r.declined),
        int(r.undecided),
        int(r.becameChargeback),
        minorToDecimal(r.preventedMinor, r.currency),
      ]),
      { label: 0, value: 3 },
    ),
    table(
      t,
      'chargebacks',
      ['reportsCol_network', 'reportsCol_reasonGroup', 'reportsCol_reasonCode', 'reportsCol_chargebacks', 'reportsCol_rate'],
      report.chargebacks.map((r) => [r.network ?? '-', r.reasonGroup ?? '-', r.reasonCode ?? '-', int(r.chargebacks), fmtPercent(r.rate)]),
      { label: 2, value: 3 },
    ),
  ];
}

/**
 * Whole minutes as people read them: the two largest units that are not zero ("2 h 15 min", "3 d 4 h",
 * "45 min", "0 min"); '' when nothing was measured.
 */
export function fmtDuration(minutes: number | null, t: Translate): string {
  if (minutes === null) return '';
  const total = Math.max(0, Math.round(minutes));
  const parts: [number, MessageKey][] = [
    [Math.floor(total / 1440), 'reports_durationDays'],
    [Math.floor(total / 60) % 24, 'reports_durationHours'],
    [total % 60, 'reports_durationMinutes'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return t('reports_durationMinutes', '0');
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, key]) => t(key, String(n)))
    .join(' ');
}

/** Hand-offs by internal team: how many, answered, time to answer (median, p90), overdue. */
export function handoffTable(report: HandoffReport, t: Translate): ReportTableModel {
  return table(
    t,
    'handoffs',
    ['reportsCol_handoffTeam', 'reportsCol_handoffs', 'reportsCol_answered', 'reportsCol_answerMedian', 'reportsCol_answerP90', 'reportsCol_overdue'],
    report.rows.map((r) => [r.team, int(r.count), int(r.answered), fmtDuration(r.medianMinutes, t), fmtDuration(r.p90Minutes, t), int(r.overdue)]),
    { label: 0, value: 1 },
  );
}

/** The heading of each table, by table name. */
export const TABLE_TITLE_KEYS: Record<string, MessageKey> = {
  'service-marketplace': 'reportsTable_serviceMarketplace',
  'service-agent': 'reportsTable_serviceAgent',
  sla: 'reportsTable_sla',
  'cases-by-kind': 'reportsTable_casesByKind',
  templates: 'reportsTable_templates',
  'fraud-over-time': 'reportsTable_fraudOverTime',
  indicators: 'reportsTable_indicators',
  'hold-rates': 'reportsTable_holdRates',
  'held-outcomes': 'reportsTable_heldOutcomes',
  'open-disputes': 'reportsTable_openDisputes',
  'win-rate': 'reportsTable_winRate',
  recovered: 'reportsTable_recovered',
  'win-rate-source': 'reportsTable_winRateBySource',
  alerts: 'reportsTable_alerts',
  chargebacks: 'reportsTable_chargebacks',
  handoffs: 'reportsTable_handoffs',
};
