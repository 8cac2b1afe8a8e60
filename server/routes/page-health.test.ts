import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageHealthList } from '../../utils/schemas/health';
import { buildApp } from '../app';
import { maskPath } from '../repositories/page-health';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

describe('maskPath', () => {
  it('keeps the shape of the path and drops every digit', () => {
    expect(maskPath('https://sellercentral.amazon.de/orders-v3/order/302-1234567-1234567?x=1')).toBe('/orders-v#/order/###-#######-#######');
    expect(maskPath('not a url')).toBe('');
  });
});

describe.each(testDatabases())('page health on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
    a = await createTestTeam(app.db, 'Alpha');
    b = await createTestTeam(app.db, 'Beta');
  });
  afterAll(async () => {
    await app?.close();
  });

  const health = async (token: string) => app.inject({ method: 'GET', url: '/v1/page-health?days=7', headers: auth(token) });

  it('counts pages that were not fully read, one line per kind of failure, for leads of that team only', async () => {
    const redesign = (orderId: string) =>
      orderPage({
        orderId,
        url: `https://sellercentral.amazon.co.uk/orders-v3/order/${orderId}`,
        recognition: { status: 'unrecognized', missing: ['order-details-label', 'buyer name'] },
      });
    await postPanel(app, a.agentToken, redesign(newOrderId('206')));
    await postPanel(app, a.agentToken, redesign(newOrderId('206')));
    await postPanel(app, a.agentToken, orderPage({ orderId: newOrderId(), recognition: { status: 'partial', missing: ['tracking number'] } }));
    await postPanel(app, a.agentToken, orderPage({ orderId: newOrderId() }));

    const res = await health(a.leadToken);
    expect(res.statusCode).toBe(200);
    const { items } = PageHealthList.parse(res.json());
    expect(items).toHaveLength(2);
    const unrecognized = items.find((i) => i.status === 'unrecognized')!;
    expect(unrecognized).toMatchObject({ portal: 'amazon', pageKind: 'order', count: 2, missing: ['buyer name', 'order-details-label'] });
    expect(unrecognized.samplePath).not.toMatch(/\d/);
    expect(items.find((i) => i.status === 'partial')).toMatchObject({ count: 1, missing: ['tracking number'] });

    expect(PageHealthList.parse((await health(b.leadToken)).json()).items).toEqual([]);
  });

  it('counts pages read in full whose fields fell below their usual tier (a hook vanished), for the lead to see', async () => {
    const fellBack = () =>
      orderPage({ orderId: newOrderId('305'), recognition: { status: 'full', missing: [], lowerTier: ['buyer.name: label', 'orderId: label'] } });
    await postPanel(app, b.agentToken, fellBack());
    await postPanel(app, b.agentToken, fellBack());
    const { items } = PageHealthList.parse((await health(b.leadToken)).json());
    expect(items).toEqual([expect.objectContaining({ status: 'full', missing: [], lowerTier: ['buyer.name: label', 'orderId: label'], count: 2 })]);
  });

  it('is for leads: an agent gets 403, a bad window a 400 naming it', async () => {
    expect((await health(a.agentToken)).statusCode).toBe(403);
    const bad = await app.inject({ method: 'GET', url: '/v1/page-health?days=365', headers: auth(a.leadToken) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/days/);
  });
});
