import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError } from '../utils/schemas/api';

/** The stable error codes clients may branch on. */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  | 'invalid_matrix'
  | 'invalid_policies'
  | 'rate_limited'
  | 'unavailable'
  | 'processor_error'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // Someone saved a newer version first; details.current carries it.
  version_conflict: 409,
  // A lead's fraud matrix or SLA policy set failed its engine's checks; details.errors lists every problem.
  invalid_matrix: 400,
  invalid_policies: 400,
  rate_limited: 429,
  // Work abandoned at its deadline (a PDF, a back-test); retrying later may succeed.
  unavailable: 503,
  // A payment processor refused or could not be reached; the message carries its own words.
  processor_error: 502,
  internal: 500,
};

/** Throw this from routes and services; the error handler turns it into `ApiError` JSON. */
export class HttpError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Machine-readable detail for ApiError.error.details (a conflict's current version, a list of problems). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = STATUS[code];
  }
}

export const notFound = (what: string) => new HttpError('not_found', `${what} was not found.`);

function body(code: ErrorCode, message: string, field?: string, details?: unknown): ApiError {
  const error: ApiError['error'] = { code, message };
  if (field !== undefined) error.field = field;
  if (details !== undefined) error.details = details;
  return { error };
}

/**
 * What the log keeps of an unexpected error: its kind, codes and stack frames, and the first line of its
 * message. A failed query's message goes on with its parameters (a buyer's name, an address), and a
 * database error's detail quotes the row, so neither is logged.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const firstLine = (text: string) => text.split('\n')[0]!.slice(0, 300);
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 12)
    .join('\n');
  const cause = err.cause instanceof Error ? (err.cause as Error & { code?: unknown }) : undefined;
  const code = (err as { code?: unknown }).code;
  return {
    type: err.name,
    message: firstLine(err.message),
    ...(code !== undefined ? { code } : {}),
    // A database error quotes the offending value ('invalid input syntax for type uuid: "<value>"').
    ...(cause ? { cause: { type: cause.name, code: cause.code, message: firstLine(cause.message).replace(/"[^"]*"/g, '"…"') } } : {}),
    stack: frames,
  };
}

/** Every failure leaves as `{ error: { code, message, field? } }`; a stack trace never does. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send(body(err.code, err.message, err.field, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0]!;
      const where = err.validationContext ?? 'body';
      const rest = first.instancePath.split('/').filter(Boolean).join('.');
      const field = rest ? `${where}.${rest}` : where;
      return reply.code(400).send(body('validation_failed', `${field}: ${first.message}`, field));
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return reply.code(429).send(body('rate_limited', 'Too many requests; slow down and retry shortly.'));
    if (status === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(400).send(body('validation_failed', 'The request body must be JSON (Content-Type: application/json).', 'headers.content-type'));
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, body too large, ...): keep its message, it is safe.
      return reply.code(status === 413 ? 413 : 400).send(body('validation_failed', err.message, 'body'));
    }
    request.log.error({ err: loggableError(err) }, 'unhandled error');
    return reply.code(500).send(body('internal', 'Something went wrong on the server.'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
}
