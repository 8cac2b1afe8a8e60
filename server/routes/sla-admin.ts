import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SlaActionBody, SlaActionResult, SlaPoliciesPut, SlaPoliciesSaved, SlaPoliciesView } from '../../utils/schemas/admin';
import { callerOf } from '../plugins/auth';
import { checkHeaderKey } from '../services/idempotent-event';
import { applySlaAction } from '../services/sla-actions';
import { getSlaPoliciesView, saveSlaPolicies } from '../services/team-config';

const IdempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().optional() });

/** SLA policies (leads change them, versioned) and agents' pause / resume / no-response-needed on a case (issue 5). */
export const slaAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/sla/policies', { schema: { response: { 200: SlaPoliciesView } } }, async (request) => getSlaPoliciesView(app.db, callerOf(request).team.id));

  app.put('/v1/sla/policies', { config: { access: 'lead' }, schema: { body: SlaPoliciesPut, response: { 200: SlaPoliciesSaved } } }, async (request) =>
    saveSlaPolicies(app.db, callerOf(request), request.body),
  );

  app.post(
    '/v1/cases/:id/sla',
    {
      schema: {
        params: z.strictObject({ id: z.uuid() }),
        headers: IdempotencyHeaders,
        body: SlaActionBody,
        response: { 200: SlaActionResult, 201: SlaActionResult },
      },
    },
    async (request, reply) => {
      checkHeaderKey(request.headers['idempotency-key'], request.body.idempotencyKey);
      const outcome = await applySlaAction(app.db, callerOf(request), request.params.id, request.body);
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(outcome.replayed ? 200 : 201).send(outcome.result);
    },
  );
};
