import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DisputeFromPageBody, DisputeList, DisputeListQuery, DisputeView, EvidenceBody, StatusBody } from '../../utils/api-routes/disputes';
import { Defence, EvidenceKey } from '../../utils/schemas/disputes';
import { callerOf } from '../plugins/auth';
import { listDisputes } from '../repositories/disputes';
import { disputeFromPageView, disputeView, requireDispute, saveEvidence, setDisputeStatus } from '../services/disputes';
import { buildDisputeDefence, defencePdf } from '../services/disputes-files';
import { disputeFileRoutes } from './disputes-files';

const IdParams = z.strictObject({ id: z.uuid() });
const DefenceQuery = z.strictObject({ maxLength: z.coerce.number().int().min(200).max(20_000).optional() });

/** Content-Disposition for a generated file; the name is built by the backend, ASCII only. */
const attachmentHeader = (filename: string) => `attachment; filename="${filename}"`;

/** Disputes: from the page, list, view, evidence, status and outcome, defence documents. */
export const disputeRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(disputeFileRoutes);

  app.post('/v1/disputes/from-page', { schema: { body: DisputeFromPageBody, response: { 200: DisputeView, 201: DisputeView } } }, async (request, reply) => {
    const { view, created } = await disputeFromPageView(app.db, callerOf(request), request.body.context);
    return reply.code(created ? 201 : 200).send(view);
  });

  app.get('/v1/disputes', { schema: { querystring: DisputeListQuery, response: { 200: DisputeList } } }, async (request) => {
    const now = new Date();
    const rows = await listDisputes(app.db, callerOf(request).team.id, request.query.status);
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

  app.get('/v1/disputes/:id', { schema: { params: IdParams, response: { 200: DisputeView } } }, async (request) => {
    const teamId = callerOf(request).team.id;
    return disputeView(app.db, teamId, await requireDispute(app.db, teamId, request.params.id), new Date());
  });

  app.put(
    '/v1/disputes/:id/evidence/:key',
    { schema: { params: z.strictObject({ id: z.uuid(), key: EvidenceKey.max(60) }), body: EvidenceBody, response: { 200: DisputeView } } },
    async (request) => saveEvidence(app.db, callerOf(request), request.params.id, request.params.key, request.body),
  );

  app.post('/v1/disputes/:id/status', { schema: { params: IdParams, body: StatusBody, response: { 200: DisputeView } } }, async (request) =>
    setDisputeStatus(app.db, callerOf(request), request.params.id, request.body),
  );

  app.get('/v1/disputes/:id/defence.pdf', { schema: { params: IdParams } }, async (request, reply) => {
    const { bytes, filename } = await defencePdf(app.db, callerOf(request), request.params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', attachmentHeader(filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(Buffer.from(bytes));
  });

  /** The defence as data (text within maxLength, the full sections, and warnings for the agent). */
  app.get('/v1/disputes/:id/defence', { schema: { params: IdParams, querystring: DefenceQuery, response: { 200: Defence } } }, async (request) => {
    const { defence } = await buildDisputeDefence(app.db, callerOf(request), request.params.id, request.query.maxLength ? { maxLength: request.query.maxLength } : {});
    return defence;
  });

  app.get(
    '/v1/disputes/:id/defence.txt',
    { schema: { params: IdParams, querystring: DefenceQuery } },
    async (request, reply) => {
      const { defence } = await buildDisputeDefence(app.db, callerOf(request), request.params.id, request.query.maxLength ? { maxLength: request.query.maxLength } : {});
      return reply
        .type('text/plain; charset=utf-8')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .header('x-defence-truncated', String(defence.truncated))
        .send(defence.text);
    },
  );
};
