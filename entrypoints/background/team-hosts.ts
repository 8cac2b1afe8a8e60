import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { originOf, registrationPlan, TeamHost } from '@/utils/portals/team-hosts';

/**
 * The team's hosts (utils/portals/team-hosts.ts; the list lives on the backend, see adoptTeamHosts), kept in
 * this browser with the permission Chrome granted for each. The worker keeps exactly the granted ones' detectors registered: on start, after an
 * add or a removal, and when a permission is withdrawn in chrome://extensions.
 */
export const teamHostsItem = storage.defineItem<TeamHost[]>('local:teamHosts', { fallback: [], version: 1 });

async function storedHosts(): Promise<TeamHost[]> {
  const raw = await teamHostsItem.getValue();
  return (Array.isArray(raw) ? raw : []).flatMap((h) => {
    const parsed = TeamHost.safeParse(h);
    return parsed.success ? [parsed.data] : [];
  });
}

async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

/** Registers the granted hosts' detectors and drops every other registration of ours. */
export async function syncDetectors(): Promise<void> {
  const plan = registrationPlan(await storedHosts(), await grantedOrigins(), await browser.scripting.getRegisteredContentScripts());
  if (plan.unregister.length) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.register.length) await browser.scripting.registerContentScripts(plan.register);
}

export async function listTeamHosts(): Promise<Array<TeamHost & { granted: boolean }>> {
  const granted = new Set(await grantedOrigins());
  return (await storedHosts()).map((h) => ({ ...h, granted: granted.has(originOf(h.host)) }));
}

/** Adds a host Chrome has granted (the lead tools asked, on the lead's click); refused when it has not. */
export async function addTeamHost(host: TeamHost): Promise<'added' | 'not_granted'> {
  if (!(await browser.permissions.contains({ origins: [originOf(host.host)] }))) return 'not_granted';
  const hosts = await storedHosts();
  if (!hosts.some((h) => h.portal === host.portal && h.host === host.host)) await teamHostsItem.setValue([...hosts, host]);
  await syncDetectors();
  return 'added';
}

const sameHost = (a: TeamHost, b: TeamHost) => a.portal === b.portal && a.host === b.host;

/**
 * Takes the team's list (the backend's, which every agent's browser shares) as this browser's: detectors
 * follow at once for the hosts this Chrome granted; a host the team dropped loses its detector and gives its
 * permission back. Hosts the team added that this Chrome has not granted wait for a click (the popup's
 * "Allow"), since Chrome asks only inside a user's gesture.
 */
export async function adoptTeamHosts(team: readonly TeamHost[]): Promise<void> {
  const before = await storedHosts();
  const unchanged = before.length === team.length && before.every((h) => team.some((t) => sameHost(h, t)));
  if (!unchanged) await teamHostsItem.setValue([...team]);
  await syncDetectors();
  for (const gone of before.filter((h) => !team.some((t) => t.host === h.host))) await givePermissionBack(gone.host);
}

async function givePermissionBack(host: string): Promise<void> {
  try {
    await browser.permissions.remove({ origins: [originOf(host)] });
  } catch {
    // A permission the manifest itself declares cannot be given back; its detector is gone all the same.
  }
}

/** Removes a host: its detector goes and Chrome's permission for it is given back. */
export async function removeTeamHost(host: TeamHost): Promise<void> {
  const rest = (await storedHosts()).filter((h) => !(h.portal === host.portal && h.host === host.host));
  await teamHostsItem.setValue(rest);
  await syncDetectors();
  // Another portal's stored host on the same domain keeps the permission.
  if (!rest.some((h) => h.host === host.host)) await givePermissionBack(host.host);
}

/** The hosts whose frames may talk to the worker as portal pages, kept current. */
export function watchTeamHosts(onChange: (hosts: ReadonlySet<string>) => void): void {
  const publish = async () => onChange(new Set((await listTeamHosts()).filter((h) => h.granted).map((h) => h.host)));
  void publish();
  teamHostsItem.watch(() => void publish());
  browser.permissions.onRemoved.addListener(() => void syncDetectors().then(publish));
  browser.permissions.onAdded.addListener(() => void syncDetectors().then(publish));
}
