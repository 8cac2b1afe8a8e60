import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openDatabase, type DatabaseHandle } from '../db/open';
import { PAGE_CSP, PAGE_STYLE, pageLanguage } from './page';
import { DISPUTES_PAGE_KEYS } from './disputes-keys';
import { DISPUTES_PAGE_STYLE } from './disputes-style';
import { REPORTS_PAGE_STYLE } from './reports-style';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pagePackages, WEB_PAGES } from './bundle';

/** The backend-served pages: a static shell under a strict CSP, and each page's script bundled once. */
describe('backend-served pages', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await openDatabase({});
    app = await buildApp({ db: handle.db });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('serves the hand-off page with no inline script, its texts as data, and a CSP that allows scripts from this origin only', async () => {
    const res = await app.inject({ method: 'GET', url: '/handoffs', headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toBe(PAGE_CSP);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`);
    const scripts = [...res.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1]!.trim())).toEqual(['id="page-messages" type="application/json"', 'src="/web/handoffs.js" defer']);
    expect(res.body).toContain('<html lang="de">');
    expect(JSON.parse(scripts[0]![2]!).handoffSignIn.message).toBe('Anmelden');
  });

  it('serves every page with the same headers: the strict CSP, no sniffing, no referrer, never cached', async () => {
    for (const url of ['/handoffs', '/reports', '/disputes']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers, url).toMatchObject({
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': PAGE_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
    }
  });

  it('bundles the page script once and serves it as JavaScript', async () => {
    const first = await app.inject({ method: 'GET', url: '/web/handoffs.js' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(first.body.length).toBeGreaterThan(50_000);
    // The React page never writes HTML from data.
    expect(first.body).not.toContain('dangerouslySetInnerHTML:');
    const started = Date.now();
    const second = await app.inject({ method: 'GET', url: '/web/handoffs.js' });
    expect(second.body).toBe(first.body);
    expect(Date.now() - started).toBeLessThan(500);
  }, 60_000);

  it("serves the reports page the same way: the shell, its texts (the report tables' and the sign-in's), one script from this origin", async () => {
    const res = await app.inject({ method: 'GET', url: '/reports', headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
    const scripts = [...res.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1]!.trim())).toEqual(['id="page-messages" type="application/json"', 'src="/web/reports.js" defer']);
    expect(res.body).toContain('<html lang="fr">');
    // Its own layout rules, pinned by hash like the shared style.
    expect(res.body).toContain(`<style>${REPORTS_PAGE_STYLE}</style>`);
    expect(PAGE_CSP).toContain(`'sha256-${createHash('sha256').update(REPORTS_PAGE_STYLE).digest('base64')}'`);
    expect((await app.inject({ method: 'GET', url: '/handoffs' })).body).not.toContain(REPORTS_PAGE_STYLE);
    const texts = JSON.parse(scripts[0]![2]!) as Record<string, { message: string }>;
    expect(texts['reportsPageSignIn']!.message).toBe('Ouvrir les rapports');
    for (const key of ['reportsTitle', 'reportsCol_answerMedian', 'reportsTable_handoffs', 'reports_durationHours', 'kind_order', 'sopReportTitle'])
      expect(texts, key).toHaveProperty(key);
    // Only the page's texts, not the whole catalogue.
    expect(texts).not.toHaveProperty('handoffSignIn');
  });

  it("bundles the reports page: the extension's own reports components", async () => {
    const res = await app.inject({ method: 'GET', url: '/web/reports.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.body).toContain('reports-page');
    expect(res.body).toContain('handoff-report');
    expect(res.body).not.toContain('dangerouslySetInnerHTML:');
  }, 60_000);

  it("serves the disputes inbox the same way: the shell, the inbox's and the sign-in's texts, one script from this origin", async () => {
    const res = await app.inject({ method: 'GET', url: '/disputes', headers: { 'accept-language': 'it-IT,it;q=0.9' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
    const scripts = [...res.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1]!.trim())).toEqual(['id="page-messages" type="application/json"', 'src="/web/disputes.js" defer']);
    expect(res.body).toContain('<html lang="it">');
    expect(res.body).toContain('<title>Contestazioni e avvisi</title>');
    expect(res.body).toContain(`<style>${DISPUTES_PAGE_STYLE}</style>`);
    expect(PAGE_CSP).toContain(`'sha256-${createHash('sha256').update(DISPUTES_PAGE_STYLE).digest('base64')}'`);
    // Behind the shared sign-in, the page draws its own landmarks: the root is not a second <main>.
    expect(res.body).toContain('<div id="root"></div>');
    const texts = JSON.parse(scripts[0]![2]!) as Record<string, { message: string }>;
    expect(texts['disputesPageSignIn']!.message).toBe('Apri la casella');
    for (const key of [
      'inboxTitle',
      'inboxStage_alert',
      'inboxAction_refund',
      'inboxReportOutcome',
      'slaLeft',
      'slaOverdue',
      'webPageToken',
      'webPageRoleRefused',
    ])
      expect(texts, key).toHaveProperty(key);
    expect(texts).not.toHaveProperty('reportsTitle');
    expect(texts).not.toHaveProperty('handoffSignIn');
  });

  it('sends every text the inbox and the parts it shows ask for (a key left out shows as its own name)', () => {
    for (const file of ['components/disputes/DisputesInbox.tsx', 'components/disputes/Ce3Matches.tsx']) {
      const asked = [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*[`'"]([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
      expect(asked.length, file).toBeGreaterThan(3);
      for (const key of asked)
        expect(
          DISPUTES_PAGE_KEYS.some((k) => k === key || k.startsWith(key)),
          `${file}: ${key}`,
        ).toBe(true);
    }
  });

  it("bundles the disputes page: the extension's own inbox and the shared sign-in", async () => {
    const res = await app.inject({ method: 'GET', url: '/web/disputes.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.body).toContain('inbox-item');
    expect(res.body).toContain('webPageSignedInAs');
    expect(res.body).not.toContain('dangerouslySetInnerHTML:');
  }, 60_000);

  it('answers the icon every page names, a PNG', async () => {
    for (const url of ['/handoffs', '/reports', '/disputes'])
      expect((await app.inject({ method: 'GET', url })).body).toContain('<link rel="icon" href="/favicon.ico" type="image/png">');
    const icon = await app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/png');
    expect(icon.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it("bundles each page only from the backend's runtime dependencies (a --omit=dev install has them)", async () => {
    // What a production install holds: the dependencies and, through node_modules, theirs.
    const manifest = (dir: string) =>
      JSON.parse(readFileSync(new URL(`../../${dir}package.json`, import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
    const installed = new Set<string>();
    const visit = (name: string) => {
      if (installed.has(name)) return;
      installed.add(name);
      for (const dep of Object.keys(manifest(`node_modules/${name}/`).dependencies ?? {})) visit(dep);
    };
    for (const dep of Object.keys(manifest('').dependencies ?? {})) visit(dep);
    for (const page of WEB_PAGES) {
      const used = await pagePackages(page);
      expect(used.length, page).toBeGreaterThan(0);
      expect(
        used.filter((name) => !installed.has(name)),
        `${page}: packages a --omit=dev install lacks`,
      ).toEqual([]);
    }
  }, 60_000);

  it('refuses unknown and odd script names', async () => {
    expect((await app.inject({ method: 'GET', url: '/web/nope.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/web/..%2Fapp.js' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/web/handoffs.tsx' })).statusCode).toBe(400);
  });

  it('picks the first of the five UI languages the browser asks for', () => {
    expect(pageLanguage('fr-CH, fr;q=0.9')).toBe('fr');
    expect(pageLanguage('nl-NL, it;q=0.8')).toBe('it');
    expect(pageLanguage(undefined)).toBe('en');
  });
});
