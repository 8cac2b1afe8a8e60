import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses defaults: PGlite in ./data on 127.0.0.1:8787', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({ port: 8787, host: '127.0.0.1', dataDir: './data', demo: false, logLevel: 'info', rateLimitPerMinute: 600 });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('reads flags, which win over the environment', () => {
    const config = loadConfig(['--demo', '--port', '0', '--host', '0.0.0.0', '--data-dir', '/tmp/x'], { PORT: '9999', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(config).toMatchObject({ port: 0, host: '0.0.0.0', dataDir: '/tmp/x', demo: true, databaseUrl: 'postgres://u@h:5432/db' });
  });

  it.each([
    [['--port', 'abc'], {}, /--port \(or PORT\) must be a whole number, got "abc"/],
    [['--port', '70000'], {}, /--port \(or PORT\) must be 0-65535/],
    [[], { PORT: '-1' }, /--port \(or PORT\) must be a whole number/],
    [[], { DATABASE_URL: 'mysql://x' }, /DATABASE_URL \(or --database-url\) must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [[], { LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [[], { RATE_LIMIT_PER_MINUTE: '0' }, /RATE_LIMIT_PER_MINUTE must be at least 1/],
    [['--verbose'], {}, /Unknown option '--verbose'/],
  ])('rejects %j %j with a message naming the option', (argv, env, message) => {
    expect(() => loadConfig(argv, env)).toThrow(ConfigError);
    expect(() => loadConfig(argv, env)).toThrow(message);
  });

  it('keeps the demo out of ./data: --demo defaults to ./data-demo, an explicit dir still wins', () => {
    expect(loadConfig(['--demo'], {}).dataDir).toBe('./data-demo');
    expect(loadConfig([], { CASESIDE_DEMO: '1' }).dataDir).toBe('./data-demo');
    expect(loadConfig(['--demo'], { CASESIDE_DATA_DIR: '/srv/x' }).dataDir).toBe('/srv/x');
    expect(loadConfig(['--demo', '--data-dir', '/tmp/y'], {}).dataDir).toBe('/tmp/y');
  });

  it('checks CASESIDE_SECRETS_KEY at boot, naming it and never echoing the key', () => {
    const key = 'ab'.repeat(32);
    expect(loadConfig([], { CASESIDE_SECRETS_KEY: key }).secretsKey).toBe(key);
    expect(loadConfig([], { CASESIDE_SECRETS_KEY: '  ' }).secretsKey).toBeUndefined();
    const short = 'cd'.repeat(20);
    expect(() => loadConfig([], { CASESIDE_SECRETS_KEY: short })).toThrow(ConfigError);
    expect(() => loadConfig([], { CASESIDE_SECRETS_KEY: short })).toThrow(/CASESIDE_SECRETS_KEY: key 1 is not 32 bytes/);
    expect(() => loadConfig([], { CASESIDE_SECRETS_KEY: short })).toThrow(/^(?![\s\S]*cdcdcdcd)/);
  });

  it('never echoes a database URL, which may hold a password', () => {
    expect(() => loadConfig([], { DATABASE_URL: 'mysql://user:secret@host/db' })).toThrow(/^(?![\s\S]*secret)/);
  });

  it.each([
    [[], {}, false],
    [['--trust-proxy', 'true'], {}, true],
    [[], { TRUST_PROXY: '1' }, 1],
    [[], { TRUST_PROXY: 'false' }, false],
    [['--trust-proxy', '10.0.0.1, 10.1.0.0/16'], { TRUST_PROXY: 'true' }, ['10.0.0.1', '10.1.0.0/16']],
  ])('reads trustProxy from %j %j', (argv, env, expected) => {
    expect(loadConfig(argv, env).trustProxy).toEqual(expected);
  });

  it('runs several workers on PostgreSQL and refuses them on PGlite, naming the fix', () => {
    expect(loadConfig(['--workers', '3'], { DATABASE_URL: 'postgres://u@h:5432/db' }).workers).toBe(3);
    expect(loadConfig([], { CASESIDE_WORKERS: '2', DATABASE_URL: 'postgres://u@h:5432/db' }).workers).toBe(2);
    expect(loadConfig([], {}).workers).toBe(1);
    expect(() => loadConfig(['--workers', '2'], {})).toThrow(/--workers 2 needs PostgreSQL \(set DATABASE_URL\)/);
    expect(() => loadConfig(['--workers', '0'], { DATABASE_URL: 'postgres://u@h:5432/db' })).toThrow(/--workers \(or CASESIDE_WORKERS\) must be at least 1/);
    expect(() => loadConfig(['--workers', 'two'], { DATABASE_URL: 'postgres://u@h:5432/db' })).toThrow(
      /--workers \(or CASESIDE_WORKERS\) must be a whole number/,
    );
  });
});
