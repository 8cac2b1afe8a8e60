import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_ATTACHMENT_BASE64 } from '../../utils/api-routes/disputes';
import { DefenceTemplate } from '../../utils/schemas/disputes';
import { HttpError, notFound } from '../errors';
import { callerOf } from '../plugins/auth';
import { getAttachment, saveDefenceTemplate } from '../repositories/disputes-files';
import { addAttachment, teamDefenceTemplate } from '../services/disputes-files';
import { requireDispute } from '../services/disputes';
import { serve } from './contract';

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so no byte of a stored name can break the header. */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^A-Za-z0-9._ -]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Attachments of disputes, and the team's defence templates (edits are lead-only). */
export const disputeFileRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(
    app,
    'disputes.attach',
    async (request, reply) => reply.code(201).send(await addAttachment(app.db, callerOf(request), request.params.id, request.body)),
    // Base64 of a 5 MB file is about 6.7 MB; the app-wide limit is 1 MB.
    { bodyLimit: MAX_ATTACHMENT_BASE64 + 16_384 },
  );

  serve(app, 'disputes.attachment', async (request, reply) => {
    const teamId = callerOf(request).team.id;
    await requireDispute(app.db, teamId, request.params.id);
    const file = await getAttachment(app.db, teamId, request.params.id, request.params.attachmentId);
    if (!file) throw notFound('Attachment');
    return reply
      .type(file.contentType)
      .header('content-disposition', contentDisposition(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(file.contentBase64, 'base64'));
  });

  serve(app, 'defenceTemplates.get', async (request) =>
    teamDefenceTemplate(app.db, callerOf(request).team.id, request.params.reason, request.query.language ?? 'en'),
  );

  serve(app, 'defenceTemplates.put', async (request) => {
    const caller = callerOf(request);
    const { reason } = request.params;
    const checked = DefenceTemplate.safeParse({ reason, ...request.body });
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = `body.${issue.path.join('.') || 'argument'}`;
      throw new HttpError('validation_failed', `${field}: ${issue.message}`, field);
    }
    const row = await saveDefenceTemplate(app.db, caller.team.id, {
      reason,
      language: request.body.language,
      title: request.body.title,
      argument: request.body.argument,
      updatedBy: caller.agent.id,
    });
    return { template: { reason, language: row.language, title: row.title, argument: row.argument, version: row.version }, isDefault: false };
  });
};
