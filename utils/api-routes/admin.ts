import {
  BacktestBody,
  BacktestReport,
  FraudMatrixPut,
  FraudMatrixView,
  QueueList,
  QueueQuery,
  SlaPoliciesPut,
  SlaPoliciesSaved,
  SlaPoliciesView,
  TeamSettingsView,
  TemplateInput,
  TemplateList,
  TemplateListQuery,
  TemplateSaved,
  TemplateUpdate,
  TemplateUsageQuery,
  TemplateUsageReport,
  TemplateVersionList,
} from '../schemas/admin';
import { z } from 'zod';
import { AuditPage, AuditQuery } from '../schemas/audit';
import { PageHealthList, PageHealthQuery } from '../schemas/health';
import { Template } from '../schemas/templates';
import { HostName, TeamHost } from '../portals/team-hosts';
import { PortalId } from '../schemas/common';
import { defineRoutes } from './types';

const IdParams = z.strictObject({ id: z.uuid() });

const TEMPLATES = '/v1/templates';
const TEMPLATE = '/v1/templates/:id';
const FRAUD_MATRIX = '/v1/fraud/matrix';
const SLA_POLICIES = '/v1/sla/policies';
const SETTINGS = '/v1/settings';
const TEAM_HOSTS = '/v1/team-hosts';

/** The hosts of portals that run on each marketplace's own domain (Mirakl back offices), the team's list. */
export const TeamHostList = z.strictObject({ hosts: z.array(TeamHost).max(50) });
export type TeamHostList = z.infer<typeof TeamHostList>;

/**
 * Lead tools and the queue: templates, fraud matrix, SLA policies, settings, open cases.
 * Versioned writes answer 409 `version_conflict` with `error.details.current` when someone saved first.
 */
export const ADMIN_ROUTES = defineRoutes({
  'templates.list': {
    method: 'GET',
    path: TEMPLATES,
    summary: 'List the templates the caller may use',
    query: TemplateListQuery,
    response: TemplateList,
    pages: true,
  },
  'templates.create': {
    method: 'POST',
    path: TEMPLATES,
    summary: 'Create a template (team-wide for leads, personal for agents)',
    body: TemplateInput,
    response: TemplateSaved,
    success: [201],
    errors: [403],
    pages: true,
  },
  'templates.update': {
    method: 'PUT',
    path: TEMPLATE,
    summary: 'Edit a template (a new version)',
    params: IdParams,
    body: TemplateUpdate,
    response: TemplateSaved,
    errors: [403, 409],
    pages: true,
  },
  'templates.versions': {
    method: 'GET',
    path: '/v1/templates/:id/versions',
    summary: "A template's version history",
    params: IdParams,
    response: TemplateVersionList,
    pages: true,
  },
  'templates.archive': {
    method: 'POST',
    path: '/v1/templates/:id/archive',
    summary: 'Archive a template',
    params: IdParams,
    response: Template,
    errors: [403],
    pages: true,
  },
  'templates.unarchive': {
    method: 'POST',
    path: '/v1/templates/:id/unarchive',
    summary: 'Bring an archived template back',
    params: IdParams,
    response: Template,
    errors: [403],
    pages: true,
  },
  'templates.usage': {
    method: 'GET',
    path: '/v1/templates/usage',
    summary: 'How often each template was inserted',
    access: 'lead',
    query: TemplateUsageQuery,
    response: TemplateUsageReport,
    pages: true,
  },
  'fraud.matrix.get': { method: 'GET', path: FRAUD_MATRIX, summary: "The team's fraud scoring matrix", response: FraudMatrixView, pages: true },
  'fraud.matrix.put': {
    method: 'PUT',
    path: FRAUD_MATRIX,
    summary: 'Save a new version of the fraud matrix',
    access: 'lead',
    body: FraudMatrixPut,
    response: FraudMatrixView,
    errors: [409],
    pages: true,
  },
  'fraud.backtest': {
    method: 'POST',
    path: '/v1/fraud/backtest',
    summary: "Back-test a proposed matrix on the team's decided orders",
    access: 'lead',
    body: BacktestBody,
    response: BacktestReport,
    errors: [503],
    pages: true,
  },
  'sla.policies.get': { method: 'GET', path: SLA_POLICIES, summary: "The team's SLA policies", response: SlaPoliciesView, pages: true },
  'sla.policies.put': {
    method: 'PUT',
    path: SLA_POLICIES,
    summary: 'Save a new version of the SLA policies (open clocks are recomputed)',
    access: 'lead',
    body: SlaPoliciesPut,
    response: SlaPoliciesSaved,
    errors: [409],
    pages: true,
  },
  'settings.get': { method: 'GET', path: SETTINGS, summary: "The team's general settings", response: TeamSettingsView, pages: true },
  'settings.put': {
    method: 'PUT',
    path: SETTINGS,
    summary: "Save the team's general settings",
    access: 'lead',
    body: TeamSettingsView,
    response: TeamSettingsView,
    pages: true,
  },
  'teamHosts.list': {
    method: 'GET',
    path: TEAM_HOSTS,
    summary: "The team's portal hosts (back offices on their own domains) every agent's extension runs on",
    response: TeamHostList,
    pages: true,
  },
  'teamHosts.add': {
    method: 'POST',
    path: TEAM_HOSTS,
    summary: "Add a portal host to the team's list (agents' extensions then ask Chrome for it)",
    access: 'lead',
    body: TeamHost,
    response: TeamHostList,
    pages: true,
  },
  'teamHosts.remove': {
    method: 'DELETE',
    path: `${TEAM_HOSTS}/:portal/:host`,
    summary: "Remove a portal host from the team's list",
    access: 'lead',
    params: z.strictObject({ portal: PortalId, host: HostName }),
    response: TeamHostList,
    pages: true,
  },
  'queue.list': { method: 'GET', path: '/v1/queue', summary: "The team's open cases by time left", query: QueueQuery, response: QueueList, pages: true },
  'audit.list': {
    method: 'GET',
    path: '/v1/audit',
    summary: "The team's audit log, newest first",
    access: 'lead',
    query: AuditQuery,
    response: AuditPage,
    pages: true,
  },
  'pageHealth.list': {
    method: 'GET',
    path: '/v1/page-health',
    summary: 'Portal pages the extension could not fully read lately',
    access: 'lead',
    query: PageHealthQuery,
    response: PageHealthList,
    pages: true,
  },
});
