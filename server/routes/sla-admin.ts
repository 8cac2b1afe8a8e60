import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SlaActionBody, SlaActionResult, SlaPoliciesPut, SlaPoliciesSaved, SlaPoliciesView } from '../../utils/schemas/admin';
import { callerOf } from '../plugins/auth';
import { auditCommitted } from './audit';
import { answerIdempotentWrite, IdempotencyHeaders } from './idempotent-write';
import { applySlaAction } from '../services/sla-actions';
import { getSlaPoliciesView, saveSlaPolicies } from '../services/team-config';

/** SLA policies (leads change them, versioned) and agents' pause / resume / no-response-needed on a case. */
export const slaAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/sla/policies', { schema: { response: { 200: SlaPoliciesView } } }, async (request) => getSlaPoliciesView(app.db, callerOf(request).team.id));

  app.put('/v1/sla/policies', { config: { access: 'lead' }, schema: { body: SlaPoliciesPut, response: { 200: SlaPoliciesSaved } } }, async (request) => {
    const saved = await saveSlaPolicies(app.db, callerOf(request), request.body);
    const details = { version: saved.version, recomputedCases: saved.recomputedCases };
    await auditCommitted(app, request, { action: 'sla_policies.saved', targetType: 'sla_policies', targetId: String(saved.version), details });
    return saved;
  });

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
    async (request, reply) => answerIdempotentWrite(request, reply, () => applySlaAction(app.db, callerOf(request), request.params.id, request.body)),
  );
};
