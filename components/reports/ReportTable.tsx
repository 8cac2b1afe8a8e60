import { useT } from '@/components/i18n-context';
import { toCsv } from '@/utils/reports/csv';
import { TABLE_TITLE_KEYS } from '@/utils/reports/tables';
import type { ReportTableModel } from '@/utils/schemas/reports';
import { ReportChart } from './ReportChart';

export interface ReportTableProps {
  table: ReportTableModel;
  /** File name suffix, e.g. the date range. */
  period: string;
  onDownload: (filename: string, csv: string) => void;
}

/** One report table with its chart beside it and a CSV of exactly its cells (headers as shown). */
export function ReportTable({ table, period, onDownload }: ReportTableProps) {
  const t = useT();
  const titleKey = TABLE_TITLE_KEYS[table.name];
  const download = () =>
    onDownload(
      `caseside-${table.name}-${period}.csv`,
      toCsv(
        table.columns.map((c) => c.label),
        table.rows,
      ),
    );
  return (
    <section className="report" data-report={table.name}>
      <header>
        <h3>{titleKey ? t(titleKey) : table.name}</h3>
        <button type="button" data-testid="csv-export" data-report={table.name} onClick={download}>
          {t('reports_csv')}
        </button>
      </header>
      <div className="report-body">
        <table data-testid="report-table" data-report={table.name}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {table.rows.length === 0 ? <p className="empty">{t('reports_empty')}</p> : <ReportChart table={table} />}
      </div>
    </section>
  );
}
