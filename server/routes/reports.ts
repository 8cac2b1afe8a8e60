import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DisputeReport, FraudReport, ReportCsvQuery, ReportFilterOptions, ReportQuery, ReportTables, ReportTablesQuery, ServiceReport } from '../../utils/schemas/reports';
import { callerOf } from '../plugins/auth';
import { buildDisputeReport, buildFraudReport, buildServiceReport, reportFilterOptions } from '../services/reports';
import { buildReportCsv, buildReportTables } from '../services/reports-tables';
import { reportsWebRoutes } from './reports-web';

/**
 * Report JSON for the extension page and the backend-served page. Any agent may call these: the
 * service narrows an agent to their own numbers, and every query is scoped to the caller's team.
 */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  // The same reports as a page served by the backend, for people without the extension.
  await app.register(reportsWebRoutes);

  app.get('/v1/reports/filters', { schema: { response: { 200: ReportFilterOptions } } }, async (request) => reportFilterOptions(app.db, callerOf(request)));

  app.get('/v1/reports/service', { schema: { querystring: ReportQuery, response: { 200: ServiceReport } } }, async (request) =>
    buildServiceReport(app.db, callerOf(request), request.query),
  );

  app.get('/v1/reports/fraud', { schema: { querystring: ReportQuery, response: { 200: FraudReport } } }, async (request) =>
    buildFraudReport(app.db, callerOf(request), request.query),
  );

  app.get('/v1/reports/disputes', { schema: { querystring: ReportQuery, response: { 200: DisputeReport } } }, async (request) =>
    buildDisputeReport(app.db, callerOf(request), request.query),
  );

  app.get('/v1/reports/tables', { schema: { querystring: ReportTablesQuery, response: { 200: ReportTables } } }, async (request) => {
    const { section, ...filters } = request.query;
    return buildReportTables(app.db, callerOf(request), section, filters);
  });

  app.get('/v1/reports/csv', { schema: { querystring: ReportCsvQuery } }, async (request, reply) => {
    const { section, table, ...filters } = request.query;
    const { filename, csv } = await buildReportCsv(app.db, callerOf(request), section, table, filters);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
};
