import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health, Me } from '../../utils/schemas/api';
import { callerOf } from '../plugins/auth';

const PACKAGE_JSON = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
const VERSION = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;

/** Health, the OpenAPI description and "who am I". */
export const systemRoutes: FastifyPluginAsyncZod<{ databaseKind: 'pglite' | 'postgres' }> = async (app, opts) => {
  app.get('/health', { config: { access: 'public' }, schema: { response: { 200: Health } } }, async () => ({
    ok: true as const,
    database: opts.databaseKind,
    version: VERSION,
  }));

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  app.get('/v1/me', { schema: { response: { 200: Me } } }, async (request) => {
    const caller = callerOf(request);
    return { agent: caller.agent, team: caller.team };
  });
};
