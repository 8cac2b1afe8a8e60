import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for the secrets a team stores on the backend (the processors' webhook signing
 * secrets): AES-256-GCM with a random 96-bit nonce per value, and the row it belongs to (team and
 * processor) as associated data, so a sealed value copied onto another team's row does not open.
 *
 * A sealed value reads `cs1.<key id>.<nonce>.<ciphertext and tag>` (base64url). The key id is the first
 * 8 hex digits of the key's SHA-256: a server that was given a different key says so instead of failing
 * to authenticate a webhook for a reason nobody can see. Several keys may be given: the first seals, all
 * open (key rotation: add the new key first, restart, re-save the secrets, drop the old one).
 */
export const SEALED_PREFIX = 'cs1.';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
  constructor(
    readonly reason: 'unknown_key' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  /** The id of the key new values are sealed with. */
  readonly keyId: string;

  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new Error('SecretBox needs at least one key.');
    for (const k of keys) if (k.length !== KEY_BYTES) throw new Error(`A secrets key is ${KEY_BYTES} bytes, got ${k.length}.`);
    this.keys = new Map(keys.map((k) => [keyIdOf(k), Buffer.from(k)]));
    this.keyId = keyIdOf(keys[0]!);
  }

  /** A fresh random key: for a new data directory, or an app built without one (tests). */
  static randomKey(): Buffer {
    return randomBytes(KEY_BYTES);
  }

  seal(plaintext: string, context: string): string {
    const key = this.keys.get(this.keyId)!;
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${SEALED_PREFIX}${this.keyId}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
  }

  /** Opens a sealed value; a value stored before encryption existed (no prefix) is returned as it is. */
  open(stored: string, context: string): string {
    if (!isSealed(stored)) return stored;
    const [, keyId, nonceText, bodyText] = stored.split('.');
    if (!keyId || !nonceText || !bodyText) throw new SecretBoxError('corrupt', 'The stored secret is not in the sealed format.');
    const key = this.keys.get(keyId);
    if (!key) {
      throw new SecretBoxError(
        'unknown_key',
        `The stored secret was sealed with key ${keyId}, which this server was not given (it has ${[...this.keys.keys()].join(', ')}); give every backend host the same CASESIDE_SECRETS_KEY, or save the secret again.`,
      );
    }
    const nonce = Buffer.from(nonceText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) throw new SecretBoxError('corrupt', 'The stored secret is truncated.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonce);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('corrupt', 'The stored secret does not authenticate (altered, or moved from another row).');
    }
  }
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}
