import { hmacValidator } from '@adyen/api-library';
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import Stripe from 'stripe';
import type { z } from 'zod';
import {
  ADYEN_DISPUTE_EVENTS,
  AdyenNotification,
  AdyenNotificationItem,
  fromAdyenItem,
  readStripeEvent,
  StripeEvent,
  type ProcessorDisputeEvent,
} from '../../utils/disputes/processor-events';
import type { WebhookAnswer } from '../../utils/api-routes/processors';
import { findUnstorableText } from '../../utils/schemas/fields';
import { HttpError } from '../errors';
import { getProcessorSecret, type Processor } from '../repositories/processor-disputes';
import { SecretBoxError } from '../secrets/secret-box';
import { applyProcessorEvent } from '../services/processor-disputes';
import { serve } from './contract';

/**
 * Webhooks from payment processors: public routes (the processor has no token), each verified with the
 * processor's own package against the signing secret the team's lead stored. A bad or missing signature
 * answers 400 and stores nothing. A verified event of a type this backend does not handle answers 2xx
 * and is logged but not stored: processors retry every non-2xx answer for days, and a merchant's
 * endpoint often receives every event type, so refusing them would only cause endless retries.
 */

/** Dispute notifications are small; anything bigger is not one (Stripe's events stay well under this). */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** The request body exactly as received, on the routes that verify a signature over it. */
    rawBody?: Buffer;
  }
}

/** Verifies with the package's own code; the key is only needed for API calls, which this never makes. */
const stripe = new Stripe('sk_unused_webhook_verification_only');
const adyenHmac = new hmacValidator();

function refuse(log: FastifyBaseLogger, processor: string, teamId: string, why: string, field: string): never {
  log.warn({ processor, teamId, why }, `${processor} webhook refused: ${why}`);
  throw new HttpError('validation_failed', why, field);
}

function ignored(log: FastifyBaseLogger, processor: string, teamId: string, eventType: string): WebhookAnswer {
  log.info({ processor, teamId, eventType }, `${processor} webhook: event type ${eventType.slice(0, 100)} is not a dispute event; accepted and ignored`);
  return { received: true, outcome: 'ignored', disputeId: null };
}

/** A processor payload the database could not store (NUL characters) is refused before any write. */
function checkStorable(log: FastifyBaseLogger, processor: string, teamId: string, value: unknown): void {
  const found = findUnstorableText(value, 'body');
  if (found) refuse(log, processor, teamId, `${found.field}: ${found.problem}`, found.field);
}

function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0]!;
  const field = ['body', ...issue.path.map(String)].join('.');
  return { field, message: `${field}: ${issue.message}` };
}

export const processorWebhookRoutes: FastifyPluginAsyncZod = async (app) => {
  // Stripe signs the exact bytes it sent: in this plugin only, JSON bodies are kept raw (parsing them
  // first and serialising again would change the bytes and fail every signature).
  app.removeContentTypeParser('application/json');

  /**
   * The team's signing secret, opened. One this server cannot open (sealed with another key) answers 503:
   * the processor retries the event later, so nothing is lost while the hosts' keys are put right.
   */
  const storedSecret = async (teamId: string, processor: Processor, log: FastifyBaseLogger): Promise<string | undefined> => {
    try {
      return await getProcessorSecret(app.db, app.secretBox, teamId, processor);
    } catch (err) {
      if (!(err instanceof SecretBoxError)) throw err;
      log.error({ processor, teamId, reason: err.reason }, `${processor} webhook: the signing secret cannot be opened: ${err.message}`);
      throw new HttpError(
        'unavailable',
        `The ${processor} signing secret stored for this endpoint cannot be read by this server; the event was not stored and will be accepted when the processor retries after the team's lead fixes it.`,
      );
    }
  };
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (request, body, done) => {
    request.rawBody = body as Buffer;
    // The raw bytes stay off request.body, so the request-wide text checks never walk a Buffer byte by byte.
    done(null, {});
  });

  serve(
    app,
    'webhooks.stripe',
    async (request) => {
      const { teamId } = request.params;
      const log = request.log;
      const signature = request.headers['stripe-signature'];
      if (typeof signature !== 'string' || signature === '')
        refuse(log, 'stripe', teamId, 'The Stripe-Signature header is missing.', 'headers.stripe-signature');
      const raw = request.rawBody;
      if (!raw || raw.length === 0) refuse(log, 'stripe', teamId, 'The body is empty; Stripe sends the event as JSON.', 'body');
      const secret = await storedSecret(teamId, 'stripe', log);
      // Unknown team and team without a secret read alike, so the answer does not tell which teams exist.
      if (!secret)
        refuse(
          log,
          'stripe',
          teamId,
          'No Stripe signing secret is set for this endpoint; a team lead sets it under PUT /v1/processors/stripe/secret.',
          'params.teamId',
        );
      let verified: unknown;
      try {
        verified = stripe.webhooks.constructEvent(raw, signature, secret);
      } catch (err) {
        const detail = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : 'verification failed';
        refuse(log, 'stripe', teamId, `The Stripe signature does not verify with this team's signing secret (${detail}).`, 'headers.stripe-signature');
      }
      const parsed = StripeEvent.safeParse(verified);
      if (!parsed.success) {
        const issue = firstIssue(parsed.error);
        refuse(log, 'stripe', teamId, issue.message, issue.field);
      }
      checkStorable(log, 'stripe', teamId, parsed.data);
      const read = readStripeEvent(parsed.data);
      if (read.kind === 'ignored') return ignored(log, 'stripe', teamId, parsed.data.type);
      if (read.kind === 'invalid') {
        const issue = firstIssue(read.error);
        refuse(log, 'stripe', teamId, issue.message.replace(/^body\./, 'body.data.object.'), issue.field.replace(/^body/, 'body.data.object'));
      }
      return answer(log, 'stripe', teamId, read.event, parsed.data.type);
    },
    { bodyLimit: WEBHOOK_BODY_LIMIT },
  );

  async function answer(log: FastifyBaseLogger, processor: string, teamId: string, event: ProcessorDisputeEvent, type: string): Promise<WebhookAnswer> {
    const result = await applyProcessorEvent(app.db, teamId, event, type);
    log.info(
      { processor, teamId, eventId: event.eventId, type, outcome: result.outcome, disputeId: result.disputeId },
      `${processor} webhook: ${type} ${result.outcome}`,
    );
    return { received: true, outcome: result.outcome, disputeId: result.disputeId };
  }

  /**
   * Adyen: signed per notification item (HMAC over its fields, in additionalData.hmacSignature), not
   * over the body. Every item of a batch is verified before any is applied; Adyen wants "[accepted]".
   */
  serve(
    app,
    'webhooks.adyen',
    async (request, reply) => {
      const { teamId } = request.params;
      const log = request.log;
      const raw = request.rawBody;
      if (!raw || raw.length === 0) refuse(log, 'adyen', teamId, 'The body is empty; Adyen sends notifications as JSON.', 'body');
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        refuse(log, 'adyen', teamId, 'The body is not valid JSON.', 'body');
      }
      const body = AdyenNotification.safeParse(json);
      if (!body.success) {
        const issue = firstIssue(body.error);
        refuse(log, 'adyen', teamId, issue.message, issue.field);
      }
      const items: AdyenNotificationItem[] = [];
      for (const [i, wrapper] of body.data.notificationItems.entries()) {
        const item = AdyenNotificationItem.safeParse(wrapper.NotificationRequestItem);
        if (!item.success) {
          const issue = firstIssue(item.error);
          const field = issue.field.replace(/^body/, `body.notificationItems.${i}.NotificationRequestItem`);
          refuse(log, 'adyen', teamId, `${field}: ${item.error.issues[0]!.message}`, field);
        }
        items.push(item.data);
      }
      const key = await storedSecret(teamId, 'adyen', log);
      if (!key)
        refuse(log, 'adyen', teamId, 'No Adyen HMAC key is set for this endpoint; a team lead sets it under PUT /v1/processors/adyen/secret.', 'params.teamId');
      for (const [i, item] of items.entries()) {
        const field = `body.notificationItems.${i}.NotificationRequestItem.additionalData.hmacSignature`;
        if (!item.additionalData?.['hmacSignature']) refuse(log, 'adyen', teamId, `${field} is missing.`, field);
        let valid = false;
        try {
          valid = adyenHmac.validateHMAC(item as Parameters<typeof adyenHmac.validateHMAC>[0], key);
        } catch {
          valid = false;
        }
        if (!valid) refuse(log, 'adyen', teamId, `${field} does not verify with this team's HMAC key.`, field);
      }
      checkStorable(log, 'adyen', teamId, items);
      const now = new Date();
      for (const item of items) {
        const event = ADYEN_DISPUTE_EVENTS[item.eventCode] ? fromAdyenItem(item, now) : undefined;
        if (!event) ignored(log, 'adyen', teamId, item.eventCode);
        else await answer(log, 'adyen', teamId, event, item.eventCode);
      }
      return reply.type('text/plain; charset=utf-8').send('[accepted]');
    },
    { bodyLimit: WEBHOOK_BODY_LIMIT },
  );
};
