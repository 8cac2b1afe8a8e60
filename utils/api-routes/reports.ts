import {
  DisputeReport,
  FraudReport,
  ReportCsvQuery,
  ReportFilterOptions,
  ReportQuery,
  ReportTables,
  ReportTablesQuery,
  ServiceReport,
} from '../schemas/reports';
import { defineRoutes } from './types';

/**
 * Reports for leads (and agents' own numbers; the server narrows an agent's view), and the static page
 * the backend serves for people without the extension.
 */
export const REPORT_ROUTES = defineRoutes({
  'reports.filters': {
    method: 'GET',
    path: '/v1/reports/filters',
    summary: 'The filter choices of the reports (agents, marketplaces, reasons)',
    response: ReportFilterOptions,
    pages: true,
  },
  'reports.service': {
    method: 'GET',
    path: '/v1/reports/service',
    summary: 'Service report: SLA, response times, volumes',
    query: ReportQuery,
    response: ServiceReport,
    pages: true,
  },
  'reports.fraud': {
    method: 'GET',
    path: '/v1/reports/fraud',
    summary: 'Fraud report: decisions and outcomes',
    query: ReportQuery,
    response: FraudReport,
    pages: true,
  },
  'reports.disputes': {
    method: 'GET',
    path: '/v1/reports/disputes',
    summary: 'Dispute report: outcomes, recovered amounts, win rates',
    query: ReportQuery,
    response: DisputeReport,
    pages: true,
  },
  'reports.tables': { method: 'GET', path: '/v1/reports/tables', summary: "A report section's tables", query: ReportTablesQuery, response: ReportTables },
  'reports.csv': { method: 'GET', path: '/v1/reports/csv', summary: 'One report table as CSV', query: ReportCsvQuery, produces: 'text/csv' },
  'reports.page': {
    method: 'GET',
    path: '/reports',
    summary: 'The reports as a page served by the backend',
    access: 'public',
    produces: 'text/html',
    hide: true,
  },
});
