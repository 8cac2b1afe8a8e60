import { amazonAdapter } from './amazon';
import type { RegisteredPortalId } from './catalogue';
import type { PortalAdapter } from './types';
import { zalandoAdapter } from './zalando';
import { miraklAdapter } from './mirakl';
import { shopifyAdapter } from './shopify';

/**
 * The DOM side of every registered portal, for the panel and the tools that read fixture pages. Keyed by
 * the registry's ids: a portal in the registry without its adapter here does not type-check.
 */
const BY_ID: { readonly [Id in RegisteredPortalId]: PortalAdapter } = {
  amazon: amazonAdapter,
  zalando: zalandoAdapter,
  mirakl: miraklAdapter,
  shopify: shopifyAdapter,
};

export const ADAPTERS: readonly PortalAdapter[] = Object.values(BY_ID);

export function adapterFor(id: string): PortalAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

export function adapterForHost(host: string): PortalAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.matchesHost(host));
}
