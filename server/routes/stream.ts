import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import { callerOf } from '../plugins/auth';

/**
 * GET /v1/stream: server-sent events of the caller's team. The extension reads it with fetch (an
 * EventSource cannot send the Bearer header). A comment line every `heartbeatMs` keeps proxies and
 * the service worker from treating the connection as dead.
 */
export const streamRoutes: FastifyPluginAsync<{ heartbeatMs: number }> = async (app, opts) => {
  const open = new Set<ServerResponse>();
  // Open streams would keep close() waiting forever: end them first.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });

  const description =
    'Server-sent events (text/event-stream) of the caller team\'s case events: `event: case-event`, `data: <LiveEvent JSON>`, ' +
    'a `: heartbeat` comment every 15 s. Authenticate with the Bearer header (read it with fetch, not EventSource).';
  app.get('/v1/stream', { schema: { description } }, async (request, reply) => {
    const teamId = callerOf(request).team.id;
    reply.hijack();
    const res = reply.raw;
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
      open.delete(res);
      // Finish the response so Node releases the socket (an unfinished one keeps close() waiting).
      if (!res.writableEnded) res.end();
    };
    res.on('close', cleanup);
  });
};
