import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { QueueList, QueueQuery } from '../../utils/schemas/admin';
import { callerOf } from '../plugins/auth';
import { loadQueue } from '../services/queue';

/** The at-risk queue: the team's open cases by time left. */
export const queueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/queue', { schema: { querystring: QueueQuery, response: { 200: QueueList } } }, async (request) =>
    loadQueue(app.db, callerOf(request).team.id, Number(request.query.limit ?? 50)),
  );
};
