import { z } from 'zod';
import { routePath } from '@/utils/api-routes';
import { TeamHostList } from '@/utils/api-routes/admin';
import { signedInAgent } from '@/utils/storage';
import { refusalOf, TeamHost } from '@/utils/portals/team-hosts';
import type { Session } from '../session';
import { addTeamHost, adoptTeamHosts, listTeamHosts, removeTeamHost } from '../team-hosts';
import { defineHandler } from './define';

/**
 * The team's hosts (extension pages only, see router.ts). The list is the team's, kept by the backend: the
 * popup and the lead tools read it (this browser adopts it, see adoptTeamHosts); a lead adds a host Chrome
 * granted on the lead's click, or removes one, on the backend first. Offline, the last list read stands.
 */
const TeamHostsView = z.strictObject({ hosts: z.array(TeamHost.extend({ granted: z.boolean() })) });

const notLead = async () => (await signedInAgent.getValue())?.role !== 'lead';
const FORBIDDEN = { code: 'forbidden', message: 'Only a lead can change the hosts Caseside runs on.' };

/** Reads the team's list and adopts it; false when the backend could not be asked (offline, signed out). */
export async function refreshTeamHosts(session: Session): Promise<boolean> {
  // A receiver's token is refused the list, and a receiver has no portal work.
  if ((await signedInAgent.getValue())?.role === 'receiver') return false;
  const res = await session.call({ method: 'GET', path: routePath('teamHosts.list'), schema: TeamHostList });
  if (res.ok) await adoptTeamHosts(res.data.hosts);
  return res.ok;
}

export const hostsList = defineHandler('hosts:list', TeamHostsView, async (_req, { session }) => {
  await refreshTeamHosts(session);
  return { ok: true, data: { hosts: await listTeamHosts() } };
});

export const hostsAdd = defineHandler('hosts:add', TeamHostsView, async (req, { session }) => {
  if (await notLead()) return { ok: false, error: FORBIDDEN };
  const host = { portal: req.portal, host: req.host };
  const refusal = refusalOf(host.portal, host.host);
  if (refusal)
    return {
      ok: false,
      error: { code: refusal, field: refusal === 'built_in_host' ? 'host' : 'portal', message: `${req.host} cannot be added to ${req.portal}.` },
    };
  // This browser first (the lead's click granted it), then the team's list every agent's browser reads.
  if ((await addTeamHost(host)) === 'not_granted') {
    return { ok: false, error: { code: 'not_granted', field: 'host', message: `Chrome has not granted access to ${req.host}.` } };
  }
  const saved = await session.call({ method: 'POST', path: routePath('teamHosts.add'), body: host, schema: TeamHostList });
  if (!saved.ok) {
    // Not on the team's list: this browser does not keep it either (the next read would drop it anyway).
    await removeTeamHost(host);
    return saved;
  }
  await adoptTeamHosts(saved.data.hosts);
  return { ok: true, data: { hosts: await listTeamHosts() } };
});

export const hostsRemove = defineHandler('hosts:remove', TeamHostsView, async (req, { session }) => {
  if (await notLead()) return { ok: false, error: FORBIDDEN };
  const removed = await session.call({
    method: 'DELETE',
    path: routePath('teamHosts.remove', { portal: req.portal, host: req.host }),
    schema: TeamHostList,
  });
  // Not on the team's list (any more): this browser drops it all the same.
  if (!removed.ok && removed.status !== 404) return removed;
  if (removed.ok) await adoptTeamHosts(removed.data.hosts);
  else await refreshTeamHosts(session);
  return { ok: true, data: { hosts: await listTeamHosts() } };
});
