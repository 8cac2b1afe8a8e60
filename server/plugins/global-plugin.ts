import type { FastifyPluginAsync } from 'fastify';

/**
 * Marks a plugin as not encapsulated, so the decorators and hooks it adds apply to the whole app (what
 * the `fastify-plugin` package does, without adding a dependency): see Fastify's docs on skip-override.
 */
export function globalPlugin<T extends FastifyPluginAsync<any>>(plugin: T): T {
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return plugin;
}
