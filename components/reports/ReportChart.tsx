import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportTableModel } from '@/utils/schemas/reports';

/**
 * Which columns each table plots beside itself (bars per row). The chart reads the table's own cells,
 * so it can never disagree with the table. Tables not listed here use their model's single chart column.
 */
const SERIES: Record<string, number[]> = {
  'service-marketplace': [3, 4],
  'service-agent': [3, 4],
  'cases-by-kind': [1, 2, 3],
  templates: [1, 3, 4, 5],
  'fraud-over-time': [1, 2, 3],
  handoffs: [1, 5],
};
/** Series colours: each at least 3:1 on both schemes' page backgrounds (components/page-theme.css), as WCAG asks of graphics. */
export const CHART_COLOURS = ['#3b6fd8', '#b86200', '#1f8a58', '#c0392b'];
// Legend and tooltip texts in the page's text colour (recharts would write them in the series colour).
const LEGEND_LABEL = { color: 'var(--fg)' };
const TOOLTIP_BOX = { background: 'var(--bg)', border: '1px solid var(--rule)', color: 'var(--fg)' };
const TOOLTIP_ITEM = { color: 'var(--fg)' };
const STACKED = new Set(['fraud-over-time']);

export function ReportChart({ table }: { table: ReportTableModel }) {
  const columns = SERIES[table.name] ?? (table.chart ? [table.chart.value] : []);
  if (columns.length === 0) return null;
  const labelColumn = table.chart?.label ?? 0;
  const data = table.rows.map((row) => {
    const point: Record<string, string | number> = { label: row[labelColumn] ?? '' };
    for (const c of columns) point[table.columns[c]!.label] = Number.parseFloat(row[c] ?? '') || 0;
    return point;
  });
  return (
    <div className="report-chart" data-testid="report-chart" data-report={table.name}>
      <BarChart width={460} height={260} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} />
        <YAxis tick={{ fontSize: 11 }} />
        <Tooltip contentStyle={TOOLTIP_BOX} itemStyle={TOOLTIP_ITEM} />
        <Legend wrapperStyle={{ fontSize: 11 }} labelStyle={LEGEND_LABEL} />
        {columns.map((c, i) => (
          <Bar
            key={c}
            dataKey={table.columns[c]!.label}
            fill={CHART_COLOURS[i % CHART_COLOURS.length]}
            isAnimationActive={false}
            {...(STACKED.has(table.name) ? { stackId: 'a' } : {})}
          />
        ))}
      </BarChart>
    </div>
  );
}
