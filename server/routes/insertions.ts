import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TemplateInsertionBody, TemplateInsertionResult } from '../../utils/schemas/admin';
import { callerOf } from '../plugins/auth';
import { checkHeaderKey } from '../services/idempotent-event';
import { logTemplateInsertion } from '../services/template-insertions';

const IdempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().optional() });

/** The outbox's template insertions: 201 when written, 200 with the same body on a replay. */
export const insertionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/template-insertions',
    { schema: { headers: IdempotencyHeaders, body: TemplateInsertionBody, response: { 200: TemplateInsertionResult, 201: TemplateInsertionResult } } },
    async (request, reply) => {
      checkHeaderKey(request.headers['idempotency-key'], request.body.idempotencyKey);
      const outcome = await logTemplateInsertion(app.db, callerOf(request), request.body);
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(outcome.replayed ? 200 : 201).send(outcome.result);
    },
  );
};
