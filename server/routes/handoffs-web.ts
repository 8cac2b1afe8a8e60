import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../errors';
import { isWebPage, PageScripts } from '../web/bundle';
import { PAGE_CSP, pageHtml, pageLanguage } from '../web/page';
import { HANDOFF_PAGE_KEYS } from '../web/handoffs-keys';
import { serve } from './contract';

/**
 * The backend-served pages (server/web): GET /handoffs, the receivers' inbox for people without the
 * extension, and GET /web/<page>.js, each page's script bundled on first request. Both are static (no
 * data from the database or the request is in them), so they are public; the data routes need a token.
 */
const ICON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'icon', '32.png');

export const handoffWebRoutes: FastifyPluginAsyncZod = async (app) => {
  const scripts = new PageScripts();

  serve(app, 'handoffs.page', async (request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .send(pageHtml('handoffs', HANDOFF_PAGE_KEYS, pageLanguage(request.headers['accept-language']), 'handoffPageTitle')),
  );

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
