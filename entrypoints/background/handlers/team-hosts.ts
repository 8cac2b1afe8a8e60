import { z } from 'zod';
import { signedInAgent } from '@/utils/storage';
import { refusalOf, TeamHost } from '@/utils/portals/team-hosts';
import { addTeamHost, listTeamHosts, removeTeamHost } from '../team-hosts';
import { defineHandler } from './define';

/**
 * The lead tools' host list (extension pages only, see router.ts): list, add a host Chrome granted on the
 * lead's click, remove one. Changing the list is a lead's action.
 */
const TeamHostsList = z.strictObject({ hosts: z.array(TeamHost.extend({ granted: z.boolean() })) });

const notLead = async () => (await signedInAgent.getValue())?.role !== 'lead';
const FORBIDDEN = { code: 'forbidden', message: 'Only a lead can change the hosts Caseside runs on.' };

export const hostsList = defineHandler('hosts:list', TeamHostsList, async () => ({ ok: true, data: { hosts: await listTeamHosts() } }));

export const hostsAdd = defineHandler('hosts:add', TeamHostsList, async (req) => {
  if (await notLead()) return { ok: false, error: FORBIDDEN };
  const refusal = refusalOf(req.portal, req.host);
  if (refusal)
    return {
      ok: false,
      error: { code: refusal, field: refusal === 'built_in_host' ? 'host' : 'portal', message: `${req.host} cannot be added to ${req.portal}.` },
    };
  if ((await addTeamHost({ portal: req.portal, host: req.host })) === 'not_granted') {
    return { ok: false, error: { code: 'not_granted', field: 'host', message: `Chrome has not granted access to ${req.host}.` } };
  }
  return { ok: true, data: { hosts: await listTeamHosts() } };
});

export const hostsRemove = defineHandler('hosts:remove', TeamHostsList, async (req) => {
  if (await notLead()) return { ok: false, error: FORBIDDEN };
  await removeTeamHost({ portal: req.portal, host: req.host });
  return { ok: true, data: { hosts: await listTeamHosts() } };
});
