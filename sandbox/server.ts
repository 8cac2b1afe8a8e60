import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SERVED_FIXTURES, fixturePath, type FixtureEntry } from '../tests/fixtures/manifest';
import { sandboxCertificate } from './certificate';
import { renderFixtureDates, type FixtureNow } from './fixture-dates';
import { SANDBOX_HOSTS } from './hosts';

/**
 * The portal sandbox: local replicas of Seller Central and zDirect pages (tests/fixtures), and of the
 * Mirakl and Shopify pages written ahead of their adapters, served over
 * HTTPS under the real portal hostnames. Chromium reaches it through --host-resolver-rules, so the
 * extension's content scripts run with their real match patterns. Each host's `/caseside-sandbox` lists
 * the pages it serves.
 */
export interface Sandbox {
  port: number;
  /** Chromium flag value mapping every portal host (and every fixture page's host) to this server. */
  hostResolverRules: string;
  close: () => Promise<void>;
}

export function findFixture(host: string, pathAndQuery: string): FixtureEntry | undefined {
  const exact = SERVED_FIXTURES.find((f) => {
    const u = new URL(f.url);
    return u.hostname === host && u.pathname + u.search === pathAndQuery;
  });
  if (exact) return exact;
  const path = pathAndQuery.split('?')[0] ?? '';
  return (
    SERVED_FIXTURES.find((f) => new URL(f.url).hostname === host && (f.alsoServes ?? []).some((re) => new RegExp(re).test(pathAndQuery))) ??
    // Query strings vary (tracking parameters): fall back to host + path alone when it is unambiguous.
    onlyOne(SERVED_FIXTURES.filter((f) => new URL(f.url).hostname === host && new URL(f.url).pathname === path))
  );
}

function onlyOne<T>(list: T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}

function indexPage(host: string, port: number): string {
  const rows = SERVED_FIXTURES.filter((f) => new URL(f.url).hostname === host || host === 'localhost' || host === '127.0.0.1')
    .map((f) => `<li><a href="${escapeHtml(f.url)}">${escapeHtml(f.name)}</a> <small>${escapeHtml(f.expected.pageKind)}</small></li>`)
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Caseside portal sandbox</title>
<h1>Caseside portal sandbox</h1><p>Local replicas of portal pages (port ${port}). Open them in a Chromium started with the sandbox's host-resolver rules.</p><ul>${rows}</ul>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  /**
   * When the pages are looked at: 'as-saved' serves the dates the tests pin; an instant (the demo's start)
   * moves every page's dates so its story is current, and the clocks beside it are live.
   */
  now: FixtureNow;
}

export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const { key, cert } = sandboxCertificate();
  const server: Server = createServer({ key, cert }, async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const pathAndQuery = req.url ?? '/';
    const send = (status: number, body: string | Buffer, type = 'text/html; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed', 'text/plain');
    if (pathAndQuery === '/favicon.ico') return send(204, '');
    if (pathAndQuery.startsWith('/caseside-sandbox')) return send(200, indexPage(host, (server.address() as AddressInfo).port));
    if (!SANDBOX_HOSTS.has(host) && host !== 'localhost' && host !== '127.0.0.1') return send(404, 'Not a portal host', 'text/plain');
    const fixture = findFixture(host, pathAndQuery);
    if (!fixture) {
      return send(
        404,
        `<!doctype html><meta charset="utf-8"><title>Not found</title><h1>Page not found</h1><p>The sandbox has no page at this address. <a href="/caseside-sandbox">See the pages it serves.</a></p>`,
      );
    }
    try {
      send(200, renderFixtureDates(await readFile(fixturePath(fixture), 'utf8'), opts.now));
    } catch {
      send(500, 'Fixture missing on disk', 'text/plain');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const hostResolverRules = [...SANDBOX_HOSTS].map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
  return {
    port,
    hostResolverRules,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
