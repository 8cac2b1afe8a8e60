import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../plugins/auth';
import { addTeamHost, listTeamHosts, removeTeamHost } from '../services/team-hosts';
import { auditCommitted } from './audit';
import { serve } from './contract';

/** The team's portal hosts (services/team-hosts.ts): agents read them, leads change them. */
export const teamHostsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'teamHosts.list', async (request) => listTeamHosts(app.db, callerOf(request).team.id));

  serve(app, 'teamHosts.add', async (request) => {
    const { list, added } = await addTeamHost(app.db, callerOf(request).team.id, request.body);
    if (added) await auditCommitted(app, request, { action: 'team_host.added', targetType: 'team_host', targetId: null, details: { ...request.body } });
    return list;
  });

  serve(app, 'teamHosts.remove', async (request) => {
    const list = await removeTeamHost(app.db, callerOf(request).team.id, request.params);
    await auditCommitted(app, request, { action: 'team_host.removed', targetType: 'team_host', targetId: null, details: { ...request.params } });
    return list;
  });
};
