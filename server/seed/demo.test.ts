import type { FastifyInstance } from 'fastify';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORDERS } from '../../tests/fixtures/manifest';
import { PanelData } from '../../utils/schemas/api';
import { buildApp } from '../app';
import type { Database } from '../db/open';
import * as schema from '../db/schema';
import { testDatabases } from '../../tests/server/databases';
import { auth, orderPage, postPanel } from '../../tests/server/harness';
import { seedDemo } from './demo';

async function rowCounts(db: Database): Promise<Record<string, number>> {
  const tables = {
    teams: schema.teams,
    agents: schema.agents,
    apiTokens: schema.apiTokens,
    orders: schema.orders,
    cases: schema.cases,
    events: schema.events,
    decisions: schema.decisions,
    templates: schema.templates,
    settings: schema.settings,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  return out;
}

describe.each(testDatabases())('demo seed on $kind', (target) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db, demo: true });
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await rowCounts(app.db);
    expect(before.teams).toBe(1);
    expect(await seedDemo(app.db)).toMatchObject({ created: false });
    expect(await rowCounts(app.db)).toEqual(before);
  });

  it('stores the demo tokens hashed, never in plain text', async () => {
    const rows = await app.db.select({ hash: schema.apiTokens.tokenHash }).from(schema.apiTokens);
    expect(rows.map((r) => r.hash)).not.toContain('demo-agent-token');
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    const me = await app.inject({ method: 'GET', url: '/v1/me', headers: auth('demo-lead-token') });
    expect(me.json().agent).toMatchObject({ name: 'Lena Lead', role: 'lead' });
  });

  it("gives the fixture's Amazon.de order a history, and the buyer's claim on another marketplace", async () => {
    const { orderId, buyerName } = DEMO_ORDERS.amazonDe;
    const res = await postPanel(app, 'demo-agent-token', orderPage({ orderId, buyer: { name: buyerName } }));
    const data = PanelData.parse(res.json());
    expect(data.case).toMatchObject({ kind: 'order', orderId, marketplace: 'DE' });
    expect(data.history.filter((e) => e.type === 'note').map((e) => e.agentName)).toEqual(['Lena Lead', 'Alex Agent']);
    expect(data.buyerCases.map((c) => [c.kind, c.marketplace])).toEqual(
      expect.arrayContaining([
        ['claim', 'FR'],
        ['return', 'DE'],
      ]),
    );
    expect(data.templates.map((t) => t.language).sort()).toEqual(expect.arrayContaining(['de', 'en', 'es', 'fr', 'it']));
    expect(data.templates.some((t) => t.scope === 'personal')).toBe(true);
  });

  it('shows the personal template only to its owner', async () => {
    const res = await postPanel(
      app,
      'demo-lead-token',
      orderPage({ orderId: DEMO_ORDERS.amazonCom.orderId, buyer: { name: DEMO_ORDERS.amazonCom.buyerName } }),
    );
    const data = PanelData.parse(res.json());
    expect(data.templates.some((t) => t.scope === 'personal')).toBe(false);
    expect(data.history.some((e) => e.text.includes('proof of delivery'))).toBe(true);
  });
});
