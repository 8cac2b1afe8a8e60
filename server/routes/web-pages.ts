import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MessageKey } from '../../utils/i18n';
import { notFound } from '../errors';
import { isWebPage, PageScripts, type WebPage } from '../web/bundle';
import { DISPUTES_PAGE_KEYS } from '../web/disputes-keys';
import { HANDOFF_PAGE_KEYS } from '../web/handoffs-keys';
import { PAGE_CSP, pageHtml, pageLanguage } from '../web/page';
import { REPORTS_PAGE_KEYS } from '../web/reports-keys';
import { serve } from './contract';

/**
 * The backend-served pages (server/web) for people without the extension: GET /handoffs (the receivers'
 * inbox), /reports and /disputes (the extension's own reports and disputes inbox), and GET /web/<page>.js,
 * each page's script bundled on first request. All are static (no data from the database or the request is
 * in them), so they are public; the data routes they call need a token.
 */

/** One page's HTML with the pages' headers: the strict CSP, no sniffing, no referrer, never cached. */
function sendPage(request: FastifyRequest, reply: FastifyReply, page: WebPage, keys: readonly MessageKey[], titleKey: MessageKey) {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .send(pageHtml(page, keys, pageLanguage(request.headers['accept-language']), titleKey));
}
const ICON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'icon', '32.png');

export const webPageRoutes: FastifyPluginAsyncZod = async (app) => {
  const scripts = new PageScripts();

  serve(app, 'handoffs.page', async (request, reply) => sendPage(request, reply, 'handoffs', HANDOFF_PAGE_KEYS, 'handoffPageTitle'));
  serve(app, 'reports.page', async (request, reply) => sendPage(request, reply, 'reports', REPORTS_PAGE_KEYS, 'reportsTitle'));
  serve(app, 'disputes.page', async (request, reply) => sendPage(request, reply, 'disputes', DISPUTES_PAGE_KEYS, 'inboxTitle'));

  // The extension's icon, so a browser's automatic favicon request is answered rather than logged as a 404.
  const icon = readFile(ICON);
  icon.catch(() => undefined);
  serve(app, 'web.icon', async (_request, reply) =>
    reply
      .header('content-type', 'image/png')
      .header('cache-control', 'public, max-age=86400')
      .send(await icon),
  );

  serve(app, 'web.script', async (request, reply) => {
    const name = request.params.file.replace(/\.js$/, '');
    if (!isWebPage(name)) throw notFound('Page script');
    const script = await scripts.script(name);
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('content-security-policy', "default-src 'none'")
      .header('cache-control', 'no-cache')
      .send(script);
  });
};
