import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgentList, ApiTokenInfo, CreateAgentBody, CreatedAgent, CreatedToken, CreateTokenBody, TokenList } from '../../utils/schemas/api';
import { notFound } from '../errors';
import { callerOf } from '../plugins/auth';
import { createAgent, getAgent, listAgents } from '../repositories/agents';
import { insertToken, listTokens, revokeToken } from '../repositories/tokens';

const IdParams = z.strictObject({ id: z.uuid() });

/** Team administration: leads manage agents and their API tokens. */
export const agentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/agents', { config: { access: 'lead' }, schema: { response: { 200: AgentList } } }, async (request) => ({
    agents: await listAgents(app.db, callerOf(request).team.id),
  }));

  app.post('/v1/agents', { config: { access: 'lead' }, schema: { body: CreateAgentBody, response: { 201: CreatedAgent } } }, async (request, reply) => {
    const teamId = callerOf(request).team.id;
    const created = await app.db.transaction(async (tx) => {
      const agent = await createAgent(tx, teamId, request.body);
      const token = await insertToken(tx, { teamId, agentId: agent.id, label: 'first token' });
      return { agent, token };
    });
    return reply.code(201).send(created);
  });

  app.post(
    '/v1/agents/:id/tokens',
    { config: { access: 'lead' }, schema: { params: IdParams, body: CreateTokenBody.optional(), response: { 201: CreatedToken } } },
    async (request, reply) => {
      const teamId = callerOf(request).team.id;
      const agent = await getAgent(app.db, teamId, request.params.id);
      if (!agent) throw notFound('Agent');
      const token = await insertToken(app.db, { teamId, agentId: agent.id, label: request.body?.label ?? 'extension' });
      return reply.code(201).send(token);
    },
  );

  app.get('/v1/agents/:id/tokens', { config: { access: 'lead' }, schema: { params: IdParams, response: { 200: TokenList } } }, async (request) => {
    const teamId = callerOf(request).team.id;
    const agent = await getAgent(app.db, teamId, request.params.id);
    if (!agent) throw notFound('Agent');
    return { tokens: await listTokens(app.db, teamId, agent.id) };
  });

  app.delete('/v1/tokens/:id', { config: { access: 'lead' }, schema: { params: IdParams, response: { 200: ApiTokenInfo } } }, async (request) => {
    const revoked = await revokeToken(app.db, callerOf(request).team.id, request.params.id);
    if (!revoked) throw notFound('Token');
    return revoked;
  });
};
