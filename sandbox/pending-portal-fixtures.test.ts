import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, PENDING_PORTAL_FIXTURES, fixturePath } from '../tests/fixtures/manifest';
import { SHOPIFY_FIXTURES } from '../tests/fixtures/manifest-shopify';
import type { PageSpec, PortalFixtureEntry } from '../tests/fixtures/page-spec';
import { sandboxCertificate } from './certificate';
import { fixtureClock, renderFixtureDates, renderedDateTexts } from './fixture-dates';
import { findFixture, startSandbox, type Sandbox } from './server';
import savedTexts from '../tests/fixtures/pending-saved-date-texts.json';
import wiredSavedTexts from '../tests/fixtures/saved-date-texts.json';
import { MIRAKL_FIXTURES } from '../tests/fixtures/manifest-mirakl';

/**
 * The Mirakl and Shopify pages written before their adapters: served at their real addresses, dated with
 * live tokens, and consistent with the spec the adapters will be held to (every instant, name and amount
 * the spec states is on the page).
 */
const raw = (entry: PortalFixtureEntry) => readFileSync(fixturePath(entry), 'utf8');
const TOKEN_RE = /\{\{date (\S+?)\|[^}]*\}\}/g;
// Pages written ahead of their adapters, those still pending and those whose adapter now reads them (Mirakl, Shopify).
const WRITTEN_AHEAD: PortalFixtureEntry[] = [...MIRAKL_FIXTURES, ...SHOPIFY_FIXTURES, ...PENDING_PORTAL_FIXTURES];
const pages = WRITTEN_AHEAD.map((f) => [f.name, f] as const);

// What a date looks like on these portals (numeric with . / or -, or with a month name in the seven languages).
const MONTHS = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|déc|januar|februar|märz|juni|juli|okt|dez|ene|abr|ago|dic|gen|mag|giu|lug|set|ott|mrt|mei|okt|sty|lut|kwi|maj|cze|lip|sie|wrz|paź|lis|gru)[a-zäéûñóśźęąłńç]*\.?`;
const LITERAL_DATE_RE = new RegExp(
  [
    String.raw`\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b`,
    String.raw`\b${MONTHS} \d{1,2}(?:, \d{4})?\b`,
    String.raw`\b\d{1,2}\.? ${MONTHS}(?: \d{4})?\b`,
    String.raw`\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}`,
  ].join('|'),
  'gi',
);

const tokenInstants = (html: string) => new Set(Array.from(html.matchAll(TOKEN_RE), (m) => Date.parse(m[1]!)));
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };
const pageText = (html: string) => html.replace(/&(amp|lt|gt|quot|nbsp);/g, (_, name: string) => ENTITIES[name]!);

/** Every ISO instant a spec states, wherever it sits. */
function specInstants(value: unknown): string[] {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(specInstants);
  if (value && typeof value === 'object') return Object.values(value).flatMap(specInstants);
  return [];
}

/** The words a spec says the page shows: ids, names, lines, reasons. */
function specTexts(spec: PageSpec): string[] {
  return [
    spec.orderId,
    spec.orderRef,
    spec.buyerName,
    spec.store,
    spec.thread?.topic,
    spec.incident?.reason,
    spec.incident?.lineSku,
    spec.dispute?.reasonText,
    ...(spec.items ?? []).flatMap((i) => [i.title, i.sku, i.variant]),
    ...(spec.listedOrders ?? []).flatMap((o) => [o.orderId, o.buyerName]),
    ...(spec.listedIncidents ?? []).flatMap((i) => [i.orderId, i.reason]),
  ].filter((t): t is string => typeof t === 'string');
}

const specs = (entry: PortalFixtureEntry): PageSpec[] => [entry.expected, ...(entry.afterNavigation ? [entry.afterNavigation.expected] : [])];

describe('pages of portals without an adapter yet', () => {
  it('stay out of the fixtures that fidelity, the seed and the end-to-end tests read', () => {
    const wired = new Set(FIXTURES.map((f) => f.name));
    expect(PENDING_PORTAL_FIXTURES.filter((f) => wired.has(f.name))).toEqual([]);
    expect(new Set([...FIXTURES, ...PENDING_PORTAL_FIXTURES].map((f) => f.name)).size).toBe(FIXTURES.length + PENDING_PORTAL_FIXTURES.length);
  });

  it.each(pages)('%s is found at its own URL and at every address it also serves', (_, entry) => {
    const url = new URL(entry.url);
    expect(findFixture(url.hostname, url.pathname + url.search)?.name).toBe(entry.name);
    if (entry.afterNavigation) {
      const next = new URL(entry.afterNavigation.url);
      expect(next.hostname).toBe(url.hostname);
      expect(findFixture(next.hostname, next.pathname + next.search)?.name).toBe(entry.name);
    }
  });

  it.each(pages)('%s declares its clock and every date token resolves, as saved and moved', (_, entry) => {
    const html = raw(entry);
    const clock = fixtureClock(html);
    expect(clock).not.toBeNull();
    const tokens = Array.from(html.matchAll(TOKEN_RE));
    expect(tokens.length).toBeGreaterThan(0);
    for (const [, iso] of tokens) expect(Number.isNaN(Date.parse(iso!)), iso).toBe(false);
    const saved = renderFixtureDates(html, 'as-saved');
    expect(saved).not.toMatch(/\{\{date|caseside-fixture-clock/);
    // Moved by a day and two hours, every date or time on the page reads differently.
    const later = new Date(clock!.seen.getTime() + 26 * 3_600_000);
    expect(renderFixtureDates(html, later)).not.toContain('{{date');
    const before = renderedDateTexts(html, 'as-saved');
    const after = renderedDateTexts(html, later);
    expect(after).toHaveLength(tokens.length);
    before.forEach((text, i) => expect(after[i], text).not.toBe(text));
  });

  // The text each page showed when it was written, in its locale's own format (nl, pl and am/pm included).
  it.each(pages)('%s shows exactly the date text it was written with', (_, entry) => {
    expect(renderedDateTexts(raw(entry), 'as-saved')).toEqual(
      { ...(wiredSavedTexts as Record<string, string[]>), ...(savedTexts as Record<string, string[]>) }[entry.file],
    );
  });

  it('pins the date text of every page and of no other', () => {
    expect(new Set(Object.keys(savedTexts))).toEqual(new Set(PENDING_PORTAL_FIXTURES.map((f) => f.file)));
  });

  it.each(pages)('%s shows no date outside a token, so the live demo never shows a stale one', (_, entry) => {
    const outside = raw(entry)
      .replace(TOKEN_RE, '')
      .replace(/<meta name="caseside-fixture-clock"[^>]*>/, '');
    expect(Array.from(outside.matchAll(LITERAL_DATE_RE), (m) => m[0])).toEqual([]);
  });

  it.each(pages)("%s shows every instant, name and line its spec states, in the spec's language", (_, entry) => {
    const html = raw(entry);
    const instants = tokenInstants(html);
    // The URL is part of what the page shows (Shopify's legacy order id is only there).
    const text = `${entry.url}\n${entry.afterNavigation?.url ?? ''}\n${pageText(html)}`;
    expect(html).toMatch(new RegExp(`<html lang="${entry.expected.language}(-[A-Z]{2})?"`));
    for (const spec of specs(entry)) {
      for (const iso of specInstants(spec)) expect(instants.has(Date.parse(iso)), `${iso} is one of the page's dates`).toBe(true);
      for (const words of specTexts(spec)) expect(text, words).toContain(words);
    }
  });

  it.each(pages)('%s states amounts that add up', (_, entry) => {
    for (const spec of specs(entry)) {
      const { items, totals } = spec;
      if (items && totals?.itemSubtotalMinor !== undefined) {
        expect(items.reduce((sum, i) => sum + i.quantity * i.unitPriceMinor, 0)).toBe(totals.itemSubtotalMinor);
      }
      if (totals?.itemSubtotalMinor !== undefined && totals.totalMinor !== undefined)
        expect(totals.totalMinor).toBeGreaterThanOrEqual(totals.itemSubtotalMinor);
    }
  });

  it('cover what the adapters must handle: seven languages, two operators, every Shopify risk level and none', () => {
    const mirakl = WRITTEN_AHEAD.filter((f) => f.name.startsWith('mirakl-'));
    const shopify = WRITTEN_AHEAD.filter((f) => f.name.startsWith('shopify-'));
    expect(new Set(WRITTEN_AHEAD.map((f) => f.expected.language))).toEqual(new Set(['en', 'de', 'fr', 'es', 'it', 'nl', 'pl']));
    for (const kind of ['order', 'order-list', 'message', 'claim'] as const) {
      expect(new Set(mirakl.filter((f) => f.expected.pageKind === kind).map((f) => f.expected.language)).size, kind).toBeGreaterThanOrEqual(2);
    }
    const miraklHosts = new Set(mirakl.map((f) => new URL(f.url).hostname));
    expect(miraklHosts).toContain('secretsales-prod.mirakl.net');
    expect(miraklHosts.size).toBeGreaterThanOrEqual(3);
    const levels = shopify.flatMap(specs).map((s) => s.risk?.level ?? 'absent');
    expect(new Set(levels)).toEqual(new Set(['HIGH', 'MEDIUM', 'LOW', 'NONE', 'PENDING', 'absent']));
    expect(shopify.some((f) => f.expected.dispute?.evidenceDueBy)).toBe(true);
    expect(shopify.some((f) => new URL(f.url).hostname.endsWith('.myshopify.com'))).toBe(true);
  });
});

describe('the HTTPS sandbox serving them', () => {
  let sandbox: Sandbox;
  const { cert } = sandboxCertificate();
  beforeAll(async () => {
    sandbox = await startSandbox({ now: new Date() });
  });
  afterAll(() => sandbox.close());

  /** A GET as Chromium sends it through the host-resolver rules: the real hostname for SNI, Host and the certificate. */
  const get = (url: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const u = new URL(url);
      const req = request(
        { host: '127.0.0.1', port: sandbox.port, path: u.pathname + u.search, servername: u.hostname, headers: { host: u.hostname }, ca: cert },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('maps every new host to itself in the Chromium host-resolver rules', () => {
    for (const f of WRITTEN_AHEAD) expect(sandbox.hostResolverRules).toContain(`MAP ${new URL(f.url).hostname} 127.0.0.1:${sandbox.port}`);
  });

  it.each(pages)('%s is served at its real URL over HTTPS, its dates live', async (_, entry) => {
    const res = await get(entry.url);
    expect(res.status).toBe(200);
    expect(res.body).not.toMatch(/\{\{date|caseside-fixture-clock/);
    expect(res.body).toContain(entry.expected.orderId ?? '<');
    if (entry.afterNavigation) expect((await get(entry.afterNavigation.url)).status).toBe(200);
  });

  it('answers 404 for a path on a new host that it has no page for', async () => {
    expect((await get('https://secretsales-prod.mirakl.net/mmp/shop/order/0000000000-A')).status).toBe(404);
  });
});
