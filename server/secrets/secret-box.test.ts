import fc from 'fast-check';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFromDataDir, loadSecretBox, parseSecretsKeys, SECRETS_KEY_FILE } from './keys';
import { SecretBox, SecretBoxError } from './secret-box';

const box = new SecretBox([SecretBox.randomKey()]);

describe('SecretBox', () => {
  it('opens what it sealed, for any text and context', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 80 }), (plain, context) => {
        const sealed = box.seal(plain, context);
        expect(sealed.startsWith(`cs1.${box.keyId}.`)).toBe(true);
        expect(box.open(sealed, context)).toBe(plain);
      }),
    );
  });

  it('seals the same text differently each time (a fresh nonce)', () => {
    expect(box.seal('whsec_x', 'c')).not.toBe(box.seal('whsec_x', 'c'));
  });

  it('refuses a value under another context, or with any byte altered', () => {
    const sealed = box.seal('whsec_abcdef', 'processor_secret:t1:stripe');
    expect(() => box.open(sealed, 'processor_secret:t2:stripe')).toThrow(SecretBoxError);
    // Flip any one byte of the nonce or of the ciphertext and its tag (as decoded: a base64url text can differ
    // in the unused low bits of its last character and still decode to the same bytes).
    const [, keyId, nonceText, bodyText] = sealed.split('.');
    const bytes = Buffer.concat([Buffer.from(nonceText!, 'base64url'), Buffer.from(bodyText!, 'base64url')]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (i, mask) => {
        const altered = Buffer.from(bytes);
        altered[i] = altered[i]! ^ mask;
        const text = `cs1.${keyId}.${altered.subarray(0, 12).toString('base64url')}.${altered.subarray(12).toString('base64url')}`;
        expect(() => box.open(text, 'processor_secret:t1:stripe')).toThrow(SecretBoxError);
      }),
    );
  });

  it('names an unknown key instead of failing silently, and opens old keys after rotation', () => {
    const oldKey = SecretBox.randomKey();
    const sealedOld = new SecretBox([oldKey]).seal('s', 'c');
    let err: unknown;
    try {
      box.open(sealedOld, 'c');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SecretBoxError);
    expect((err as SecretBoxError).reason).toBe('unknown_key');
    const rotated = new SecretBox([SecretBox.randomKey(), oldKey]);
    expect(rotated.open(sealedOld, 'c')).toBe('s');
    expect(rotated.seal('s', 'c').split('.')[1]).toBe(rotated.keyId);
    expect(rotated.keyId).not.toBe(new SecretBox([oldKey]).keyId);
  });

  it('passes a value stored before sealing existed through as it is', () => {
    expect(box.open('whsec_plain', 'c')).toBe('whsec_plain');
  });
});

describe('secrets keys', () => {
  it('reads hex and base64 keys, one or several, and names a bad one without echoing it', () => {
    const k = SecretBox.randomKey();
    expect(parseSecretsKeys(k.toString('hex'))[0]!.equals(k)).toBe(true);
    expect(parseSecretsKeys(` ${k.toString('base64')} , ${k.toString('hex')}`)).toHaveLength(2);
    const bad = 'deadbeef'.repeat(7);
    expect(() => parseSecretsKeys(bad)).toThrow(/CASESIDE_SECRETS_KEY: key 1 is not 32 bytes/);
    try {
      parseSecretsKeys(bad);
    } catch (e) {
      expect((e as Error).message).not.toContain(bad);
    }
    expect(() => parseSecretsKeys(`${k.toString('hex')},`)).toThrow(/empty key/);
  });

  it('makes a private key file in a new data directory and keeps it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'caseside-keys-'));
    const first = keyFromDataDir(dir);
    const file = path.join(dir, SECRETS_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keyFromDataDir(dir).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
    expect(loadSecretBox({ dataDir: dir }).source).toBe('file');
    const env = SecretBox.randomKey().toString('hex');
    expect(loadSecretBox({ dataDir: dir, secretsKey: env })).toMatchObject({ source: 'environment' });
  });

  it('refuses an empty key file rather than making a new key over it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'caseside-keys-'));
    writeFileSync(path.join(dir, SECRETS_KEY_FILE), '\n');
    expect(() => keyFromDataDir(dir)).toThrow(/is empty/);
  });
});
