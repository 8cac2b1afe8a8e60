import { amazonAdapter } from './amazon';
import type { PortalAdapter } from './types';
import { zalandoAdapter } from './zalando';

/** Every portal Caseside knows. Adding a portal = one folder under utils/portals + one line here. */
export const ADAPTERS: PortalAdapter[] = [amazonAdapter, zalandoAdapter];

export function adapterForHost(host: string): PortalAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.matchesHost(host));
}
