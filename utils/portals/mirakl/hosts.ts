/**
 * Mirakl runs each operator's back office on its own host (`<operator>-prod.mirakl.net`, or a custom domain
 * such as `merchant.boulanger.com`), so the hosts are the team's: a lead adds each one, and the extension
 * asks Chrome for that host alone (docs/portals.md). Secret Sales' back office is the example the lead
 * tools offer.
 */
export const MIRAKL_EXAMPLE_HOST = 'secretsales-prod.mirakl.net';

/** The back office's own paths: every Mirakl host serves the shop's pages under /mmp/shop. */
export const isBackOfficePath = (url: URL): boolean => /^\/mmp\/shop(\/|$)/.test(url.pathname);

/** Operators' back offices on their own domains, seen in public help pages and code (grade B/C). */
const KNOWN_CUSTOM_DOMAINS = new Set(['merchant.boulanger.com', 'marketplace.worten.pt', 'marketplace.empik.com']);

/**
 * Whether a host is known to be a Mirakl back office: Mirakl's own `*.mirakl.net` or a custom domain seen
 * publicly. The extension runs only on the hosts a lead added; this answers the tools that pick an adapter
 * by host (fidelity, the fixture tests).
 */
export function isKnownBackOfficeHost(host: string): boolean {
  const h = host.toLowerCase();
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.mirakl\.net$/.test(h) || KNOWN_CUSTOM_DOMAINS.has(h);
}
