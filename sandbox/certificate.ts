import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORTAL_HOSTS } from '../utils/portals/catalogue';

/**
 * A self-signed certificate for the portal hostnames, made once with openssl and kept in the temp
 * directory. Chromium is started with --ignore-certificate-errors against the sandbox only.
 */
export function sandboxCertificate(dir = join(tmpdir(), 'caseside-sandbox-cert')): { key: Buffer; cert: Buffer } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    mkdirSync(dir, { recursive: true });
    const san = ['localhost', ...PORTAL_HOSTS].map((h) => `DNS:${h}`).join(',');
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '825', '-subj', '/CN=Caseside portal sandbox', '-addext', `subjectAltName=${san},IP:127.0.0.1`],
        { stdio: 'pipe' },
      );
    } catch (err) {
      throw new Error(`Could not make the sandbox's HTTPS certificate with openssl (apt-get install openssl): ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}
