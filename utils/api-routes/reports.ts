import { DisputeReport, FraudReport, ReportFilterOptions, ReportQuery, ServiceReport } from '../schemas/reports';
import { defineRoutes } from './types';

/** Reports for leads (and agents' own numbers; the server narrows an agent's view). */
export const REPORT_ROUTES = defineRoutes({
  'reports.filters': { method: 'GET', path: '/v1/reports/filters', response: ReportFilterOptions },
  'reports.service': { method: 'GET', path: '/v1/reports/service', response: ServiceReport, query: ReportQuery },
  'reports.fraud': { method: 'GET', path: '/v1/reports/fraud', response: FraudReport, query: ReportQuery },
  'reports.disputes': { method: 'GET', path: '/v1/reports/disputes', response: DisputeReport, query: ReportQuery },
});
