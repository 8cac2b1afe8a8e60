import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../errors';
import { callerOf } from '../plugins/auth';
import { importDisputes, MAX_IMPORT_BYTES } from '../services/dispute-import';
import { serve } from './contract';

/**
 * POST /v1/disputes/import: a processor's dispute export as the raw CSV body (Content-Type text/csv).
 * Lead only: one file can create thousands of disputes.
 */
export const disputeImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(['text/csv', 'text/plain', 'application/csv'], { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  serve(
    app,
    'disputes.import',
    async (request) => {
      if (typeof request.body !== 'string')
        throw new HttpError('validation_failed', 'body: send the CSV file itself as the body, with Content-Type: text/csv.', 'headers.content-type');
      const { dryRun, format } = request.query;
      return importDisputes(app.db, callerOf(request), request.body, { dryRun: dryRun === 'true', ...(format ? { format } : {}) });
    },
    { bodyLimit: MAX_IMPORT_BYTES },
  );
};
