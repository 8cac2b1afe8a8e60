import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../plugins/auth';
import { listAudit, recordAudit, type AuditRecord } from '../repositories/audit';
import { serve } from './contract';

/** GET /v1/audit: the team's audit log for leads, newest first, paged by `before=<nextCursor>`. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'audit.list', async (request) =>
    listAudit(app.db, callerOf(request).team.id, {
      limit: Number(request.query.limit ?? 50),
      before: request.query.before === undefined ? undefined : Number(request.query.before),
    }),
  );
};

/**
 * Records a change a service has already committed (the services of the matrix, policies, settings
 * and templates run their own transactions). A failure here is logged, never turned into an error for
 * a change that did happen.
 */
export async function auditCommitted(app: FastifyInstance, request: FastifyRequest, entry: Omit<AuditRecord, 'teamId' | 'actorId'>): Promise<void> {
  const caller = callerOf(request);
  try {
    await recordAudit(app.db, { ...entry, teamId: caller.team.id, actorId: caller.agent.id });
  } catch (err) {
    request.log.error({ err, action: entry.action }, 'could not write the audit log');
  }
}
