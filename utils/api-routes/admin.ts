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
import { PageHealthList } from '../schemas/health';
import { Template } from '../schemas/templates';
import { defineRoutes } from './types';

/**
 * Lead tools and the queue: templates, fraud matrix, SLA policies, settings, open cases.
 * Versioned writes answer 409 `version_conflict` with `error.details.current` when someone saved first.
 */
export const ADMIN_ROUTES = defineRoutes({
  'templates.list': { method: 'GET', path: '/v1/templates', response: TemplateList, query: TemplateListQuery },
  'templates.create': { method: 'POST', path: '/v1/templates', response: TemplateSaved, body: TemplateInput },
  'templates.update': { method: 'PUT', path: '/v1/templates/:id', response: TemplateSaved, body: TemplateUpdate },
  'templates.versions': { method: 'GET', path: '/v1/templates/:id/versions', response: TemplateVersionList },
  'templates.archive': { method: 'POST', path: '/v1/templates/:id/archive', response: Template },
  'templates.unarchive': { method: 'POST', path: '/v1/templates/:id/unarchive', response: Template },
  'templates.usage': { method: 'GET', path: '/v1/templates/usage', response: TemplateUsageReport, query: TemplateUsageQuery },
  'fraud.matrix.get': { method: 'GET', path: '/v1/fraud/matrix', response: FraudMatrixView },
  'fraud.matrix.put': { method: 'PUT', path: '/v1/fraud/matrix', response: FraudMatrixView, body: FraudMatrixPut },
  'fraud.backtest': { method: 'POST', path: '/v1/fraud/backtest', response: BacktestReport, body: BacktestBody },
  'sla.policies.get': { method: 'GET', path: '/v1/sla/policies', response: SlaPoliciesView },
  'sla.policies.put': { method: 'PUT', path: '/v1/sla/policies', response: SlaPoliciesSaved, body: SlaPoliciesPut },
  'settings.get': { method: 'GET', path: '/v1/settings', response: TeamSettingsView },
  'settings.put': { method: 'PUT', path: '/v1/settings', response: TeamSettingsView, body: TeamSettingsView },
  'queue.list': { method: 'GET', path: '/v1/queue', response: QueueList, query: QueueQuery },
  'audit.list': { method: 'GET', path: '/v1/audit', response: AuditPage, query: AuditQuery },
  'pageHealth.list': { method: 'GET', path: '/v1/page-health', response: PageHealthList, query: z.strictObject({ days: z.string().regex(/^\d{1,2}$/).optional() }) },
});
