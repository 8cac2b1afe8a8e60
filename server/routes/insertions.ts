import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../plugins/auth';
import { serve } from './contract';
import { answerIdempotentWrite } from './idempotent-write';
import { logTemplateInsertion } from '../services/template-insertions';

/** The outbox's template insertions: 201 when written, 200 with the same body on a replay. */
export const insertionRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'insertions.record', async (request, reply) =>
    answerIdempotentWrite(request, reply, () => logTemplateInsertion(app.db, callerOf(request), request.body)),
  );
};
