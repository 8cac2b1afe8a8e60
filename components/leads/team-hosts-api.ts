import { browser } from 'wxt/browser';
import { originOf } from '@/utils/portals/team-hosts';
import { sendRequest } from '@/utils/messaging';
import type { TeamHostsApi } from './TeamHostsSection';

/** The lead tools' host list through Chrome (the permission prompt) and the worker (storage, detectors). */
export const browserTeamHosts: TeamHostsApi = {
  list: async () => {
    const res = await sendRequest({ type: 'hosts:list' });
    return res.ok ? res.data.hosts : [];
  },
  request: (host) => browser.permissions.request({ origins: [originOf(host)] }),
  add: async (host) => {
    const res = await sendRequest({ type: 'hosts:add', ...host });
    return res.ok ? { ok: true } : { ok: false, message: res.error.message };
  },
  remove: async (host) => {
    const res = await sendRequest({ type: 'hosts:remove', ...host });
    return res.ok ? { ok: true } : { ok: false, message: res.error.message };
  },
};
