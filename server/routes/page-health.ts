import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../plugins/auth';
import { listPageHealth } from '../repositories/page-health';
import { flushPanelBookkeeping } from '../services/panel-bookkeeping';
import { serve } from './contract';

/** Which portal pages the team's extensions could not fully read lately: a redesign is noticed the same day. */
export const pageHealthRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'pageHealth.list', async (request) => {
    const days = request.query.days ?? 7;
    // Pages this instance noted and has not written yet are counted too.
    await flushPanelBookkeeping(app.db);
    return { items: await listPageHealth(app.db, callerOf(request).team.id, new Date(Date.now() - days * 86_400_000)) };
  });
};
