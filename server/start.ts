import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { openDatabase, type DatabaseKind } from './db/open';
import { loadSecretBox } from './secrets/keys';
import { scheduleRetention } from './services/retention';

export interface StartOptions {
  port?: number;
  host?: string;
  /** PGlite's data directory when no databaseUrl is given (default ./data). */
  dataDir?: string;
  databaseUrl?: string;
  demo?: boolean;
  /** The live demo's start (the seed dates its data relative to it); unset keeps the saved dates. */
  demoNow?: Date;
  logLevel?: string;
  rateLimitPerMinute?: number;
  /** Fastify's trustProxy, for a reverse proxy in front (see AppOptions.trustProxy). */
  trustProxy?: boolean | number | string[];
  /** CASESIDE_SECRETS_KEY's value; without it the key file in dataDir seals stored secrets. */
  secretsKey?: string;
  /** Run the hourly retention sweep in this process (default true; one worker of a cluster does). */
  sweepRetention?: boolean;
}

export interface RunningServer {
  /** The real bound URL, e.g. http://127.0.0.1:53121 when port 0 was asked for. */
  url: string;
  database: DatabaseKind;
  close(): Promise<void>;
}

/** Opens the database (migrating it), builds the app, listens, and starts the hourly retention sweep. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? './data';
  const secrets = loadSecretBox({ secretsKey: opts.secretsKey, dataDir });
  const handle = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.databaseUrl ? undefined : dataDir });
  let app;
  try {
    app = await buildApp({
      db: handle.db,
      demo: opts.demo ?? false,
      ...(opts.demoNow ? { demoNow: opts.demoNow } : {}),
      logger: opts.logLevel !== undefined && opts.logLevel !== 'silent' ? { level: opts.logLevel } : false,
      rateLimitPerMinute: opts.rateLimitPerMinute,
      trustProxy: opts.trustProxy ?? false,
      // Instances sharing a PostgreSQL database share the budgets too.
      rateLimitStore: handle.kind === 'postgres' ? 'database' : 'memory',
      secretBox: secrets.box,
    });
    if (handle.kind === 'postgres' && secrets.source === 'file') {
      app.log.warn(
        `Stored signing secrets are sealed with the key in ${dataDir}/secrets.key. With several backend hosts on this PostgreSQL database, give each the same CASESIDE_SECRETS_KEY instead, or webhooks for a secret saved on one host fail on the others.`,
      );
    }
    await app.listen({ port: opts.port ?? 8787, host: opts.host ?? '127.0.0.1' });
  } catch (err) {
    await app?.close().catch(() => {});
    await handle.close();
    throw err;
  }
  const log = app.log;
  const stopRetention =
    opts.sweepRetention === false
      ? () => {}
      : scheduleRetention(handle.db, (result) => {
          if (result instanceof Error) log.error({ err: result }, 'retention sweep failed');
          else if (result.redactedOrders > 0 || result.deletedPayments > 0) log.info(result, 'retention sweep blanked personal data');
        });
  let closing: Promise<void> | undefined;
  return {
    url: urlOf(app.server.address() as AddressInfo),
    database: handle.kind,
    close: () =>
      (closing ??= (async () => {
        stopRetention();
        await app.close();
        await handle.close();
      })()),
  };
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
