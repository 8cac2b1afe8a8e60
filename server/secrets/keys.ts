import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SecretBox } from './secret-box';

/**
 * Where the secrets key comes from. `CASESIDE_SECRETS_KEY` (one key, or several separated by commas, the
 * first sealing new values; each 32 bytes as 64 hex digits or base64) wins; without it the backend keeps
 * a key of its own in `<data dir>/secrets.key` (mode 0600), made on first start. The key file is never in
 * a backup (backups hold the database only), so a stolen backup holds no usable signing secret.
 * Several backend hosts on one PostgreSQL must share the key: set CASESIDE_SECRETS_KEY on each.
 */
export const SECRETS_KEY_FILE = 'secrets.key';

export class SecretsKeyError extends Error {
  override name = 'SecretsKeyError';
}

/** Parses CASESIDE_SECRETS_KEY's value; the message names the variable and the bad part, never the key. */
export function parseSecretsKeys(value: string, source = 'CASESIDE_SECRETS_KEY'): Buffer[] {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) throw new SecretsKeyError(`${source} has an empty key; give 32-byte keys as 64 hex digits or base64, separated by commas.`);
  return parts.map((p, i) => {
    const key = /^[0-9a-f]{64}$/i.test(p) ? Buffer.from(p, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(p) ? Buffer.from(p, 'base64') : undefined;
    if (!key || key.length !== 32) {
      throw new SecretsKeyError(
        `${source}: key ${i + 1} is not 32 bytes as 64 hex digits or base64 (it has ${p.length} characters); make one with \`openssl rand -hex 32\`.`,
      );
    }
    return key;
  });
}

/** Reads `<dataDir>/secrets.key`, or creates it (0600) when the data directory has none yet. */
export function keyFromDataDir(dataDir: string): Buffer {
  const file = path.resolve(dataDir, SECRETS_KEY_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) makeKeyFile(file);
  const text = readFileSync(file, 'utf8').trim();
  if (text === '') throw new SecretsKeyError(`${file} is empty; delete it to have a new key made (secrets sealed with the old one must then be saved again).`);
  return parseSecretsKeys(text, file)[0]!;
}

/**
 * Written whole to a private temporary file, then linked into place: a process starting at the same
 * moment sees either no key file or a complete one, and exactly one key wins.
 */
function makeKeyFile(file: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, `${SecretBox.randomKey().toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The secret box a server uses: the environment's keys, else the data directory's key file. */
export function loadSecretBox(opts: { secretsKey?: string | undefined; dataDir: string }): { box: SecretBox; source: 'environment' | 'file' } {
  if (opts.secretsKey !== undefined && opts.secretsKey.trim() !== '') return { box: new SecretBox(parseSecretsKeys(opts.secretsKey)), source: 'environment' };
  return { box: new SecretBox([keyFromDataDir(opts.dataDir)]), source: 'file' };
}
