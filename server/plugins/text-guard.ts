import { findUnstorableText } from '../../utils/schemas/fields';
import { HttpError } from '../errors';
import fp from 'fastify-plugin';

/**
 * Refuses NUL characters and lone UTF-16 surrogates anywhere in a request's params, query or body, with
 * a 400 naming the field. PostgreSQL cannot store either (a NUL in a note used to answer 500, and the
 * extension's outbox retried it forever); checking every string here keeps each route schema simple.
 */
export const textGuardPlugin = fp(async (app) => {
  app.addHook('preValidation', async (request) => {
    const found = findUnstorableText(request.params, 'params') ?? findUnstorableText(request.query, 'querystring') ?? findUnstorableText(request.body, 'body');
    if (found) throw new HttpError('validation_failed', `${found.field}: ${found.problem}`, found.field);
  });
});
