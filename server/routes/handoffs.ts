import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PersonalField } from '../../utils/schemas/handoffs';
import type { Database } from '../db/open';
import { HttpError, notFound } from '../errors';
import { callerOf } from '../plugins/auth';
import { recordAudit } from '../repositories/audit';
import {
  activeAgentsOf,
  ensureDefaultHandoffTeams,
  findHandoffTeam,
  handoffTimes,
  insertHandoffTeam,
  listHandoffsByOrder,
  listHandoffsToTeams,
  listHandoffTeams,
  setHandoffTeamMembers,
  softDeleteHandoffTeam,
  toHandoff,
  updateHandoffTeam,
} from '../repositories/handoffs';
import { answerHandoff, createHandoff, receiverHandoff, teamsOfCaller } from '../services/handoffs';
import { handoffReportRows, receiverViewsOf } from '../services/handoffs-view';
import { serve } from './contract';
import { answerIdempotentWrite } from './idempotent-write';

/** Members must be active agents (or receivers) of the lead's own team. */
async function checkMembers(db: Database, teamId: string, memberIds: string[]): Promise<void> {
  const known = await activeAgentsOf(db, teamId, memberIds);
  const index = memberIds.findIndex((id) => !known.has(id));
  if (index >= 0) throw new HttpError('validation_failed', 'This member is not an active agent of your team.', `body.memberIds.${index}`);
}

/** A stored team as the API answers it (whether it was deleted is not part of the answer). */
async function teamAnswer(db: Database, teamId: string, id: string) {
  const { deleted: _deleted, ...team } = (await findHandoffTeam(db, teamId, id))!;
  return team;
}

const nameTaken = () => new HttpError('conflict', 'Another internal team already has this name.', 'body.name');

/** Hand-offs to internal teams: the lead's teams, the agents' hand-offs, the receivers' inbox and answers, the report. */
export const handoffRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'handoffTeams.list', async (request) => {
    const teamId = callerOf(request).team.id;
    await ensureDefaultHandoffTeams(app.db, teamId);
    return { teams: await listHandoffTeams(app.db, teamId) };
  });

  serve(app, 'handoffTeams.create', async (request, reply) => {
    const caller = callerOf(request);
    const teamId = caller.team.id;
    const body = request.body;
    await ensureDefaultHandoffTeams(app.db, teamId);
    const id = await app.db.transaction(async (tx) => {
      await checkMembers(tx, teamId, body.memberIds);
      const created = await insertHandoffTeam(tx, teamId, body);
      if (!created) throw nameTaken();
      await setHandoffTeamMembers(tx, teamId, created, body.memberIds);
      await recordAudit(tx, {
        teamId,
        actorId: caller.agent.id,
        action: 'handoff_team.created',
        targetType: 'handoff_team',
        targetId: created,
        details: { name: body.name, allowedFields: body.allowedFields, pausesSla: body.pausesSla },
      });
      return created;
    });
    return reply.code(201).send(await teamAnswer(app.db, teamId, id));
  });

  serve(app, 'handoffTeams.update', async (request) => {
    const caller = callerOf(request);
    const teamId = caller.team.id;
    const body = request.body;
    await app.db.transaction(async (tx) => {
      const team = await findHandoffTeam(tx, teamId, request.params.id);
      if (!team) throw notFound('Hand-off team');
      if (body.memberIds) await checkMembers(tx, teamId, body.memberIds);
      if (!(await updateHandoffTeam(tx, teamId, team.id, body))) throw nameTaken();
      if (body.memberIds) await setHandoffTeamMembers(tx, teamId, team.id, body.memberIds);
      const details: Record<string, unknown> = { name: body.name ?? team.name };
      if (body.allowedFields) details.allowedFields = body.allowedFields satisfies PersonalField[];
      if (body.pausesSla !== undefined) details.pausesSla = body.pausesSla;
      if (body.memberIds) details.memberCount = body.memberIds.length;
      await recordAudit(tx, { teamId, actorId: caller.agent.id, action: 'handoff_team.updated', targetType: 'handoff_team', targetId: team.id, details });
    });
    return teamAnswer(app.db, teamId, request.params.id);
  });

  serve(app, 'handoffTeams.delete', async (request) => {
    const caller = callerOf(request);
    const teamId = caller.team.id;
    await app.db.transaction(async (tx) => {
      const team = await findHandoffTeam(tx, teamId, request.params.id);
      if (!team || !(await softDeleteHandoffTeam(tx, teamId, team.id, new Date()))) throw notFound('Hand-off team');
      await recordAudit(tx, {
        teamId,
        actorId: caller.agent.id,
        action: 'handoff_team.deleted',
        targetType: 'handoff_team',
        targetId: team.id,
        details: { name: team.name },
      });
    });
    return { deleted: true as const };
  });

  serve(app, 'handoffs.create', async (request, reply) => answerIdempotentWrite(request, reply, () => createHandoff(app.db, callerOf(request), request.body)));

  serve(app, 'handoffs.byOrder', async (request) => {
    const rows = await listHandoffsByOrder(app.db, callerOf(request).team.id, request.query.orderId);
    return { handoffs: rows.map(toHandoff) };
  });

  serve(app, 'handoffs.inbox', async (request) => {
    const caller = callerOf(request);
    const teamId = caller.team.id;
    const rows = await listHandoffsToTeams(app.db, teamId, await teamsOfCaller(app.db, caller));
    return { handoffs: await receiverViewsOf(app.db, teamId, rows) };
  });

  serve(app, 'handoffs.receiverGet', async (request) => receiverHandoff(app.db, callerOf(request), request.params.id));

  serve(app, 'handoffs.answer', async (request, reply) =>
    answerIdempotentWrite(request, reply, () => answerHandoff(app.db, callerOf(request), request.params.id, request.body)),
  );

  serve(app, 'handoffs.report', async (request) => {
    const from = new Date(request.query.from);
    const to = new Date(request.query.to);
    if (to <= from) throw new HttpError('validation_failed', 'The end of the period must come after its start.', 'query.to');
    const times = await handoffTimes(app.db, callerOf(request).team.id, from, to);
    return { rows: handoffReportRows(times, new Date()) };
  });
};
