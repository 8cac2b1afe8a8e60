import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_HOSTS } from './hosts';

/**
 * A self-signed certificate for the portal hostnames, made once with openssl and kept in the temp
 * directory. Chromium is started with --ignore-certificate-errors against the sandbox only. The directory
 * is named after the host list, so a page on a new host gets a certificate that names it.
 */
const SAN = ['localhost', ...SANDBOX_HOSTS].map((h) => `DNS:${h}`).join(',');
const DEFAULT_DIR = join(tmpdir(), `caseside-sandbox-cert-${createHash('sha256').update(SAN).digest('hex').slice(0, 12)}`);

export function sandboxCertificate(dir = DEFAULT_DIR): { key: Buffer; cert: Buffer } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    mkdirSync(dir, { recursive: true });
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          keyPath,
          '-out',
          certPath,
          '-days',
          '825',
          '-subj',
          '/CN=Caseside portal sandbox',
          '-addext',
          `subjectAltName=${SAN},IP:127.0.0.1`,
        ],
        { stdio: 'pipe' },
      );
    } catch (err) {
      throw new Error(
        `Could not make the sandbox's HTTPS certificate with openssl (apt-get install openssl): ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}
