import { PORTALS } from './registry';
import type { PortalDefinition, PortalDisputeKind } from './definition';

/** Lookups derived from the registry; nothing here names a portal. */

type Registered = (typeof PORTALS)[number];
type ClockOf<P> = P extends PortalDefinition<string, infer C, string> ? C : never;
type DisputeOf<P> = P extends PortalDefinition<string, string, infer D> ? D : never;

export type RegisteredPortalId = Registered['id'];
/** The SLA clocks the portals define (card disputes are generic and not among them). */
export type PortalClockId = ClockOf<Registered>;
export type PortalDisputeKindId = DisputeOf<Registered>;

/** The registry seen without its literal types, for code that only iterates it. */
const ALL: readonly PortalDefinition[] = PORTALS as readonly PortalDefinition[];

export const PORTAL_IDS = PORTALS.map((p) => p.id) as [RegisteredPortalId, ...RegisteredPortalId[]];

export const PORTAL_CLOCK_IDS = ALL.flatMap((p) => Object.keys(p.sla.policies)) as PortalClockId[];

export const PORTAL_DISPUTE_KIND_IDS = ALL.flatMap((p) => Object.keys(p.disputes.kinds)) as PortalDisputeKindId[];

export function portalDefinition(id: string): PortalDefinition | undefined {
  return ALL.find((p) => p.id === id);
}

/** Whether a host is a definition's host entry: the same name, or a subdomain of a `*.` entry's domain. */
export function hostMatches(entry: string, host: string): boolean {
  const h = host.toLowerCase();
  if (!entry.startsWith('*.')) return h === entry;
  const domain = entry.slice(1);
  return h.endsWith(domain) && h.length > domain.length && !h.slice(0, -domain.length).includes('.');
}

export function portalOfHost(host: string): PortalDefinition | undefined {
  return ALL.find((p) => p.hosts.some((entry) => hostMatches(entry, host)));
}

/**
 * Whether a page is one the manifest lets a portal's scripts run on: its host and, for a portal that
 * narrows its matches to some paths, one of those paths. Senders of messages are checked with this.
 */
export function isPortalPage(url: URL): boolean {
  if (url.protocol !== 'https:') return false;
  const portal = portalOfHost(url.hostname);
  if (!portal) return false;
  return matchesOf(portal).some((pattern) => {
    const match = /^https:\/\/([^/]+)(\/.*)$/.exec(pattern);
    if (!match || !hostMatches(match[1]!, url.hostname)) return false;
    const path = match[2]!;
    return path.endsWith('*') ? url.pathname.startsWith(path.slice(0, -1)) : url.pathname === path;
  });
}

/** A portal's dispute kind by id (undefined for generic kinds such as card disputes). */
export function portalDisputeKind(kind: string): PortalDisputeKind | undefined {
  for (const p of ALL) {
    const found = (p.disputes.kinds as Record<string, PortalDisputeKind>)[kind];
    if (found) return found;
  }
  return undefined;
}

/** Whether a dispute kind is a marketplace guarantee claim (no card stage, no network code). */
export function isMarketplaceClaim(kind: string): boolean {
  return portalDisputeKind(kind)?.claim === true;
}

/** The portal a marketplace code belongs to, if any. */
export function portalOfMarketplace(code: string): PortalDefinition | undefined {
  const owners = ALL.filter((p) => p.marketplaces.owns(code));
  return owners.find((p) => !p.marketplaces.genericForm) ?? owners[0];
}

/**
 * The portals a template may be used on, from the marketplaces it names: all of them when it names
 * none, or a code no portal owns (then every portal's rules apply, the strictest reading).
 */
export function portalsOfMarketplaces(codes: readonly string[]): PortalDefinition[] {
  if (codes.length === 0) return [...ALL];
  const owners = codes.map(portalOfMarketplace);
  if (owners.some((p) => p === undefined)) return [...ALL];
  return ALL.filter((p) => owners.includes(p));
}

/** "ZALANDO-FR" -> "FR", "DE" -> "DE": the country behind a marketplace code. */
export function countryOfMarketplace(code: string): string {
  const owner = portalOfMarketplace(code);
  return owner ? owner.marketplaces.country(code) : code.trim().toUpperCase();
}

/** Marketplace codes: plain country codes (US, DE, DE-AT) or a portal's own form. */
export const MARKETPLACE_CODE_RE = new RegExp(
  [/^[A-Z]{2}(-[A-Z]{2})?$/, ...ALL.flatMap((p) => (p.marketplaces.codePattern ? [p.marketplaces.codePattern] : []))].map((re) => re.source).join('|'),
);

/** Whether an e-mail domain is a portal's relay (anonymised buyer addresses, random by design). */
export function isRelayEmailDomain(domain: string): boolean {
  return ALL.some((p) => p.relayEmailDomain?.test(domain) === true);
}

/** Clocks that run to a date the portal sets and cannot be paused. */
export const FIXED_CLOCK_IDS: ReadonlySet<string> = new Set(ALL.flatMap((p) => p.sla.fixedClocks));

/** Every host entry a portal's content script runs on (`*.` entries as written), and the manifest matches for them. */
export const PORTAL_HOSTS: ReadonlySet<string> = new Set(ALL.flatMap((p) => p.hosts));
/** The panel script the worker injects for a portal (entrypoints/<panel.entrypoint>.ts, built to the root). */
export const panelScriptOf = (p: PortalDefinition) => `/${p.panel.entrypoint}.js`;
export const matchesOf = (p: PortalDefinition): string[] => (p.matches ? [...p.matches] : p.hosts.map((h) => `https://${h}/*`));
export const PORTAL_MATCHES: string[] = ALL.flatMap(matchesOf);

export { ALL as PORTAL_DEFINITIONS };
