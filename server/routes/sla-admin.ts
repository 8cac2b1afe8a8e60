import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../plugins/auth';
import { auditCommitted } from './audit';
import { serve } from './contract';
import { answerIdempotentWrite } from './idempotent-write';
import { applySlaAction } from '../services/sla-actions';
import { getSlaPoliciesView, saveSlaPolicies } from '../services/team-config';

/** SLA policies (leads change them, versioned) and agents' pause / resume / no-response-needed on a case. */
export const slaAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'sla.policies.get', async (request) => getSlaPoliciesView(app.db, callerOf(request).team.id));

  serve(app, 'sla.policies.put', async (request) => {
    const saved = await saveSlaPolicies(app.db, callerOf(request), request.body);
    const details = { version: saved.version, recomputedCases: saved.recomputedCases };
    await auditCommitted(app, request, { action: 'sla_policies.saved', targetType: 'sla_policies', targetId: String(saved.version), details });
    return saved;
  });

  serve(app, 'cases.sla', async (request, reply) =>
    answerIdempotentWrite(request, reply, () => applySlaAction(app.db, callerOf(request), request.params.id, request.body)),
  );
};
