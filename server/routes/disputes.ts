import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DisputeView } from '../../utils/api-routes/disputes';
import { callerOf } from '../plugins/auth';
import { listDisputes } from '../repositories/disputes';
import { decideAlertView, disputeFromPageView, disputeView, requireDispute, saveEvidence, setDisputeStatus } from '../services/disputes';
import { buildDisputeDefence, defencePdf } from '../services/disputes-files';
import { serve } from './contract';
import { disputeFileRoutes } from './disputes-files';

/** Content-Disposition for a generated file; the name is built by the backend, ASCII only. */
const attachmentHeader = (filename: string) => `attachment; filename="${filename}"`;

/** Disputes: from the page, list, view, evidence, status and outcome, defence documents. */
export const disputeRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(disputeFileRoutes);

  serve(app, 'disputes.fromPage', async (request, reply) => {
    const { view, created } = await disputeFromPageView(app.db, callerOf(request), request.body.context);
    return reply.code(created ? 201 : 200).send(view);
  });

  serve(app, 'disputes.list', async (request) => {
    const now = new Date();
    const q = request.query;
    const rows = await listDisputes(app.db, callerOf(request).team.id, {
      status: q.status,
      open: q.open === 'true',
      stage: q.stage,
      source: q.source,
      reasonGroup: q.reasonGroup,
    });
    return {
      disputes: rows.map((r) => ({
        id: r.id,
        externalId: r.externalId,
        kind: r.kind,
        orderId: r.orderId,
        reason: r.reason as DisputeView['dispute']['reason'],
        amount: { amountMinor: r.amountMinor, currency: r.currency },
        deadline: r.deadline.toISOString(),
        status: r.status,
        timeLeftMs: r.deadline.getTime() - now.getTime(),
        source: r.source,
        ...(r.stage ? { stage: r.stage } : {}),
        ...(r.reasonGroup ? { reasonGroup: r.reasonGroup } : {}),
        orderMatch: r.orderMatch,
      })),
    };
  });

  serve(app, 'disputes.get', async (request) => {
    const teamId = callerOf(request).team.id;
    return disputeView(app.db, teamId, await requireDispute(app.db, teamId, request.params.id), new Date());
  });

  serve(app, 'disputes.evidence', async (request) => saveEvidence(app.db, callerOf(request), request.params.id, request.params.key, request.body));

  serve(app, 'disputes.alertDecision', async (request) => decideAlertView(app.db, callerOf(request), request.params.id, request.body));

  serve(app, 'disputes.status', async (request) => setDisputeStatus(app.db, callerOf(request), request.params.id, request.body));

  serve(app, 'disputes.defencePdf', async (request, reply) => {
    const { bytes, filename } = await defencePdf(app.db, callerOf(request), request.params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', attachmentHeader(filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(Buffer.from(bytes));
  });

  /** The defence as data (text within maxLength, the full sections, and warnings for the agent). */
  serve(app, 'disputes.defence', async (request) => {
    const { defence } = await buildDisputeDefence(
      app.db,
      callerOf(request),
      request.params.id,
      request.query.maxLength ? { maxLength: request.query.maxLength } : {},
    );
    return defence;
  });

  serve(app, 'disputes.defenceText', async (request, reply) => {
    const { defence } = await buildDisputeDefence(
      app.db,
      callerOf(request),
      request.params.id,
      request.query.maxLength ? { maxLength: request.query.maxLength } : {},
    );
    return reply
      .type('text/plain; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .header('x-defence-truncated', String(defence.truncated))
      .send(defence.text);
  });
};
