import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { handleOf, type Database } from './db/open';
import { HttpError, installErrorHandler } from './errors';
import { authPlugin } from './plugins/auth';
import { dbPlugin } from './plugins/db';
import { hashToken } from './repositories/tokens';
import { agentRoutes } from './routes/agents';
import { auditRoutes } from './routes/audit';
import { caseRoutes } from './routes/cases';
import { disputeRoutes } from './routes/disputes';
import { fraudAdminRoutes } from './routes/fraud-admin';
import { insertionRoutes } from './routes/insertions';
import { queueRoutes } from './routes/queue';
import { pageHealthRoutes } from './routes/page-health';
import { reportRoutes } from './routes/reports';
import { settingsRoutes } from './routes/settings';
import { slaAdminRoutes } from './routes/sla-admin';
import { streamRoutes } from './routes/stream';
import { templateRoutes } from './routes/templates';
import { systemRoutes } from './routes/system';
import { seedDemo } from './seed/demo';

export interface AppOptions {
  /** A database opened with openDatabase() (its handle supplies LISTEN and the kind). */
  db: Database;
  /** false (default) for silence; a level logs JSON lines to stderr (stdout is for event lines). */
  logger?: boolean | { level: string };
  /** Seed the demo team, agents and cases (idempotent). */
  demo?: boolean;
  /** SSE heartbeat interval; 15 s unless a test wants it faster. */
  heartbeatMs?: number;
  /** Requests per minute per token (or per IP without one). */
  rateLimitPerMinute?: number;
  /** Failed sign-ins per minute per client address before it gets 429 (token guessing). */
  maxAuthFailuresPerMinute?: number;
}

/** The extension's service worker calls from chrome-extension://<id>; no web origin is ever allowed. */
const EXTENSION_ORIGIN = /^chrome-extension:\/\/[a-p]{32}$/;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const handle = handleOf(opts.db);
  const logger = opts.logger ? { level: opts.logger === true ? 'info' : opts.logger.level, stream: process.stderr } : false;
  // forceCloseConnections: open event streams (and sockets fetch clients keep after cancelling one)
  // would hold close() for seconds; cutting them is safe because every write is idempotent and retried.
  const app = Fastify({ logger, bodyLimit: 1_048_576, forceCloseConnections: true }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Caseside team backend', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && EXTENSION_ORIGIN.test(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposedHeaders: ['Idempotent-Replayed', 'Retry-After'],
    credentials: false,
    maxAge: 600,
  });
  await app.register(rateLimit, {
    max: opts.rateLimitPerMinute ?? 600,
    timeWindow: '1 minute',
    // Per token, so agents behind one office NAT do not share a budget; hashed so no secret sits in memory keys.
    keyGenerator: (request) => {
      const auth = request.headers.authorization;
      return auth ? `t:${hashToken(auth)}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: () => new HttpError('rate_limited', 'Too many requests; slow down and retry shortly.'),
  });
  await app.register(dbPlugin, { db: opts.db, listen: handle.listen });
  await app.register(authPlugin, { maxFailuresPerMinute: opts.maxAuthFailuresPerMinute ?? 30, demo: opts.demo ?? false });

  await app.register(systemRoutes, { databaseKind: handle.kind });
  await app.register(agentRoutes);
  await app.register(auditRoutes);
  await app.register(caseRoutes);
  await app.register(disputeRoutes);
  await app.register(templateRoutes);
  await app.register(insertionRoutes);
  await app.register(fraudAdminRoutes);
  await app.register(slaAdminRoutes);
  await app.register(settingsRoutes);
  await app.register(queueRoutes);
  await app.register(pageHealthRoutes);
  await app.register(reportRoutes);
  await app.register(streamRoutes, { heartbeatMs: opts.heartbeatMs ?? 15_000 });

  if (opts.demo) await seedDemo(opts.db);
  await app.ready();
  return app;
}
