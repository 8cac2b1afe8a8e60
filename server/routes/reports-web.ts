import type { FastifyPluginAsync } from 'fastify';
import { REPORTS_PAGE_CSP, REPORTS_PAGE_HTML } from '../reports-web/page';

/** GET /reports: the static page; it holds no data, so it is public (the data routes need a token). */
export const reportsWebRoutes: FastifyPluginAsync = async (app) => {
  app.get('/reports', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', REPORTS_PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .send(REPORTS_PAGE_HTML),
  );
};
