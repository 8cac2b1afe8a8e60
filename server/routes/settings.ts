import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TeamSettingsView } from '../../utils/schemas/admin';
import { callerOf } from '../plugins/auth';
import { auditCommitted } from './audit';
import { getTeamSettingsView, saveTeamSettings } from '../services/team-settings';

/** General team settings: retention, default language, SLA reminder defaults. Leads change them. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/settings', { schema: { response: { 200: TeamSettingsView } } }, async (request) => getTeamSettingsView(app.db, callerOf(request).team.id));

  app.put('/v1/settings', { config: { access: 'lead' }, schema: { body: TeamSettingsView, response: { 200: TeamSettingsView } } }, async (request) => {
    const saved = await saveTeamSettings(app.db, callerOf(request).team.id, request.body);
    await auditCommitted(app, request, { action: 'settings.saved', targetType: 'settings', targetId: null, details: { ...saved } });
    return saved;
  });
};
