import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors';
import { findCallerByToken, hashToken, touchToken, type Caller } from '../repositories/tokens';
import { DEMO_AGENTS } from '../seed/demo-data';
import { AuthFailureLimiter } from './auth-failures';
import fp from 'fastify-plugin';

/**
 * Who may call a route: set per route with `config: { access }`; the default is any agent or lead of a
 * team. `receiver` routes also serve receivers (members of internal teams), who are refused everywhere else.
 */
export type Access = 'public' | 'agent' | 'lead' | 'receiver';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** The authenticated caller; only call it in routes that are not public. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new HttpError('unauthorized', 'Sign in: send Authorization: Bearer <token>.');
  return request.caller;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The demo's tokens are printed in the README: they only ever sign in while the server runs with --demo. */
const DEMO_TOKEN_HASHES: ReadonlySet<string> = new Set(DEMO_AGENTS.flatMap((a) => (a.token ? [hashToken(a.token)] : [])));

/**
 * Bearer-token authentication. The token is hashed and looked up; unknown and revoked tokens fail alike,
 * so a caller learns nothing about which tokens exist. Runs before body parsing, so an unauthenticated
 * caller never gets validation details.
 */
export const authPlugin = fp<{ maxFailuresPerMinute?: number; demo?: boolean }>(async (app, opts) => {
  const failures = new AuthFailureLimiter(opts.maxFailuresPerMinute ?? 30);
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access ?? 'agent';
    if (access === 'public' || request.is404) return;
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new HttpError('unauthorized', 'Sign in: send Authorization: Bearer <token>.');
    // Unknown tokens are looked up too (one indexed query); AuthFailureLimiter answers floods of them with 429.
    const token = match[1]!;
    // A data directory once started with --demo still holds the demo tokens; outside the demo they are refused.
    const caller = !opts.demo && DEMO_TOKEN_HASHES.has(hashToken(token)) ? undefined : await findCallerByToken(app.db, token);
    if (!caller) {
      // A valid token always passes, so one stale token behind an office's shared address cannot lock
      // out its colleagues; only the failures are slowed down.
      if (failures.isBlocked(request.ip)) throw new HttpError('rate_limited', 'Too many failed sign-ins; wait a minute and retry.');
      failures.recordFailure(request.ip);
      throw new HttpError('unauthorized', 'This token is unknown or was revoked.');
    }
    request.caller = caller;
    if (access === 'lead' && caller.agent.role !== 'lead') throw new HttpError('forbidden', 'Only a team lead may do this.');
    if (access === 'agent' && caller.agent.role === 'receiver') throw new HttpError('forbidden', 'A receiver may only see and answer hand-offs to its teams.');
    try {
      await touchToken(app.db, caller.tokenId);
    } catch (err) {
      // Bookkeeping must not fail the request.
      request.log.warn({ err }, 'could not record token use');
    }
  });
});
