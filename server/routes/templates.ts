import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  TemplateInput,
  TemplateList,
  TemplateListQuery,
  TemplateSaved,
  TemplateUpdate,
  TemplateUsageQuery,
  TemplateUsageReport,
  TemplateVersionList,
} from '../../utils/schemas/admin';
import type { AuditAction } from '../../utils/schemas/audit';
import { Template } from '../../utils/schemas/templates';
import { callerOf } from '../plugins/auth';
import { auditCommitted } from './audit';
import { listVisibleTemplates } from '../repositories/templates';
import { archiveLibraryTemplate, createLibraryTemplate, templateUsage, templateVersions, updateLibraryTemplate } from '../services/template-library';

const IdParams = z.strictObject({ id: z.uuid() });

/** The template library: list, create, edit with version history, archive, usage for leads. */
export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/templates', { schema: { querystring: TemplateListQuery, response: { 200: TemplateList } } }, async (request) => {
    const caller = callerOf(request);
    return { templates: await listVisibleTemplates(app.db, caller.team.id, caller.agent.id, request.query.includeArchived === 'true') };
  });

  app.post('/v1/templates', { schema: { body: TemplateInput, response: { 201: TemplateSaved } } }, async (request, reply) => {
    const saved = await createLibraryTemplate(app.db, callerOf(request), request.body);
    await auditTemplate(request, 'template.created', saved.template);
    return reply.code(201).send(saved);
  });

  app.get(
    '/v1/templates/usage',
    { config: { access: 'lead' }, schema: { querystring: TemplateUsageQuery, response: { 200: TemplateUsageReport } } },
    async (request) => templateUsage(app.db, callerOf(request).team.id, Number(request.query.days ?? 30)),
  );

  app.put('/v1/templates/:id', { schema: { params: IdParams, body: TemplateUpdate, response: { 200: TemplateSaved } } }, async (request) => {
    const saved = await updateLibraryTemplate(app.db, callerOf(request), request.params.id, request.body);
    await auditTemplate(request, 'template.updated', saved.template);
    return saved;
  });

  app.get('/v1/templates/:id/versions', { schema: { params: IdParams, response: { 200: TemplateVersionList } } }, async (request) =>
    templateVersions(app.db, callerOf(request), request.params.id),
  );

  app.post('/v1/templates/:id/archive', { schema: { params: IdParams, response: { 200: Template } } }, async (request) => {
    const template = await archiveLibraryTemplate(app.db, callerOf(request), request.params.id, true);
    await auditTemplate(request, 'template.archived', template);
    return template;
  });

  app.post('/v1/templates/:id/unarchive', { schema: { params: IdParams, response: { 200: Template } } }, async (request) => {
    const template = await archiveLibraryTemplate(app.db, callerOf(request), request.params.id, false);
    await auditTemplate(request, 'template.unarchived', template);
    return template;
  });

  /** Leads' changes to the team's library are audited; an agent's own templates are their own business. */
  async function auditTemplate(request: FastifyRequest, action: AuditAction, template: { id: string; title: string; version: number; scope: string }) {
    if (callerOf(request).agent.role !== 'lead') return;
    await auditCommitted(app, request, { action, targetType: 'template', targetId: template.id, details: { title: template.title, version: template.version, scope: template.scope } });
  }
};
