import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseSecretsKeys } from './secrets/keys';

/**
 * Server configuration from flags and environment, checked once at boot. A bad value stops the server
 * with a message naming the option, instead of failing later in some unrelated place.
 * Flags win over environment variables.
 */
export const ServerConfig = z.strictObject({
  port: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0-65535').max(65535, 'must be 0-65535'),
  host: z.string().trim().min(1, 'must not be empty'),
  dataDir: z.string().trim().min(1, 'must not be empty'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  demo: z.boolean(),
  /** The live demo's start: the demo seed dates its data relative to it (else the saved dates). */
  demoNow: z.iso
    .datetime({ error: 'must be an ISO instant such as 2026-01-31T09:00:00Z' })
    .transform((s) => new Date(s))
    .optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }),
  rateLimitPerMinute: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1'),
  /** Believe X-Forwarded-For: true (any proxy), a hop count, or the proxy's addresses (comma-separated). */
  trustProxy: z.union([z.boolean(), z.number().int().min(1), z.array(z.string().min(1)).min(1)]),
  workers: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(64, 'must be at most 64'),
  /** The key(s) sealing stored secrets; checked here, never echoed in a message. */
  secretsKey: z.string().optional(),
});
export type ServerConfig = z.infer<typeof ServerConfig>;

/** How each setting is given, for error messages that tell the user what to fix. */
const SOURCES: Record<keyof ServerConfig, string> = {
  port: '--port (or PORT)',
  host: '--host (or HOST)',
  dataDir: '--data-dir (or CASESIDE_DATA_DIR)',
  databaseUrl: 'DATABASE_URL (or --database-url)',
  demo: '--demo (or CASESIDE_DEMO=1)',
  demoNow: '--demo-now (or CASESIDE_DEMO_NOW)',
  logLevel: 'LOG_LEVEL',
  rateLimitPerMinute: 'RATE_LIMIT_PER_MINUTE',
  trustProxy: '--trust-proxy (or TRUST_PROXY)',
  workers: '--workers (or CASESIDE_WORKERS)',
  secretsKey: 'CASESIDE_SECRETS_KEY',
};

export const DEFAULT_DATA_DIR = './data';
export const DEMO_DATA_DIR = './data-demo';

export const USAGE = `Usage: npm run server -- [--demo [--demo-now <ISO instant>]] [--port 8787] [--host 127.0.0.1] [--data-dir ./data] [--database-url postgres://...]
The data dir defaults to ./data, and to ./data-demo with --demo.
Environment: DATABASE_URL selects PostgreSQL (else PGlite in the data dir), PORT, HOST, CASESIDE_DATA_DIR,
CASESIDE_DEMO=1, CASESIDE_DEMO_NOW, LOG_LEVEL (info), RATE_LIMIT_PER_MINUTE (600),
CASESIDE_SECRETS_KEY: the key sealing stored signing secrets (64 hex digits, \`openssl rand -hex 32\`;
several, comma-separated, while rotating); without it the key is <data dir>/secrets.key, made on first start.
Several hosts on one PostgreSQL must all be given the same key.
TRUST_PROXY (or --trust-proxy): behind a reverse proxy, true, a hop count, or the proxy's addresses, so
rate limits see each client's own address (off by default).
--workers N (or CASESIDE_WORKERS): N processes sharing the port, PostgreSQL only (default 1).`;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(argv: string[], env: Record<string, string | undefined>): ServerConfig & { help: boolean } {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(argv);
  } catch (err) {
    throw new ConfigError(`${(err as Error).message}\n${USAGE}`);
  }
  const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);
  const demo = flags.demo ?? ['1', 'true', 'yes'].includes((env.CASESIDE_DEMO ?? '').toLowerCase());
  const raw = {
    port: flags.port ?? blankToUndefined(env.PORT) ?? '8787',
    host: flags.host ?? blankToUndefined(env.HOST) ?? '127.0.0.1',
    // The demo's data (and its published tokens) never share a directory with a real team's by default.
    dataDir: flags['data-dir'] ?? blankToUndefined(env.CASESIDE_DATA_DIR) ?? (demo ? DEMO_DATA_DIR : DEFAULT_DATA_DIR),
    databaseUrl: flags['database-url'] ?? blankToUndefined(env.DATABASE_URL),
    demo,
    demoNow: flags['demo-now'] ?? blankToUndefined(env.CASESIDE_DEMO_NOW),
    logLevel: blankToUndefined(env.LOG_LEVEL) ?? 'info',
    rateLimitPerMinute: blankToUndefined(env.RATE_LIMIT_PER_MINUTE) ?? '600',
    trustProxy: parseTrustProxy(flags['trust-proxy'] ?? blankToUndefined(env.TRUST_PROXY)),
    workers: flags.workers ?? blankToUndefined(env.CASESIDE_WORKERS) ?? '1',
    secretsKey: blankToUndefined(env.CASESIDE_SECRETS_KEY),
  };
  // "--port ''" or "--port 12abc" must not quietly become 0 or NaN.
  for (const key of ['port', 'rateLimitPerMinute', 'workers'] as const) {
    if (!/^\d+$/.test(String(raw[key]).trim())) {
      throw new ConfigError(`Invalid configuration: ${SOURCES[key]} must be a whole number, got ${JSON.stringify(raw[key])}.`);
    }
  }
  const parsed = ServerConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path[0] as keyof ServerConfig;
    const shown = key === 'databaseUrl' ? 'the given value' : JSON.stringify(raw[key]);
    throw new ConfigError(`Invalid configuration: ${SOURCES[key] ?? String(key)} ${issue.message}, got ${shown}.`);
  }
  if (parsed.data.secretsKey !== undefined) {
    try {
      parseSecretsKeys(parsed.data.secretsKey);
    } catch (err) {
      throw new ConfigError(`Invalid configuration: ${(err as Error).message}`);
    }
  }
  // PGlite is an embedded database owned by one process: a second process cannot open its directory.
  if (parsed.data.workers > 1 && !parsed.data.databaseUrl) {
    throw new ConfigError(
      `Invalid configuration: --workers ${parsed.data.workers} needs PostgreSQL (set DATABASE_URL). The embedded PGlite database belongs to one process, so it runs with one worker.`,
    );
  }
  return { ...parsed.data, help: flags.help ?? false };
}

/** "true"/"false", a hop count ("1"), or addresses and CIDR ranges ("10.0.0.1, 10.1.0.0/16"). */
function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  if (/^\d+$/.test(v)) return Number(v);
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function parseFlags(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      demo: { type: 'boolean' },
      'trust-proxy': { type: 'string' },
      'demo-now': { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return values;
}
