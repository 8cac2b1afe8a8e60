import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelData } from '../../utils/schemas/api';
import { createTemplate } from '../repositories/templates';
import { flushPanelBookkeeping } from '../services/panel-bookkeeping';
import { testDatabases } from '../../tests/server/databases';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

/**
 * The panel's read path: a revisit that shows nothing new writes nothing, the team's configuration comes
 * from memory yet follows every change, and the bookkeeping written in batches is not lost.
 */
describe.each(testDatabases())('panel read path on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;

  beforeAll(async () => {
    ({
      app,
      teams: [a],
    } = await openTestApp(target, 'Alpha'));
  });
  afterAll(() => closeTestApp(app, target));

  /** The row version of the order and its case: it changes with every write of the row. */
  const rowVersions = async (orderId: string) => {
    const result = await app.db.execute(sql`
      select (select xmin::text from orders where team_id = ${a.teamId} and order_id = ${orderId}) as order_version,
             (select xmin::text from cases where team_id = ${a.teamId} and order_id = ${orderId} and kind = 'order') as case_version`);
    return (result as unknown as { rows: Array<{ order_version: string; case_version: string }> }).rows[0]!;
  };

  it('writes nothing when a revisit shows nothing new, and writes what a page newly shows', async () => {
    const page = orderPage();
    const first = PanelData.parse((await postPanel(app, a.agentToken, page)).json());
    const before = await rowVersions(page.orderId!);
    expect(before.order_version).toBeTruthy();

    const again = PanelData.parse((await postPanel(app, a.agentToken, page)).json());
    expect(again.case).toEqual(first.case);
    expect(again.history).toEqual(first.history);
    expect(again.fraud).toEqual(first.fraud);
    expect(await rowVersions(page.orderId!)).toEqual(before);

    // The page now shows another total: the order is written.
    const changed = { ...page, totals: { total: { amountMinor: 15999, currency: 'EUR' } } };
    await postPanel(app, a.agentToken, changed);
    const after = await rowVersions(page.orderId!);
    expect(after.order_version).not.toBe(before.order_version);
    const stored = await app.db.execute(sql`select total_minor from orders where team_id = ${a.teamId} and order_id = ${page.orderId!}`);
    // A bigint column: node-postgres hands int8 back as a string, PGlite as a number.
    expect(Number((stored as unknown as { rows: Array<{ total_minor: number | string }> }).rows[0]!.total_minor)).toBe(15999);
  });

  it("moves an unchanged order's last-seen time forward through the batched bookkeeping", async () => {
    const page = orderPage();
    await postPanel(app, a.agentToken, page);
    await flushPanelBookkeeping(app.db);
    const seen = async () =>
      new Date(
        (
          (await app.db.execute(sql`select last_seen_at from orders where team_id = ${a.teamId} and order_id = ${page.orderId!}`)) as unknown as {
            rows: Array<{ last_seen_at: string | Date }>;
          }
        ).rows[0]!.last_seen_at,
      ).getTime();
    const firstSeen = await seen();
    await new Promise((r) => setTimeout(r, 20));
    await postPanel(app, a.agentToken, page);
    await flushPanelBookkeeping(app.db);
    expect(await seen()).toBeGreaterThan(firstSeen);
  });

  it('offers a template saved after the team configuration was cached', async () => {
    const page = orderPage();
    await postPanel(app, a.agentToken, page); // caches the team's configuration
    const template = await createTemplate(app.db, a.teamId, { scope: 'team', ownerId: a.lead.id, title: 'Cached then new', body: 'Hallo', language: 'de' });
    const data = PanelData.parse((await postPanel(app, a.agentToken, page)).json());
    expect(data.templates.map((t) => t.id)).toContain(template.id);
  });

  it('hears a change written behind its back (another instance, psql) through the database notification', async () => {
    const page = orderPage();
    const template = await createTemplate(app.db, a.teamId, { scope: 'team', ownerId: a.lead.id, title: 'Before rename', body: 'Hallo', language: 'de' });
    const titleNow = async () => PanelData.parse((await postPanel(app, a.agentToken, page)).json()).templates.find((t) => t.id === template.id)?.title;
    expect(await titleNow()).toBe('Before rename');
    // No repository involved: only the trigger's NOTIFY can tell the cache.
    await app.db.execute(sql`update templates set title = 'After rename' where id = ${template.id}`);
    let title: string | undefined;
    for (let i = 0; i < 40 && title !== 'After rename'; i++) {
      title = await titleNow();
      if (title !== 'After rename') await new Promise((r) => setTimeout(r, 50));
    }
    expect(title).toBe('After rename');
  });

  it('counts every sighting of a partly read page once the batch is written', async () => {
    const page = orderPage({ recognition: { status: 'partial', missing: ['shipTo'] } });
    await Promise.all([postPanel(app, a.agentToken, page), postPanel(app, a.agentToken, page), postPanel(app, a.agentToken, page)]);
    const res = await app.inject({ method: 'GET', url: '/v1/page-health', headers: { authorization: `Bearer ${a.leadToken}` } });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Array<{ missing: string[]; count: number }> }).items.filter((i) => i.missing.includes('shipTo'));
    expect(items.map((i) => i.count)).toEqual([3]);
  });
});
