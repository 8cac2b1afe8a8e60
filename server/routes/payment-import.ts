import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../errors';
import { callerOf } from '../plugins/auth';
import { importPayments, MAX_PAYMENT_BYTES } from '../services/payment-import';
import { serve } from './contract';

/**
 * POST /v1/payments/import: the team's card payments export as the raw CSV body (Content-Type text/csv),
 * for Visa CE 3.0. Lead only: the file holds buyers' IP addresses, e-mails and addresses.
 */
export const paymentImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(['text/csv', 'text/plain', 'application/csv'], { parseAs: 'string', bodyLimit: MAX_PAYMENT_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  serve(
    app,
    'payments.import',
    async (request) => {
      if (typeof request.body !== 'string')
        throw new HttpError('validation_failed', 'body: send the CSV file itself as the body, with Content-Type: text/csv.', 'headers.content-type');
      const { dryRun, format } = request.query;
      return importPayments(app.db, callerOf(request), request.body, { dryRun: dryRun === 'true', ...(format ? { format } : {}) });
    },
    { bodyLimit: MAX_PAYMENT_BYTES },
  );
};
