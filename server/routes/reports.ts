import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../plugins/auth';
import { buildDisputeReport, buildFraudReport, buildServiceReport, reportFilterOptions } from '../services/reports';
import { buildReportCsv, buildReportTables } from '../services/reports-tables';
import { serve } from './contract';

/**
 * Report JSON for the extension page and the backend-served page. Any agent may call these: the
 * service narrows an agent to their own numbers, and every query is scoped to the caller's team.
 */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'reports.filters', async (request) => reportFilterOptions(app.db, callerOf(request)));

  serve(app, 'reports.service', async (request) => buildServiceReport(app.db, callerOf(request), request.query));

  serve(app, 'reports.fraud', async (request) => buildFraudReport(app.db, callerOf(request), request.query));

  serve(app, 'reports.disputes', async (request) => buildDisputeReport(app.db, callerOf(request), request.query));

  serve(app, 'reports.tables', async (request) => {
    const { section, ...filters } = request.query;
    return buildReportTables(app.db, callerOf(request), section, filters);
  });

  serve(app, 'reports.csv', async (request, reply) => {
    const { section, table, ...filters } = request.query;
    const { filename, csv } = await buildReportCsv(app.db, callerOf(request), section, table, filters);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
};
