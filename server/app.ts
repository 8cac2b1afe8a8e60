import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { handleOf, type Database } from './db/open';
import { installErrorHandler } from './errors';
import { SWAGGER_OPTIONS } from './openapi';
import { authPlugin } from './plugins/auth';
import { dbPlugin } from './plugins/db';
import { rateLimitPlugin } from './plugins/rate-limit';
import { securityHeadersPlugin } from './plugins/security-headers';
import { textGuardPlugin } from './plugins/text-guard';
import { DatabaseRateLimitStore, MemoryRateLimitStore } from './repositories/rate-limits';
import { agentRoutes } from './routes/agents';
import { auditRoutes } from './routes/audit';
import { caseRoutes } from './routes/cases';
import { disputeRoutes } from './routes/disputes';
import { csvImportRoutes } from './routes/csv-imports';
import { processorAdminRoutes } from './routes/processor-admin';
import { processorSubmitRoutes } from './routes/processor-submit';
import type { ProcessorTransports } from './services/processor-submit';
import { processorWebhookRoutes } from './routes/processor-webhooks';
import { fraudAdminRoutes } from './routes/fraud-admin';
import { handoffRoutes } from './routes/handoffs';
import { webPageRoutes } from './routes/web-pages';
import { insertionRoutes } from './routes/insertions';
import { queueRoutes } from './routes/queue';
import { pageHealthRoutes } from './routes/page-health';
import { reportRoutes } from './routes/reports';
import { settingsRoutes } from './routes/settings';
import { teamHostsRoutes } from './routes/team-hosts';
import { slaAdminRoutes } from './routes/sla-admin';
import { streamRoutes } from './routes/stream';
import { templateRoutes } from './routes/templates';
import { sopRoutes } from './routes/sops';
import { systemRoutes } from './routes/system';
import { seedDemo } from './seed/demo';
import { sealPlaintextSecrets } from './repositories/processor-disputes';
import { SecretBox } from './secrets/secret-box';

export interface AppOptions {
  /** A database opened with openDatabase() (its handle supplies LISTEN and the kind). */
  db: Database;
  /** false (default) for silence; a level logs JSON lines to stderr (stdout is for event lines). */
  logger?: boolean | { level: string };
  /** Where log lines go (stderr unless a test reads them). */
  logStream?: NodeJS.WritableStream;
  /** Seed the demo team, agents and cases (idempotent). */
  demo?: boolean;
  /** The live demo's start: the demo seed dates its data relative to it. */
  demoNow?: Date;
  /** SSE heartbeat interval; 15 s unless a test wants it faster. */
  heartbeatMs?: number;
  /** Requests per minute per token. */
  rateLimitPerMinute?: number;
  /** Requests per minute per client address, every token together (default 10 times the per-token budget). */
  addressRateLimitPerMinute?: number;
  /**
   * Where the rate-limit counters live: 'memory' (default; one process) or 'database' (a table, so every
   * instance on one PostgreSQL database shares the budgets; startServer picks it for PostgreSQL).
   */
  rateLimitStore?: 'memory' | 'database';
  /**
   * Believe X-Forwarded-For from a reverse proxy in front (Fastify's trustProxy: true, a hop count, or
   * the proxy's addresses). Off by default: without a proxy, a client could name any address it likes.
   */
  trustProxy?: boolean | number | string | string[];
  /** Failed sign-ins per minute per client address before it gets 429 (token guessing). */
  maxAuthFailuresPerMinute?: number;
  /**
   * Seals the secrets a team stores (processor signing secrets) before they reach the database. startServer
   * gives the configured key (CASESIDE_SECRETS_KEY or the data directory's key file); without one, the app
   * makes a random key that lives as long as it does, so what it sealed opens in this app only (tests).
   */
  secretBox?: SecretBox;
  /**
   * Tests only: the transports the official Stripe and Adyen clients send through when a defence is
   * submitted (they capture what would be sent). Without it, the packages' own HTTP clients are used.
   */
  processorTransports?: ProcessorTransports;
}

declare module 'fastify' {
  interface FastifyInstance {
    secretBox: SecretBox;
  }
}

/** The extension's service worker calls from chrome-extension://<id>; no web origin is ever allowed. */
const EXTENSION_ORIGIN = /^chrome-extension:\/\/[a-p]{32}$/;

/**
 * Never in a log line: tokens, and the personal data a request or a database error may carry (buyer
 * names and addresses in page contexts, values in a failed query's parameters).
 */
const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'err.params',
  'err.parameters',
  'err.detail',
  'err.cause.params',
  'err.cause.detail',
  'err.cause.parameters',
];

/** A hop count becomes a function: Fastify's types take only booleans, addresses or a function. */
function trustProxyOption(value: AppOptions['trustProxy']): boolean | string | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return value ?? false;
}

const ROUTES = new WeakMap<FastifyInstance, RouteOptions[]>();

/** Every route the app registered, with its schemas and config (the authorisation and fuzz tests walk these). */
export function registeredRoutes(app: FastifyInstance): readonly RouteOptions[] {
  return ROUTES.get(app) ?? [];
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const handle = handleOf(opts.db);
  const logger = opts.logger
    ? {
        level: opts.logger === true ? 'info' : opts.logger.level,
        stream: opts.logStream ?? process.stderr,
        redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
      }
    : false;
  // forceCloseConnections: open event streams (and sockets fetch clients keep after cancelling one)
  // would hold close() for seconds; cutting them is safe because every write is idempotent and retried.
  const app = Fastify({
    logger,
    bodyLimit: 1_048_576,
    forceCloseConnections: true,
    trustProxy: trustProxyOption(opts.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => void routes.push(route));
  ROUTES.set(app, routes);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(swagger, SWAGGER_OPTIONS);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && EXTENSION_ORIGIN.test(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposedHeaders: ['Idempotent-Replayed', 'Retry-After'],
    credentials: false,
    maxAge: 600,
  });
  const perToken = opts.rateLimitPerMinute ?? 600;
  await app.register(rateLimitPlugin, {
    store: opts.rateLimitStore === 'database' ? new DatabaseRateLimitStore(opts.db) : new MemoryRateLimitStore(),
    perToken,
    perAddress: opts.addressRateLimitPerMinute ?? perToken * 10,
  });
  await app.register(securityHeadersPlugin);
  await app.register(textGuardPlugin);
  await app.register(dbPlugin, { db: opts.db, listen: handle.listen });
  app.decorate('secretBox', opts.secretBox ?? new SecretBox([SecretBox.randomKey()]));
  // Secrets stored before encryption at rest existed are sealed now, once; afterwards none is in plain text.
  const sealed = await sealPlaintextSecrets(opts.db, (plain, context) => app.secretBox.seal(plain, context));
  if (sealed > 0) app.log.info({ sealed }, 'sealed processor signing secrets stored in plain text');
  await app.register(authPlugin, { maxFailuresPerMinute: opts.maxAuthFailuresPerMinute ?? 30, demo: opts.demo ?? false });

  await app.register(systemRoutes, { databaseKind: handle.kind });
  await app.register(agentRoutes);
  await app.register(auditRoutes);
  await app.register(caseRoutes);
  await app.register(disputeRoutes);
  await app.register(processorAdminRoutes);
  await app.register(processorSubmitRoutes, { ...(opts.processorTransports ? { transports: opts.processorTransports } : {}) });
  await app.register(csvImportRoutes);
  await app.register(processorWebhookRoutes);
  await app.register(templateRoutes);
  await app.register(insertionRoutes);
  await app.register(fraudAdminRoutes);
  await app.register(slaAdminRoutes);
  await app.register(settingsRoutes);
  await app.register(teamHostsRoutes);
  await app.register(queueRoutes);
  await app.register(pageHealthRoutes);
  await app.register(reportRoutes);
  await app.register(handoffRoutes);
  await app.register(webPageRoutes);
  await app.register(sopRoutes);
  await app.register(streamRoutes, { heartbeatMs: opts.heartbeatMs ?? 15_000 });

  if (opts.demo) await seedDemo(opts.db, { now: opts.demoNow });
  await app.ready();
  return app;
}
