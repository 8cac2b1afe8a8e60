import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../plugins/auth';
import { loadQueue } from '../services/queue';
import { serve } from './contract';

/** The at-risk queue: the team's open cases by time left. */
export const queueRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'queue.list', async (request) => loadQueue(app.db, callerOf(request).team.id, Number(request.query.limit ?? 50)));
};
