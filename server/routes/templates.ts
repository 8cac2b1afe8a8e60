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
import { Template } from '../../utils/schemas/templates';
import { callerOf } from '../plugins/auth';
import { listVisibleTemplates } from '../repositories/templates';
import { archiveLibraryTemplate, createLibraryTemplate, templateUsage, templateVersions, updateLibraryTemplate } from '../services/template-library';

const IdParams = z.strictObject({ id: z.uuid() });

/** The template library (issue 6): list, create, edit with version history, archive, usage for leads. */
export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/templates', { schema: { querystring: TemplateListQuery, response: { 200: TemplateList } } }, async (request) => {
    const caller = callerOf(request);
    return { templates: await listVisibleTemplates(app.db, caller.team.id, caller.agent.id, request.query.includeArchived === 'true') };
  });

  app.post('/v1/templates', { schema: { body: TemplateInput, response: { 201: TemplateSaved } } }, async (request, reply) =>
    reply.code(201).send(await createLibraryTemplate(app.db, callerOf(request), request.body)),
  );

  app.get(
    '/v1/templates/usage',
    { config: { access: 'lead' }, schema: { querystring: TemplateUsageQuery, response: { 200: TemplateUsageReport } } },
    async (request) => templateUsage(app.db, callerOf(request).team.id, Number(request.query.days ?? 30)),
  );

  app.put('/v1/templates/:id', { schema: { params: IdParams, body: TemplateUpdate, response: { 200: TemplateSaved } } }, async (request) =>
    updateLibraryTemplate(app.db, callerOf(request), request.params.id, request.body),
  );

  app.get('/v1/templates/:id/versions', { schema: { params: IdParams, response: { 200: TemplateVersionList } } }, async (request) =>
    templateVersions(app.db, callerOf(request), request.params.id),
  );

  app.post('/v1/templates/:id/archive', { schema: { params: IdParams, response: { 200: Template } } }, async (request) =>
    archiveLibraryTemplate(app.db, callerOf(request), request.params.id, true),
  );

  app.post('/v1/templates/:id/unarchive', { schema: { params: IdParams, response: { 200: Template } } }, async (request) =>
    archiveLibraryTemplate(app.db, callerOf(request), request.params.id, false),
  );
};
