import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../errors';
import { callerOf } from '../plugins/auth';
import { importDisputes, MAX_IMPORT_BYTES } from '../services/dispute-import';
import { importPayments, MAX_PAYMENT_BYTES } from '../services/payment-import';
import { serve } from './contract';

/**
 * The leads' CSV imports, each file as the raw body (Content-Type text/csv):
 * - POST /v1/disputes/import: a processor's dispute export (one file can create thousands of disputes);
 * - POST /v1/payments/import: the team's card payments, for Visa CE 3.0 (buyers' IP addresses, e-mails and
 *   addresses).
 */
export const csvImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    ['text/csv', 'text/plain', 'application/csv'],
    { parseAs: 'string', bodyLimit: Math.max(MAX_IMPORT_BYTES, MAX_PAYMENT_BYTES) },
    (_request, body, done) => done(null, body),
  );
  const csvOf = (body: unknown): string => {
    if (typeof body !== 'string')
      throw new HttpError('validation_failed', 'body: send the CSV file itself as the body, with Content-Type: text/csv.', 'headers.content-type');
    return body;
  };

  serve(
    app,
    'disputes.import',
    async (request) => {
      const { dryRun, format } = request.query;
      return importDisputes(app.db, callerOf(request), csvOf(request.body), { dryRun: dryRun === 'true', ...(format ? { format } : {}) });
    },
    { bodyLimit: MAX_IMPORT_BYTES },
  );

  serve(
    app,
    'payments.import',
    async (request) => {
      const { dryRun, format } = request.query;
      return importPayments(app.db, callerOf(request), csvOf(request.body), { dryRun: dryRun === 'true', ...(format ? { format } : {}) });
    },
    { bodyLimit: MAX_PAYMENT_BYTES },
  );
};
