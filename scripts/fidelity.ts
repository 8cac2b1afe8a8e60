import { expect, test } from 'vitest';
import { FIXTURES, type FixtureEntry } from '../tests/fixtures/manifest';
import { liveFixture } from '../tests/fixtures/load';
import { adapterForHost } from '../utils/portals/adapters';
import type { FieldTier, PageContext } from '../utils/schemas';

/**
 * Portal fidelity: for every page kind and field, how many fixtures read it and by which tier (hook,
 * label, structure, URL). The fields each fixture states (order, buyer, marketplace, clock start) must
 * be read right on all of them; the rest are counted where the page shows them. Run: npm run fidelity.
 */
const TIERS: readonly FieldTier[] = ['hook', 'label', 'structure', 'url'];
const STATED: ReadonlyArray<readonly [string, (f: FixtureEntry) => string | undefined, (c: PageContext) => string | undefined]> = [
  ['orderId', (f) => f.expected.orderId, (c) => c.orderId],
  ['buyer.name', (f) => f.expected.buyerName, (c) => c.buyer?.name],
  ['marketplace', (f) => f.expected.marketplace, (c) => c.marketplace?.code],
  ['clockStart', (f) => f.expected.clockStart, (c) => c.clockStart?.at],
];

interface Row {
  portal: string;
  kind: string;
  field: string;
  stated: number;
  right: number;
  tiers: Record<FieldTier, number>;
}

test('portal fidelity', async () => {
  const rows = new Map<string, Row>();
  const row = (portal: string, kind: string, field: string) => {
    const key = `${portal}|${kind}|${field}`;
    if (!rows.has(key)) rows.set(key, { portal, kind, field, stated: 0, right: 0, tiers: { hook: 0, label: 0, structure: 0, url: 0 } });
    return rows.get(key)!;
  };
  for (const fixture of FIXTURES.filter((f) => f.expected.pageKind !== 'unknown')) {
    const url = new URL(fixture.url);
    const adapter = adapterForHost(url.hostname)!;
    let context: PageContext;
    try {
      const doc = await liveFixture(fixture, (d) => adapter.isContentReady(fixture.expected.pageKind, d));
      context = adapter.extract(url, doc);
    } catch (error) {
      console.log(`${fixture.name}: the page did not load (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const kind = fixture.expected.pageKind;
    for (const [field, stated, read] of STATED) {
      const want = stated(fixture);
      if (want === undefined) continue;
      const r = row(adapter.id, kind, field);
      r.stated++;
      if (read(context) === want) r.right++;
    }
    for (const [field, tier] of Object.entries(context.fieldTiers ?? {})) row(adapter.id, kind, field).tiers[tier]++;
  }
  const sorted = [...rows.values()].sort((a, b) => `${a.portal}${a.kind}${a.field}`.localeCompare(`${b.portal}${b.kind}${b.field}`));
  const lines = [
    '| portal | page kind | field | read right | hook | label | structure | URL |',
    '|---|---|---|---|---|---|---|---|',
    ...sorted.map(
      (r) =>
        `| ${r.portal} | ${r.kind} | ${r.field} | ${r.stated ? `${r.right}/${r.stated} (${Math.round((100 * r.right) / r.stated)} %)` : '–'} | ${TIERS.map((t) => r.tiers[t] || '').join(' | ')} |`,
    ),
  ];
  console.log(`\nPortal fidelity (${FIXTURES.length} fixtures)\n\n${lines.join('\n')}\n`);
  const below = sorted.filter((r) => r.stated > 0 && r.right < r.stated).map((r) => `${r.portal} ${r.kind} ${r.field}: ${r.right}/${r.stated}`);
  expect(below, 'fields read right on fewer than all fixtures that state them').toEqual([]);
});
