import { SERVED_FIXTURES } from '../tests/fixtures/manifest';
import { PORTAL_HOSTS } from '../utils/portals/catalogue';

/**
 * The hostnames the sandbox answers for: the portals Caseside reads, plus the hosts of fixture pages
 * whose portal has no adapter yet (Mirakl operators, the Shopify admin), so a browser can open those
 * pages at their real addresses before the extension knows the hosts.
 */
export const SANDBOX_HOSTS: ReadonlySet<string> = new Set([...PORTAL_HOSTS, ...SERVED_FIXTURES.map((f) => new URL(f.url).hostname)]);
