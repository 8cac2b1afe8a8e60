import Fastify from 'fastify';

/**
 * The limit the panel request is compared with: Fastify on the same machine, one POST route that parses
 * the same JSON body and answers a small fixed JSON, no database, no auth. Started as its own process
 * (like the real backend) so the load generator does not share its event loop.
 */
const app = Fastify({ logger: false });
app.post('/bare', async (request) => ({ ok: true, received: typeof request.body === 'object' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${port}` })}\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
