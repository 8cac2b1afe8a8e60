import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../plugins/auth';
import { getSop, listSops, listSopVersions } from '../repositories/sops';
import { createSop, decideSopProposal, matchSops, pendingProposals, proposeSopChange, recordSopView, reviewSop, sopReport, updateSop } from '../services/sops';
import { notFound } from '../errors';
import { auditCommitted } from './audit';
import { serve } from './contract';
import { answerIdempotentWrite } from './idempotent-write';

/** SOPs: the lead's library and proposals, the panel's matching SOPs, views and proposals from agents. */
export const sopRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'sops.list', async (request) => ({ sops: await listSops(app.db, callerOf(request).team.id, request.query.includeArchived === 'true') }));

  serve(app, 'sops.create', async (request, reply) => {
    const saved = await createSop(app.db, callerOf(request), request.body);
    await auditCommitted(app, request, { action: 'sop.created', targetType: 'sop', targetId: saved.sop.id, details: { title: saved.sop.title, version: 1 } });
    return reply.code(201).send(saved);
  });

  serve(app, 'sops.update', async (request) => {
    const saved = await updateSop(app.db, callerOf(request), request.params.id, request.body);
    await auditCommitted(app, request, {
      action: 'sop.updated',
      targetType: 'sop',
      targetId: saved.sop.id,
      details: { title: saved.sop.title, version: saved.sop.version },
    });
    return saved;
  });

  serve(app, 'sops.review', async (request) => reviewSop(app.db, callerOf(request), request.params.id, request.body.expectedVersion));

  serve(app, 'sops.versions', async (request) => {
    const teamId = callerOf(request).team.id;
    if (!(await getSop(app.db, teamId, request.params.id))) throw notFound('SOP');
    return { versions: await listSopVersions(app.db, teamId, request.params.id) };
  });

  serve(app, 'sops.match', async (request) => matchSops(app.db, callerOf(request), request.body));

  serve(app, 'sops.view', async (request, reply) =>
    answerIdempotentWrite(request, reply, async () => {
      const { recorded } = await recordSopView(app.db, callerOf(request), request.params.id, request.body);
      // A second view of the same SOP on the same case that day is the same fact: answered as a replay.
      return { replayed: !recorded, result: { recorded } };
    }),
  );

  serve(app, 'sops.propose', async (request, reply) =>
    answerIdempotentWrite(request, reply, () => proposeSopChange(app.db, callerOf(request), request.params.id, request.body)),
  );

  serve(app, 'sops.proposals', async (request) => ({ proposals: await pendingProposals(app.db, callerOf(request).team.id, request.query.status) }));

  serve(app, 'sops.decide', async (request) => {
    const decided = await decideSopProposal(app.db, callerOf(request), request.params.id, request.body.decision);
    await auditCommitted(app, request, {
      action: decided.proposal.status === 'accepted' ? 'sop.proposal_accepted' : 'sop.proposal_rejected',
      targetType: 'sop',
      targetId: decided.sop.id,
      details: { proposalId: decided.proposal.id, version: decided.sop.version },
    });
    return decided;
  });

  serve(app, 'reports.sops', async (request) => sopReport(app.db, callerOf(request).team.id, request.query));
};
