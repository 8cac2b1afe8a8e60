import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditAction } from '../../utils/schemas/audit';
import { callerOf } from '../plugins/auth';
import { auditCommitted } from './audit';
import { listVisibleTemplates } from '../repositories/templates';
import { archiveLibraryTemplate, createLibraryTemplate, templateUsage, templateVersions, updateLibraryTemplate } from '../services/template-library';
import { serve } from './contract';

/** The template library: list, create, edit with version history, archive, usage for leads. */
export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'templates.list', async (request) => {
    const caller = callerOf(request);
    return { templates: await listVisibleTemplates(app.db, caller.team.id, caller.agent.id, request.query.includeArchived === 'true') };
  });

  serve(app, 'templates.create', async (request, reply) => {
    const saved = await createLibraryTemplate(app.db, callerOf(request), request.body);
    await auditTemplate(request, 'template.created', saved.template);
    return reply.code(201).send(saved);
  });

  serve(app, 'templates.usage', async (request) => templateUsage(app.db, callerOf(request).team.id, Number(request.query.days ?? 30)));

  serve(app, 'templates.update', async (request) => {
    const saved = await updateLibraryTemplate(app.db, callerOf(request), request.params.id, request.body);
    await auditTemplate(request, 'template.updated', saved.template);
    return saved;
  });

  serve(app, 'templates.versions', async (request) => templateVersions(app.db, callerOf(request), request.params.id));

  serve(app, 'templates.archive', async (request) => {
    const template = await archiveLibraryTemplate(app.db, callerOf(request), request.params.id, true);
    await auditTemplate(request, 'template.archived', template);
    return template;
  });

  serve(app, 'templates.unarchive', async (request) => {
    const template = await archiveLibraryTemplate(app.db, callerOf(request), request.params.id, false);
    await auditTemplate(request, 'template.unarchived', template);
    return template;
  });

  /** Leads' changes to the team's library are audited; an agent's own templates are their own business. */
  async function auditTemplate(request: FastifyRequest, action: AuditAction, template: { id: string; title: string; version: number; scope: string }) {
    if (callerOf(request).agent.role !== 'lead') return;
    await auditCommitted(app, request, {
      action,
      targetType: 'template',
      targetId: template.id,
      details: { title: template.title, version: template.version, scope: template.scope },
    });
  }
};
