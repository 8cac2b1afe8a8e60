import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../plugins/auth';
import { auditCommitted } from './audit';
import { serve } from './contract';
import { getTeamSettingsView, saveTeamSettings } from '../services/team-settings';

/** General team settings: retention, default language, SLA reminder defaults. Leads change them. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'settings.get', async (request) => getTeamSettingsView(app.db, callerOf(request).team.id));

  serve(app, 'settings.put', async (request) => {
    const saved = await saveTeamSettings(app.db, callerOf(request).team.id, request.body);
    await auditCommitted(app, request, { action: 'settings.saved', targetType: 'settings', targetId: null, details: { ...saved } });
    return saved;
  });
};
