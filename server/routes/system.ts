import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../plugins/auth';
import { serve } from './contract';

const PACKAGE_JSON = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
const VERSION = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;

/** Health, the OpenAPI description and "who am I". */
export const systemRoutes: FastifyPluginAsyncZod<{ databaseKind: 'pglite' | 'postgres' }> = async (app, opts) => {
  serve(app, 'system.health', async () => ({
    ok: true as const,
    database: opts.databaseKind,
    version: VERSION,
  }));

  serve(app, 'system.openapi', async () => app.swagger());

  serve(app, 'me.get', async (request) => {
    const caller = callerOf(request);
    return { agent: caller.agent, team: caller.team };
  });
};
