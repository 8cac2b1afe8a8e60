import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REPORTS_PAGE_CSP, REPORTS_PAGE_HTML } from '../reports-web/page';
import { serve } from './contract';

/** GET /reports: the static page; it holds no data, so it is public (the data routes need a token). */
export const reportsWebRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'reports.page', async (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', REPORTS_PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .send(REPORTS_PAGE_HTML),
  );
};
