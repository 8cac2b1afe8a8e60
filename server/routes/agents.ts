import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError, notFound } from '../errors';
import { callerOf } from '../plugins/auth';
import { countOtherActiveLeads, createAgent, getAgent, listAgents, setAgentActive } from '../repositories/agents';
import { recordAudit } from '../repositories/audit';
import { insertToken, listTokens, revokeToken } from '../repositories/tokens';
import { announceSessionEnd } from '../services/sessions';
import { serve } from './contract';

/** Team administration: leads manage agents and their API tokens. Every change is written to the audit log. */
export const agentRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'agents.list', async (request) => ({
    agents: await listAgents(app.db, callerOf(request).team.id),
  }));

  serve(app, 'agents.create', async (request, reply) => {
    const caller = callerOf(request);
    const teamId = caller.team.id;
    const created = await app.db.transaction(async (tx) => {
      const agent = await createAgent(tx, teamId, request.body);
      const token = await insertToken(tx, { teamId, agentId: agent.id, label: 'first token' });
      await recordAudit(tx, {
        teamId,
        actorId: caller.agent.id,
        action: 'agent.created',
        targetType: 'agent',
        targetId: agent.id,
        details: { name: agent.name, role: agent.role },
      });
      await recordAudit(tx, {
        teamId,
        actorId: caller.agent.id,
        action: 'token.created',
        targetType: 'token',
        targetId: token.info.id,
        details: { agentId: agent.id, label: token.info.label },
      });
      return { agent, token };
    });
    return reply.code(201).send(created);
  });

  // Deactivating ends every session of the agent at once: their tokens answer 401 and their live streams close.
  serve(app, 'agents.update', async (request) => {
    const caller = callerOf(request);
    const teamId = caller.team.id;
    const { active } = request.body;
    return app.db.transaction(async (tx) => {
      const before = await getAgent(tx, teamId, request.params.id);
      if (!before) throw notFound('Agent');
      if (!active && before.role === 'lead' && (await countOtherActiveLeads(tx, teamId, before.id)) === 0) {
        throw new HttpError('conflict', "This is the team's last active lead; make another lead first.", 'body.active');
      }
      const agent = (await setAgentActive(tx, teamId, before.id, active))!;
      if (before.active !== agent.active) {
        await recordAudit(tx, {
          teamId,
          actorId: caller.agent.id,
          action: active ? 'agent.reactivated' : 'agent.deactivated',
          targetType: 'agent',
          targetId: agent.id,
          details: { name: agent.name },
        });
        // Delivered at commit, to every instance.
        if (!active) await announceSessionEnd(tx, { teamId, agentId: agent.id, reason: 'deactivated' });
      }
      return agent;
    });
  });

  serve(app, 'tokens.create', async (request, reply) => {
    const caller = callerOf(request);
    const teamId = caller.team.id;
    const expiresAt = request.body?.expiresAt === undefined ? undefined : new Date(request.body.expiresAt);
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw new HttpError('validation_failed', 'body.expiresAt: must lie in the future.', 'body.expiresAt');
    const token = await app.db.transaction(async (tx) => {
      const agent = await getAgent(tx, teamId, request.params.id);
      if (!agent) throw notFound('Agent');
      const created = await insertToken(tx, { teamId, agentId: agent.id, label: request.body?.label ?? 'extension', expiresAt });
      const details = { agentId: agent.id, label: created.info.label, expiresAt: created.info.expiresAt ?? null };
      await recordAudit(tx, { teamId, actorId: caller.agent.id, action: 'token.created', targetType: 'token', targetId: created.info.id, details });
      return created;
    });
    return reply.code(201).send(token);
  });

  serve(app, 'tokens.list', async (request) => {
    const teamId = callerOf(request).team.id;
    const agent = await getAgent(app.db, teamId, request.params.id);
    if (!agent) throw notFound('Agent');
    return { tokens: await listTokens(app.db, teamId, agent.id) };
  });

  serve(app, 'tokens.revoke', async (request) => {
    const caller = callerOf(request);
    const teamId = caller.team.id;
    return app.db.transaction(async (tx) => {
      const { token, changed } = await revokeToken(tx, teamId, request.params.id);
      if (!token) throw notFound('Token');
      if (changed) {
        await recordAudit(tx, {
          teamId,
          actorId: caller.agent.id,
          action: 'token.revoked',
          targetType: 'token',
          targetId: token.id,
          details: { agentId: token.agentId, label: token.label },
        });
        await announceSessionEnd(tx, { teamId, tokenId: token.id, reason: 'revoked' });
      }
      return token;
    });
  });
};
