import { z } from 'zod';
import { PortalId } from '../schemas/common';
import { PORTAL_DEFINITIONS, PORTAL_HOSTS } from './catalogue';

/**
 * Hosts a team adds for a portal that runs on each marketplace's own domain (PortalDefinition.teamHosts):
 * what a host may be, the one origin Chrome is asked for, and which detector registrations the worker keeps.
 * Pure: the worker (entrypoints/background/team-hosts.ts) applies the plan with chrome.scripting.
 */

/** A DNS host name, lower case, no scheme, port or path. */
export const HostName = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'host must be a host name such as shop.example.com, without https:// or a path');

export const TeamHost = z.strictObject({ portal: PortalId, host: HostName });
export type TeamHost = z.infer<typeof TeamHost>;

/** The portals whose hosts a team adds. */
export const TEAM_HOST_PORTALS = PORTAL_DEFINITIONS.filter((p) => p.teamHosts !== undefined);

/**
 * Declared once in the manifest so a lead can be asked for any one host at run time; Chrome grants nothing
 * from it by itself (each request names one origin, see originOf).
 */
export const OPTIONAL_HOST_MATCHES: string[] = TEAM_HOST_PORTALS.length > 0 ? ['https://*/*'] : [];

/** The one origin asked for when a host is added: https only, that host only. */
export const originOf = (host: string) => `https://${host}/*`;

/** What a lead typed or pasted ("https://host/mmp/shop/order/all", "Host.Example.com ") as a host name. */
export function hostFromInput(text: string): string | undefined {
  const trimmed = text.trim();
  let candidate = trimmed;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      if (url.protocol !== 'https:' || url.port !== '' || url.username !== '') return undefined;
      candidate = url.hostname;
    } catch {
      return undefined;
    }
  }
  const parsed = HostName.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** Why a host cannot be added for a portal, or undefined when it can. */
export function refusalOf(portal: string, host: string): 'not_a_team_host_portal' | 'built_in_host' | undefined {
  if (!TEAM_HOST_PORTALS.some((p) => p.id === portal)) return 'not_a_team_host_portal';
  if (PORTAL_HOSTS.has(host)) return 'built_in_host';
  return undefined;
}

const ID_PREFIX = 'caseside-host:';
/** The id of a host's detector registration (registered content scripts are keyed by id). */
export const registrationId = (h: TeamHost) => `${ID_PREFIX}${h.portal}:${h.host}`;

export interface Registration {
  id: string;
  matches?: string[];
  js?: string[];
}

export interface DetectorRegistration {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/**
 * The registrations to make and remove so that exactly the stored hosts Chrome granted have their portal's
 * detector: a host whose permission was withdrawn (chrome://extensions) loses its detector, a registration
 * no stored host asks for goes, one that differs is replaced.
 */
export function registrationPlan(
  stored: readonly TeamHost[],
  grantedOrigins: readonly string[],
  registered: readonly Registration[],
): { register: DetectorRegistration[]; unregister: string[] } {
  const granted = new Set(grantedOrigins);
  const wanted = new Map<string, DetectorRegistration>();
  for (const h of stored) {
    const portal = TEAM_HOST_PORTALS.find((p) => p.id === h.portal);
    if (!portal || !granted.has(originOf(h.host))) continue;
    wanted.set(registrationId(h), {
      id: registrationId(h),
      matches: [originOf(h.host)],
      js: [`content-scripts/${portal.detector.file}.js`],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  }
  const ours = registered.filter((r) => r.id.startsWith(ID_PREFIX));
  const same = (r: Registration, w: DetectorRegistration) =>
    JSON.stringify(r.matches ?? []) === JSON.stringify(w.matches) && JSON.stringify(r.js ?? []) === JSON.stringify(w.js);
  const unregister = ours.filter((r) => !wanted.has(r.id) || !same(r, wanted.get(r.id)!)).map((r) => r.id);
  const kept = new Set(ours.filter((r) => !unregister.includes(r.id)).map((r) => r.id));
  return { register: [...wanted.values()].filter((w) => !kept.has(w.id)), unregister };
}
