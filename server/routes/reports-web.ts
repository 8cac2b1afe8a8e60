import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PAGE_CSP, pageHtml, pageLanguage } from '../web/page';
import { REPORTS_PAGE_KEYS } from '../web/reports-keys';
import { serve } from './contract';

/**
 * GET /reports: the extension's reports page (components/reports) served by the backend (server/web,
 * script at /web/reports.js). The page holds no data, so it is public; the data routes need a token.
 */
export const reportsWebRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'reports.page', async (request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .send(pageHtml('reports', REPORTS_PAGE_KEYS, pageLanguage(request.headers['accept-language']), 'reportsTitle')),
  );
};
