import { amazonPortal } from './amazon/portal';
import { zalandoPortal } from './zalando/portal';
import { miraklPortal } from './mirakl/portal';
import { shopifyPortal } from './shopify/portal';

/**
 * Every portal Caseside knows, and the only list of them: portal ids in the schemas and the database,
 * SLA defaults, template values and lint rules, disputes and reports all derive from it (./catalogue.ts).
 * Adding a portal = its folder under utils/portals, its detector entrypoint, one line here and its
 * adapter's line in ./adapters.ts (kept apart so the server and extension pages never load DOM code).
 * Server-safe: the definitions import no DOM code and no schema values.
 */
export const PORTALS = [amazonPortal, zalandoPortal, miraklPortal, shopifyPortal] as const;
