import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { translatorFrom, type Translate } from '../../utils/i18n';
import { toCsv } from '../../utils/reports/csv';
import { disputeTables, fraudTables, serviceTables } from '../../utils/reports/tables';
import type { ReportQuery, ReportSection, ReportTables } from '../../utils/schemas/reports';
import type { Database } from '../db/open';
import { notFound } from '../errors';
import type { Caller } from '../repositories/tokens';
import { buildDisputeReport, buildFraudReport, buildServiceReport } from './reports';

/** The backend speaks English: the extension's own English messages, so both show the same words. */
const EN_MESSAGES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', '_locales', 'en', 'messages.json');
let english: Translate | undefined;
function englishTranslate(): Translate {
  english ??= translatorFrom(JSON.parse(readFileSync(EN_MESSAGES, 'utf8')));
  return english;
}

/** One section's tables as display strings, for the backend-served page. */
export async function buildReportTables(db: Database, caller: Caller, section: ReportSection, query: ReportQuery, now = new Date()): Promise<ReportTables> {
  const t = englishTranslate();
  if (section === 'service') {
    const report = await buildServiceReport(db, caller, query, now);
    return { scope: report.scope, tables: serviceTables(report, t) };
  }
  if (section === 'fraud') {
    const report = await buildFraudReport(db, caller, query, now);
    return { scope: report.scope, tables: fraudTables(report, t) };
  }
  const report = await buildDisputeReport(db, caller, query, now);
  return { scope: report.scope, tables: disputeTables(report, t) };
}

/** One table as CSV, with a file name that says what and when. */
export async function buildReportCsv(
  db: Database,
  caller: Caller,
  section: ReportSection,
  tableName: string,
  query: ReportQuery,
  now = new Date(),
): Promise<{ filename: string; csv: string }> {
  const { scope, tables } = await buildReportTables(db, caller, section, query, now);
  const table = tables.find((t) => t.name === tableName);
  if (!table) throw notFound(`Report table "${tableName}"`);
  return {
    filename: `caseside-${table.name}-${scope.from}-${scope.to}.csv`,
    csv: toCsv(
      table.columns.map((c) => c.label),
      table.rows,
    ),
  };
}
