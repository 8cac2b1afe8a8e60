// @vitest-environment happy-dom
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CASE_FIXTURES } from '../../tests/fixtures/manifest-cases';
import { FIXTURES, type FixtureEntry } from '../../tests/fixtures/manifest';
import { parseFixture, renderFixtureContent } from '../../tests/fixtures/load';
import * as amazonFixtures from './amazon/selector-fixtures';
import * as amazonSelectors from './amazon/selectors';
import * as zalandoFixtures from './zalando/selector-fixtures';
import * as zalandoSelectors from './zalando/selectors';

/**
 * Every hook selector names the fixture pages that show it (each portal's selector-fixtures.ts). A portal
 * whose adapter has a selectors.ts must be listed here; label tables in it are text, not selectors.
 */
const PORTALS = [
  { id: 'amazon', selectors: amazonSelectors, fixtures: amazonFixtures, textTables: ['LABELS'] },
  { id: 'zalando', selectors: zalandoSelectors, fixtures: zalandoFixtures, textTables: ['LABELS', 'PAGE_SIGNS'] },
] as const;

const ALL: FixtureEntry[] = [...FIXTURES, ...CASE_FIXTURES];

/** The page as first served, rendered, and rendered on each of its hash routes. */
function views(entry: FixtureEntry): Document[] {
  const routes = [
    ...new Set(Array.from(parseFixture(entry).querySelectorAll('template[data-fixture-route]')).map((t) => t.getAttribute('data-fixture-route')!)),
  ];
  return [parseFixture(entry), renderFixtureContent(parseFixture(entry)), ...routes.map((r) => renderFixtureContent(parseFixture(entry), r))];
}

const cache = new Map<string, Document[]>();
const viewsOf = (entry: FixtureEntry) => cache.get(entry.name) ?? cache.set(entry.name, views(entry)).get(entry.name)!;
const matchesIn = (selector: string, entry: FixtureEntry) => viewsOf(entry).some((doc) => doc.querySelector(selector) !== null);

/** Each selector string of a group, by its path ("ORDER.orderId[0]"). */
function selectorsOf(value: unknown, path: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => selectorsOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) selectorsOf(v, `${path}.${k}`, out);
  return out;
}

describe('every selector names a fixture that shows it', () => {
  test('each adapter with a selectors.ts is checked here', () => {
    const root = join(__dirname);
    const withSelectors = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && readdirSync(join(root, d.name)).includes('selectors.ts'))
      .map((d) => d.name)
      .sort();
    expect(withSelectors).toEqual(PORTALS.map((p) => p.id).sort());
  });

  for (const portal of PORTALS) {
    describe(portal.id, () => {
      const named = portal.fixtures.SELECTOR_FIXTURES as Record<string, readonly string[]>;
      const groups = Object.keys(portal.selectors).filter((k) => !(portal.textTables as readonly string[]).includes(k));

      test('every group names fixture pages of this portal that exist', () => {
        expect(Object.keys(named).sort()).toEqual(groups.sort());
        for (const [group, names] of Object.entries(named)) {
          expect(names.length, group).toBeGreaterThan(0);
          for (const name of names) {
            const entry = ALL.find((f) => f.name === name);
            expect(entry, `${group}: ${name}`).toBeDefined();
            expect(name.startsWith(`${portal.id}-`), `${group}: ${name}`).toBe(true);
          }
        }
      });

      test('every selector matches in one of its group’s pages, or says why no page has it', () => {
        const missing: string[] = [];
        const stale: string[] = [];
        const pages = ALL.filter((f) => f.name.startsWith(`${portal.id}-`));
        for (const group of groups) {
          const entries = named[group]!.map((n) => ALL.find((f) => f.name === n)!);
          for (const [path, selector] of selectorsOf((portal.selectors as Record<string, unknown>)[group], group)) {
            const reason = portal.fixtures.NOT_IN_FIXTURES[path];
            if (reason !== undefined) {
              // The reason must stay true: a page that shows it now must be named instead.
              if (reason.trim().length < 20 || pages.some((p) => matchesIn(selector, p))) stale.push(`${path} ${selector}`);
            } else if (!entries.some((e) => matchesIn(selector, e))) missing.push(`${path} ${selector}`);
          }
        }
        expect(missing).toEqual([]);
        expect(stale).toEqual([]);
      });
    });
  }
});
