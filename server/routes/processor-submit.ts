import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiKeyStatus, ProcessorName } from '../../utils/api-routes/processors';
import { HttpError } from '../errors';
import { callerOf } from '../plugins/auth';
import { recordAudit } from '../repositories/audit';
import { deleteProcessorApiKey, listApiKeyStatus, setProcessorApiKey } from '../repositories/processor-api-keys';
import { adyenDefenceView, submitDispute, type ProcessorTransports } from '../services/processor-submit';
import { serve } from './contract';
import { answerIdempotentWrite } from './idempotent-write';

/**
 * Submitting defences to the processors, off by default: a lead stores the team's API key (sealed, never
 * answered back), and agents or leads send a reviewed defence of their own team's dispute.
 */

const KEY_SHAPES: Record<ProcessorName, { re: RegExp; hint: string }> = {
  stripe: {
    re: /^(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,300}$/,
    hint: 'a Stripe secret key (sk_live_/sk_test_) or restricted key (rk_live_/rk_test_) with write access to disputes; a webhook secret (whsec_) or publishable key (pk_) cannot submit',
  },
  adyen: {
    re: /^[A-Za-z0-9+/=_.~-]{20,400}$/,
    hint: "an Adyen API key of an API credential with the dispute management role (Customer Area > Developers > API credentials); not the webhook's HMAC key",
  },
};

export const processorSubmitRoutes: FastifyPluginAsyncZod<{ transports?: ProcessorTransports }> = async (app, opts) => {
  const transports = opts.transports ?? {};

  const statusOf = async (teamId: string): Promise<ApiKeyStatus[]> => {
    const rows = await listApiKeyStatus(app.db, teamId);
    return (['stripe', 'adyen'] as const).map((processor) => {
      const row = rows.find((r) => r.processor === processor);
      return {
        processor,
        set: row !== undefined,
        setAt: row ? row.setAt.toISOString() : null,
        setBy: row?.setBy ?? null,
        environment: row?.environment ?? null,
        merchantAccount: row?.merchantAccount ?? null,
      };
    });
  };

  serve(app, 'processors.apiKeys', async (request) => ({ processors: await statusOf(callerOf(request).team.id) }));

  serve(app, 'processors.setApiKey', async (request) => {
    const caller = callerOf(request);
    const { processor } = request.params;
    const { apiKey, merchantAccount, environment } = request.body;
    const shape = KEY_SHAPES[processor];
    if (!shape.re.test(apiKey)) throw new HttpError('validation_failed', `body.apiKey: ${shape.hint}.`, 'body.apiKey');
    if (processor === 'stripe' && (merchantAccount !== undefined || environment !== undefined)) {
      const field = merchantAccount !== undefined ? 'merchantAccount' : 'environment';
      throw new HttpError('validation_failed', `body.${field}: only an Adyen key takes it (a Stripe key says itself whether it is live).`, `body.${field}`);
    }
    if (processor === 'adyen' && !merchantAccount) {
      throw new HttpError('validation_failed', 'body.merchantAccount: Adyen needs the merchant account the disputes belong to.', 'body.merchantAccount');
    }
    const env = processor === 'stripe' ? (apiKey.includes('_live_') ? 'live' : 'test') : (environment ?? 'test');
    await app.db.transaction(async (tx) => {
      await setProcessorApiKey(
        tx,
        app.secretBox,
        caller.team.id,
        processor,
        { apiKey, merchantAccount: merchantAccount ?? null, environment: env },
        caller.agent.id,
        new Date(),
      );
      await recordAudit(tx, {
        teamId: caller.team.id,
        actorId: caller.agent.id,
        action: 'processor_api_key.set',
        targetType: 'processor_api_key',
        details: { processor, environment: env },
      });
    });
    return (await statusOf(caller.team.id)).find((s) => s.processor === processor)!;
  });

  serve(app, 'processors.deleteApiKey', async (request) => {
    const caller = callerOf(request);
    const { processor } = request.params;
    await app.db.transaction(async (tx) => {
      if (await deleteProcessorApiKey(tx, caller.team.id, processor)) {
        await recordAudit(tx, {
          teamId: caller.team.id,
          actorId: caller.agent.id,
          action: 'processor_api_key.removed',
          targetType: 'processor_api_key',
          details: { processor },
        });
      }
    });
    return (await statusOf(caller.team.id)).find((s) => s.processor === processor)!;
  });

  serve(app, 'disputes.submit', async (request, reply) =>
    answerIdempotentWrite(request, reply, () => submitDispute(app.db, app.secretBox, transports, callerOf(request), request.params.id, request.body)),
  );

  /** Adyen's defence document and reasons for review (JSON); with a stored key the reasons are Adyen's answer. */
  serve(app, 'disputes.adyenDefence', async (request) => adyenDefenceView(app.db, app.secretBox, transports, callerOf(request), request.params.id));
};
