import { z } from 'zod';
import type { TeamHostList } from '../../utils/api-routes/admin';
import { refusalOf, TeamHost } from '../../utils/portals/team-hosts';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import { getSettingsDocument, lockSettingsDocument, mergeSettingsDocument } from '../repositories/settings';

/**
 * The team's hosts of portals that run on each marketplace's own domain (Mirakl back offices), kept in the
 * team's settings document so every agent's extension runs on the same ones: a lead adds or removes a host
 * here, each agent's extension reads the list and asks its own Chrome for each host (a permission is per
 * browser, granted on a click). At most MAX_TEAM_HOSTS.
 */
export const MAX_TEAM_HOSTS = 50;

const StoredHosts = z.array(z.unknown()).catch([]);

/** The stored list; an entry a newer or older instance wrote that no longer parses is left out, not fatal. */
function hostsOf(doc: Record<string, unknown>): TeamHost[] {
  return StoredHosts.parse(doc.teamHosts).flatMap((h) => {
    const parsed = TeamHost.safeParse(h);
    return parsed.success ? [parsed.data] : [];
  });
}

const same = (a: TeamHost, b: TeamHost) => a.portal === b.portal && a.host === b.host;

export async function listTeamHosts(db: Database, teamId: string): Promise<TeamHostList> {
  return { hosts: hostsOf(await getSettingsDocument(db, teamId)) };
}

/** Adds a host (idempotent: adding one already there answers the list unchanged). */
export async function addTeamHost(db: Database, teamId: string, host: TeamHost): Promise<{ list: TeamHostList; added: boolean }> {
  const refusal = refusalOf(host.portal, host.host);
  if (refusal === 'not_a_team_host_portal')
    throw new HttpError('validation_failed', `${host.portal} runs on its own hosts; no host can be added to it.`, 'body.portal');
  if (refusal === 'built_in_host') throw new HttpError('validation_failed', `${host.host} is a portal's own host; Caseside runs there already.`, 'body.host');
  return db.transaction(async (tx) => {
    const hosts = hostsOf(await lockSettingsDocument(tx, teamId));
    if (hosts.some((h) => same(h, host))) return { list: { hosts }, added: false };
    if (hosts.length >= MAX_TEAM_HOSTS)
      throw new HttpError('validation_failed', `A team can list at most ${MAX_TEAM_HOSTS} hosts; remove one first.`, 'body.host');
    const next = [...hosts, host];
    await mergeSettingsDocument(tx, teamId, { teamHosts: next });
    return { list: { hosts: next }, added: true };
  });
}

/** Removes a host; 404 when the team does not list it. */
export async function removeTeamHost(db: Database, teamId: string, host: TeamHost): Promise<TeamHostList> {
  return db.transaction(async (tx) => {
    const hosts = hostsOf(await lockSettingsDocument(tx, teamId));
    if (!hosts.some((h) => same(h, host))) throw new HttpError('not_found', `The team does not list ${host.host} for ${host.portal}.`, 'params.host');
    const next = hosts.filter((h) => !same(h, host));
    await mergeSettingsDocument(tx, teamId, { teamHosts: next });
    return { hosts: next };
  });
}
