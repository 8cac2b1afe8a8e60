// @vitest-environment happy-dom
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADAPTERS } from './adapters';
import { PORTAL_DEFINITIONS, portalOfHost } from './catalogue';
import { portalKnowledgeOutsideFolders } from '../../tests/helpers/portal-conventions';
import type { PortalDefinition } from './types';

const ROOT = resolve(__dirname, '../..');

/**
 * Mentions of a portal outside its folder that are genuinely generic or data, each with its reason.
 * A line is allowed when it contains one of its file's fragments; anything new fails the test.
 */
const ALLOWED = new Map<string, readonly string[]>([
  // A parcel-locker brand: an address at one is a drop point whatever portal the order came from.
  ['utils/fraud/forwarders.ts', ["name: 'Amazon Locker'"]],
  // The stored page context's marketplace-id field is named for the one portal that shows such ids;
  // renaming it changes every stored context (debt, kept visible here).
  ['utils/schemas/page.ts', ['amazonId: PageText().optional()']],
  // Its zod/mini twin for the panel script (utils/schemas/mini/page.ts), the same field.
  ['utils/schemas/mini/page.ts', ['amazonId: text()']],
  // The developer start script opens a fixture page of the sandbox (fixtures are data).
  ['scripts/start.ts', ["f.name === 'amazon-de-order'", 'https://sellercentral.amazon.de/caseside-sandbox']],
  // Test pages shared by the disputes route tests: data, beside the routes they test.
  ['server/routes/disputes-test-pages.ts', ['https://sellercentral.amazon.com/gp/chargebacks/']],
]);

describe('portal knowledge lives in the portal folders', () => {
  test('no portal id, clock, dispute kind or host outside its folder, its detector entrypoint and the registry', () => {
    const findings = portalKnowledgeOutsideFolders(ROOT, PORTAL_DEFINITIONS, ALLOWED);
    expect(findings.map((f) => `${f.file}:${f.line} [${f.portal}] ${f.text}`)).toEqual([]);
  }, 60_000);

  test('the check finds a portal named in generic code (a clock id, a host, an id in a comparison)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseside-conventions-'));
    mkdirSync(join(dir, 'utils', 'sla'), { recursive: true });
    mkdirSync(join(dir, 'utils', 'portals', 'zalando'), { recursive: true });
    writeFileSync(
      join(dir, 'utils', 'sla', 'clock.ts'),
      [
        '// Comments may name Zalando as an example.',
        "export const kind = (portal: string) => (portal === 'zalando' ? 'zalando_customer_care' : 'x');",
        "export const host = 'https://zdirect.zalando.com/orders';",
        "export const fine = 'no portal here';",
      ].join('\n'),
    );
    writeFileSync(join(dir, 'utils', 'portals', 'zalando', 'own.ts'), "export const mine = 'zalando_order_export';\n");
    const findings = portalKnowledgeOutsideFolders(dir, PORTAL_DEFINITIONS, new Map());
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(['utils/sla/clock.ts:2', 'utils/sla/clock.ts:3']);
  });
});

describe('every registered portal', () => {
  test('has its DOM adapter, and each detector entrypoint and host is its own', () => {
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual(PORTAL_DEFINITIONS.map((p) => p.id).sort());
    const entrypoints = PORTAL_DEFINITIONS.map((p) => p.detector.entrypoint);
    expect(new Set(entrypoints).size).toBe(entrypoints.length);
    const hosts = PORTAL_DEFINITIONS.flatMap((p) => p.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const p of PORTAL_DEFINITIONS) for (const host of p.hosts) expect(host).toBe(host.toLowerCase());
  });

  for (const adapter of ADAPTERS) {
    test(`${adapter.id}: URL predicates with examples; each accepts its own and rejects every other kind's`, () => {
      const { predicates, examples } = adapter.pages;
      expect(predicates.length).toBeGreaterThan(0);
      for (const [kind] of predicates) expect(examples[kind]?.length ?? 0, `examples of ${kind}`).toBeGreaterThan(0);
      expect(examples.unknown?.length ?? 0, 'examples of pages that are not work pages').toBeGreaterThan(0);
      for (const [kind, predicate] of predicates) {
        for (const [exampleKind, urls] of Object.entries(examples)) {
          for (const url of urls ?? []) expect(predicate(new URL(url)), `${kind} on ${url}`).toBe(exampleKind === kind);
        }
      }
      // The examples are the portal's own pages.
      const definition = PORTAL_DEFINITIONS.find((p) => p.id === adapter.id) as PortalDefinition;
      for (const urls of Object.values(examples))
        for (const url of urls ?? []) {
          const host = new URL(url).hostname;
          if (definition.teamHosts?.example === host) continue;
          expect(portalOfHost(host)?.id, url).toBe(adapter.id);
        }
    });
  }
});
