import fp from 'fastify-plugin';

/**
 * Every answer says what it is (no MIME sniffing of JSON into HTML) and that it must not be cached: the
 * API's answers carry team data, which a shared cache or the browser's disk has no business keeping.
 * A route that sets its own Cache-Control (a stricter `private, no-store`) keeps it.
 */
export const securityHeadersPlugin = fp(async (app) => {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
});
