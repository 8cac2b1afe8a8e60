import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { handleOf } from '../db/open';
import { HttpError } from '../errors';
import { callerOf } from '../plugins/auth';
import { SessionHub, StreamLimitError, MAX_STREAMS_PER_TOKEN } from '../services/sessions';
import { serve } from './contract';

/**
 * GET /v1/stream: server-sent events of the caller's team. The extension reads it with fetch (an
 * EventSource cannot send the Bearer header). A comment line every `heartbeatMs` keeps proxies and
 * the service worker from treating the connection as dead. A stream ends with an `event: session-ended`
 * when its token is revoked or expires or its agent is deactivated (on any instance), and one token may
 * hold at most `maxStreamsPerToken` streams on an instance.
 */
export const streamRoutes: FastifyPluginAsyncZod<{ heartbeatMs: number; maxStreamsPerToken?: number }> = async (app, opts) => {
  const open = new Set<ServerResponse>();
  const sessions = new SessionHub(handleOf(app.db).listen, opts.maxStreamsPerToken ?? MAX_STREAMS_PER_TOKEN);
  await sessions.start();
  // Open streams would keep close() waiting forever: end them first.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });
  app.addHook('onClose', async () => {
    await sessions.stop();
  });

  const description =
    "Server-sent events (text/event-stream) of the caller team's case events: `event: case-event`, `data: <LiveEvent JSON>`, " +
    'a `: heartbeat` comment every 15 s, and `event: session-ended` before the server closes a stream whose token was revoked, ' +
    `expired or whose agent was deactivated. At most ${opts.maxStreamsPerToken ?? MAX_STREAMS_PER_TOKEN} streams per token (429 beyond). ` +
    'Authenticate with the Bearer header (read it with fetch, not EventSource).';
  serve(
    app,
    'stream.open',
    async (request, reply) => {
      const caller = callerOf(request);
      const teamId = caller.team.id;
      const res = reply.raw;
      let release: () => void;
      try {
        release = sessions.add(
          {
            teamId,
            agentId: caller.agent.id,
            tokenId: caller.tokenId,
            end: (reason) => {
              if (!res.writableEnded) res.end(`event: session-ended\ndata: ${JSON.stringify({ reason })}\n\n`);
            },
          },
          caller.expiresAt,
        );
      } catch (err) {
        if (err instanceof StreamLimitError) throw new HttpError('rate_limited', err.message, undefined, { limit: err.limit });
        throw err;
      }
      reply.hijack();
      res.writeHead(200, {
        // Headers set by hooks (CORS) live on the reply; a hijacked reply writes them itself.
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        // The socket is not reused after a stream ends; this also lets close() finish without waiting.
        connection: 'close',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 5000\n: connected\n\n');
      open.add(res);
      const unsubscribe = app.live.subscribe(teamId, (live) => {
        res.write(`event: case-event\nid: ${live.event.id}\ndata: ${JSON.stringify(live)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), opts.heartbeatMs);
      const cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        release();
        open.delete(res);
        // Finish the response so Node releases the socket (an unfinished one keeps close() waiting).
        if (!res.writableEnded) res.end();
      };
      res.on('close', cleanup);
    },
    { description },
  );
};
