import { z } from 'zod';
import {
  Agent,
  AgentList,
  ApiTokenInfo,
  CreateAgentBody,
  CreatedAgent,
  CreatedToken,
  CreateTokenBody,
  Health,
  Me,
  TokenList,
  UpdateAgentBody,
} from '../schemas/api';
import { defineRoutes } from './types';

const IdParams = z.strictObject({ id: z.uuid() });

const AGENTS = '/v1/agents';
const AGENT_TOKENS = '/v1/agents/:id/tokens';

/** Who am I, the backend's health and description, and the lead's team administration (audited). */
export const TEAM_ROUTES = defineRoutes({
  'system.health': {
    method: 'GET',
    path: '/health',
    summary: 'Whether the backend answers, its database kind and version',
    access: 'public',
    response: Health,
  },
  'system.openapi': { method: 'GET', path: '/openapi.json', summary: 'This description', access: 'public', produces: 'application/json', hide: true },
  'me.get': { method: 'GET', path: '/v1/me', summary: 'The signed-in agent and their team', access: 'receiver', response: Me },
  'agents.list': { method: 'GET', path: AGENTS, summary: "The team's agents", access: 'lead', response: AgentList, pages: true },
  'agents.create': {
    method: 'POST',
    path: AGENTS,
    summary: 'Add an agent, with a first token',
    access: 'lead',
    body: CreateAgentBody,
    response: CreatedAgent,
    success: [201],
  },
  'agents.update': {
    method: 'PATCH',
    path: '/v1/agents/:id',
    summary: 'Deactivate or reactivate an agent (deactivating ends their sessions)',
    access: 'lead',
    params: IdParams,
    body: UpdateAgentBody,
    response: Agent,
    errors: [409],
  },
  'tokens.create': {
    method: 'POST',
    path: AGENT_TOKENS,
    summary: 'Issue an API token for an agent',
    access: 'lead',
    params: IdParams,
    body: CreateTokenBody.optional(),
    response: CreatedToken,
    success: [201],
  },
  'tokens.list': {
    method: 'GET',
    path: AGENT_TOKENS,
    summary: "An agent's API tokens (never the secrets)",
    access: 'lead',
    params: IdParams,
    response: TokenList,
  },
  'tokens.revoke': {
    method: 'DELETE',
    path: '/v1/tokens/:id',
    summary: 'Revoke an API token (its streams close at once)',
    access: 'lead',
    params: IdParams,
    response: ApiTokenInfo,
  },
});
