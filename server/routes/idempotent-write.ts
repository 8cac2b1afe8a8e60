import type { FastifyReply } from 'fastify';
import { checkHeaderKey } from '../services/idempotent-event';

/**
 * The shared shape of every replay-safe write route: header and body keys must agree; the first write
 * answers 201, a replay 200 with the same body and `Idempotent-Replayed: true`.
 */
export async function answerIdempotentWrite<T>(
  request: { headers: { 'idempotency-key'?: string | string[] | undefined }; body: { idempotencyKey: string } },
  reply: FastifyReply,
  write: () => Promise<{ replayed: boolean; result: T }>,
) {
  const header = request.headers['idempotency-key'];
  checkHeaderKey(Array.isArray(header) ? header.join(',') : header, request.body.idempotencyKey);
  const outcome = await write();
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(outcome.replayed ? 200 : 201).send(outcome.result);
}
