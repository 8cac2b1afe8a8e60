import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TemplateInsertionBody, TemplateInsertionResult } from '../../utils/schemas/admin';
import { callerOf } from '../plugins/auth';
import { answerIdempotentWrite, IdempotencyHeaders } from './idempotent-write';
import { logTemplateInsertion } from '../services/template-insertions';

/** The outbox's template insertions: 201 when written, 200 with the same body on a replay. */
export const insertionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/template-insertions',
    { schema: { headers: IdempotencyHeaders, body: TemplateInsertionBody, response: { 200: TemplateInsertionResult, 201: TemplateInsertionResult } } },
    async (request, reply) => answerIdempotentWrite(request, reply, () => logTemplateInsertion(app.db, callerOf(request), request.body)),
  );
};
