import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../errors';
import { callerOf } from '../plugins/auth';
import { serve } from './contract';
import { answerIdempotentWrite } from './idempotent-write';
import { getCase, listCasesByOrder } from '../repositories/cases';
import { listEventsByCase } from '../repositories/events';
import { addNote, recordDecision } from '../services/case-writes';
import { changeCaseStatus } from '../services/case-status';
import { handleOf } from '../db/open';
import { loadPanel } from '../services/panel';
import { panelBookkeeping } from '../services/panel-bookkeeping';
import { teamConfigCache } from '../services/team-config-cache';

/** The panel, case lookups and the two idempotent writes (notes, decisions). */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  // The bench's per-request breakdown of the panel (server/profile.ts); never set in production.
  if (process.env.CASESIDE_PROFILE_FILE) (await import('../profile')).installProfile(app, process.env.CASESIDE_PROFILE_FILE);
  // The panel's in-memory team configuration listens for changes before it caches anything; its
  // batched bookkeeping is written out when the server closes.
  const config = teamConfigCache(app.db, handleOf(app.db).listen);
  await config.start();
  const book = panelBookkeeping(app.db, (err) => app.log.error({ err }, 'panel bookkeeping flush failed'));
  app.addHook('onClose', async () => {
    await book.close().catch((err: unknown) => app.log.error({ err }, 'panel bookkeeping flush failed on close'));
    await config.stop();
  });

  serve(app, 'panel.load', async (request) => loadPanel(app.db, callerOf(request), request.body.context));

  serve(app, 'cases.byOrder', async (request) => ({ cases: await listCasesByOrder(app.db, callerOf(request).team.id, request.query.orderId) }));

  serve(app, 'cases.events', async (request) => {
    const teamId = callerOf(request).team.id;
    const found = await getCase(app.db, teamId, request.params.id);
    if (!found) throw notFound('Case');
    return { events: await listEventsByCase(app.db, teamId, found.id) };
  });

  serve(app, 'notes.add', async (request, reply) => answerIdempotentWrite(request, reply, () => addNote(app.db, callerOf(request), request.body)));

  serve(app, 'decisions.record', async (request, reply) =>
    answerIdempotentWrite(request, reply, () => recordDecision(app.db, callerOf(request), request.body)),
  );

  serve(app, 'cases.status', async (request, reply) =>
    answerIdempotentWrite(request, reply, () => changeCaseStatus(app.db, callerOf(request), request.params.id, request.body)),
  );
};
