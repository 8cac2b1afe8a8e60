import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { routePath } from '../../utils/api-routes';
import type { ProcessorName, SecretStatus } from '../../utils/api-routes/processors';
import { ADYEN_DISPUTE_EVENTS, STRIPE_EVENT_TYPES } from '../../utils/disputes/processor-events';
import { HttpError } from '../errors';
import { callerOf } from '../plugins/auth';
import { recordAudit } from '../repositories/audit';
import { deleteProcessorSecret, getProcessorSecret, listSecretStatus, setProcessorSecret, type Processor } from '../repositories/processor-disputes';
import { SecretBoxError } from '../secrets/secret-box';
import { disputeView } from '../services/disputes';
import { stripeEvidenceFor } from '../services/processor-evidence';
import { linkDisputeToOrder } from '../services/processor-disputes';
import { serve } from './contract';

/**
 * The lead's side of the processor webhooks: set, rotate and remove the signing secrets (answers say
 * only whether and when one is set, never the secret), and linking a processor dispute to its order.
 */

const EVENTS: Record<ProcessorName, string[]> = { stripe: [...STRIPE_EVENT_TYPES], adyen: Object.keys(ADYEN_DISPUTE_EVENTS) };

/** What each processor's secret looks like, so a pasted API key or a truncated secret is refused at once. */
const SECRET_SHAPES: Record<ProcessorName, { re: RegExp; hint: string }> = {
  stripe: {
    re: /^whsec_[A-Za-z0-9+/=_-]{8,200}$/,
    hint: 'a Stripe endpoint signing secret starts with whsec_ (Dashboard > Developers > Webhooks > the endpoint > Signing secret); it is not an API key',
  },
  adyen: {
    re: /^(?:[0-9A-Fa-f]{2}){16,128}$/,
    hint: 'an Adyen HMAC key is hexadecimal, 64 characters as Adyen generates it (Customer Area > Developers > Webhooks > the webhook > HMAC key)',
  },
};

export const processorAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const statusOf = async (teamId: string): Promise<SecretStatus[]> => {
    const set = await listSecretStatus(app.db, teamId);
    const readable = async (processor: Processor) => {
      try {
        return (await getProcessorSecret(app.db, app.secretBox, teamId, processor)) !== undefined;
      } catch (err) {
        if (err instanceof SecretBoxError) return false;
        throw err;
      }
    };
    return Promise.all(
      (['stripe', 'adyen'] as const).map(async (processor) => {
        const row = set.find((s) => s.processor === processor);
        return {
          processor,
          set: row !== undefined,
          readable: row === undefined ? null : await readable(processor),
          setAt: row ? row.setAt.toISOString() : null,
          setBy: row?.setBy ?? null,
          webhookPath: routePath(processor === 'stripe' ? 'webhooks.stripe' : 'webhooks.adyen', { teamId }),
          events: EVENTS[processor],
        };
      }),
    );
  };

  serve(app, 'processors.secrets', async (request) => ({
    processors: await statusOf(callerOf(request).team.id),
  }));

  serve(app, 'processors.setSecret', async (request) => {
    const caller = callerOf(request);
    const { processor } = request.params;
    const shape = SECRET_SHAPES[processor];
    if (!shape.re.test(request.body.secret)) throw new HttpError('validation_failed', `body.secret: ${shape.hint}.`, 'body.secret');
    const now = new Date();
    await app.db.transaction(async (tx) => {
      await setProcessorSecret(tx, app.secretBox, caller.team.id, processor, request.body.secret, caller.agent.id, now);
      // The log names the processor only; the secret is never written anywhere but its own table.
      await recordAudit(tx, {
        teamId: caller.team.id,
        actorId: caller.agent.id,
        action: 'processor_secret.set',
        targetType: 'processor_secret',
        details: { processor },
      });
    });
    return (await statusOf(caller.team.id)).find((s) => s.processor === processor)!;
  });

  serve(app, 'processors.deleteSecret', async (request) => {
    const caller = callerOf(request);
    const { processor } = request.params;
    await app.db.transaction(async (tx) => {
      if (await deleteProcessorSecret(tx, caller.team.id, processor)) {
        await recordAudit(tx, {
          teamId: caller.team.id,
          actorId: caller.agent.id,
          action: 'processor_secret.removed',
          targetType: 'processor_secret',
          details: { processor },
        });
      }
    });
    return (await statusOf(caller.team.id)).find((s) => s.processor === processor)!;
  });

  serve(app, 'disputes.linkOrder', async (request) => {
    const caller = callerOf(request);
    const row = await linkDisputeToOrder(app.db, caller, request.params.id, request.body.orderId);
    return disputeView(app.db, caller.team.id, row, new Date());
  });

  /** The Stripe evidence body for review (JSON); the backend never sends it to Stripe. */
  serve(app, 'disputes.stripeEvidence', async (request) => stripeEvidenceFor(app.db, callerOf(request).team.id, request.params.id));
};
