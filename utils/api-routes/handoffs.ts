import { z } from 'zod';
import {
  AnswerHandoffBody,
  CreateHandoffBody,
  CreateHandoffTeamBody,
  HandoffList,
  HandoffReport,
  HandoffReportQuery,
  HandoffResult,
  HandoffTeam,
  HandoffTeamList,
  ReceiverHandoff,
  ReceiverHandoffList,
  ReceiverHandoffResult,
  UpdateHandoffTeamBody,
} from '../schemas/handoffs';
import { OrderId } from '../schemas/fields';
import { IdempotencyHeaders } from './cases';
import { defineRoutes } from './types';

const IdParams = z.strictObject({ id: z.uuid() });

/**
 * Hand-offs to internal teams: the lead's teams, the agent's hand-off from the panel (replay-safe), the
 * receiver's inbox and answer (also served to receivers, who are refused everywhere else), the report,
 * and the receiver's web page with its script (served by the backend, no extension needed); the inbox and the
 * answer are also called from the extension's hand-off page (entrypoints/handoffs).
 */
const TEAMS = '/v1/handoff-teams';
const TEAM = '/v1/handoff-teams/:id';
const HANDOFFS = '/v1/handoffs';

export const HANDOFF_ROUTES = defineRoutes({
  'handoffTeams.list': {
    method: 'GET',
    path: TEAMS,
    summary: "The team's internal teams a case can be handed to",
    response: HandoffTeamList,
    pages: true,
  },
  'handoffTeams.create': {
    method: 'POST',
    path: TEAMS,
    summary: 'Add an internal team (name, allowed personal fields, SLA policy, members)',
    access: 'lead',
    body: CreateHandoffTeamBody,
    response: HandoffTeam,
    success: [201],
    errors: [409],
    pages: true,
  },
  'handoffTeams.update': {
    method: 'PATCH',
    path: TEAM,
    summary: "Change an internal team's name, allowed personal fields, SLA policy or members",
    access: 'lead',
    params: IdParams,
    body: UpdateHandoffTeamBody,
    response: HandoffTeam,
    errors: [409],
    pages: true,
  },
  'handoffTeams.delete': {
    method: 'DELETE',
    path: TEAM,
    summary: 'Delete an internal team (its hand-offs stay in the history and reports)',
    access: 'lead',
    params: IdParams,
    response: z.strictObject({ deleted: z.literal(true) }),
    pages: true,
  },
  'handoffs.create': {
    method: 'POST',
    path: HANDOFFS,
    summary: 'Hand a case to an internal team with a question and a due time (replay-safe)',
    description: 'An escalation is a hand-off to a fraud team with the fraud score and its indicators attached.',
    headers: IdempotencyHeaders,
    body: CreateHandoffBody,
    response: HandoffResult,
    success: [200, 201],
    errors: [404, 409],
  },
  'handoffs.byOrder': {
    method: 'GET',
    path: HANDOFFS,
    summary: "An order's hand-offs, newest first",
    query: z.strictObject({ orderId: OrderId }),
    response: HandoffList,
  },
  'handoffs.inbox': {
    method: 'GET',
    path: '/v1/handoffs/inbox',
    summary: "The hand-offs to the caller's internal teams, without the buyer's personal data unless allowed",
    access: 'receiver',
    response: ReceiverHandoffList,
    pages: true,
  },
  'handoffs.receiverGet': {
    method: 'GET',
    path: '/v1/handoffs/inbox/:id',
    summary: "One hand-off to the caller's internal teams",
    access: 'receiver',
    params: IdParams,
    response: ReceiverHandoff,
  },
  'handoffs.answer': {
    method: 'POST',
    path: '/v1/handoffs/inbox/:id/answer',
    summary: "Answer a hand-off to one of the caller's internal teams (a fraud team also decides: hold, release, fraud)",
    access: 'receiver',
    params: IdParams,
    headers: IdempotencyHeaders,
    body: AnswerHandoffBody,
    response: ReceiverHandoffResult,
    success: [200, 201],
    errors: [409],
    pages: true,
  },
  'handoffs.report': {
    method: 'GET',
    path: '/v1/reports/handoffs',
    summary: 'Hand-offs by internal team: how many, time to answer (median, p90), overdue',
    access: 'lead',
    query: HandoffReportQuery,
    response: HandoffReport,
    pages: true,
  },
  'handoffs.page': {
    method: 'GET',
    path: '/handoffs',
    summary: 'The hand-off inbox as a page served by the backend (for receivers without the extension)',
    access: 'public',
    produces: 'text/html',
    hide: true,
  },
  'web.script': {
    method: 'GET',
    path: '/web/:file',
    summary: "A backend-served page's script bundle",
    access: 'public',
    params: z.strictObject({ file: z.string().regex(/^[a-z][a-z0-9-]{0,40}\.js$/, 'a page script such as handoffs.js') }),
    produces: 'text/javascript',
    hide: true,
  },
  'web.icon': {
    method: 'GET',
    path: '/favicon.ico',
    summary: "The backend-served pages' icon (the extension's own)",
    access: 'public',
    produces: 'image/png',
    hide: true,
  },
});
