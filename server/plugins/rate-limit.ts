import { HttpError } from '../errors';
import type { RateLimitStore } from '../repositories/rate-limits';
import { hashToken } from '../repositories/tokens';
import fp from 'fastify-plugin';

export interface RateLimitOptions {
  store: RateLimitStore;
  /** Requests a minute per bearer token. */
  perToken: number;
  /** Requests a minute per client address, all tokens (and none) together. */
  perAddress: number;
}

const WINDOW_MS = 60_000;

/**
 * Two budgets a minute: one per token (an agent behind an office's shared address keeps their own) and
 * one per client address (a caller inventing tokens, or none, is still bounded). The address is the
 * client's own only when `trustProxy` tells Fastify to believe X-Forwarded-For from the reverse proxy.
 * Tokens are hashed so no secret becomes a key in memory or in the table.
 */
export const rateLimitPlugin = fp<RateLimitOptions>(async (app, opts) => {
  app.addHook('onClose', async () => {
    await opts.store.close?.();
  });
  app.addHook('onRequest', async (request, reply) => {
    const now = Date.now();
    const windowStart = new Date(now - (now % WINDOW_MS));
    const retryAfter = String(Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
    const auth = request.headers.authorization;
    const checks: [string, number][] = [[`ip:${request.ip}`, opts.perAddress]];
    if (auth) checks.unshift([`t:${hashToken(auth)}`, opts.perToken]);
    for (const [key, max] of checks) {
      const count = await opts.store.hit(key, windowStart, max);
      if (count > max) {
        reply.header('retry-after', retryAfter);
        throw new HttpError('rate_limited', 'Too many requests; slow down and retry shortly.');
      }
    }
  });
});
