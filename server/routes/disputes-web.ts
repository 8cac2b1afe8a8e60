import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DISPUTES_PAGE_KEYS } from '../web/disputes-keys';
import { PAGE_CSP, pageHtml, pageLanguage } from '../web/page';
import { serve } from './contract';

/**
 * GET /disputes: the extension's disputes inbox (components/disputes) served by the backend for agents and
 * leads without the extension (server/web, script at /web/disputes.js). The page holds no data, so it is
 * public; the data routes need a token and refuse receivers.
 */
export const disputesWebRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'disputes.page', async (request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .send(pageHtml('disputes', DISPUTES_PAGE_KEYS, pageLanguage(request.headers['accept-language']), 'inboxTitle')),
  );
};
