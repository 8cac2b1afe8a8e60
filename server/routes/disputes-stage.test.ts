import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeView } from '../../utils/api-routes/disputes';
import type { PageContextInput } from '../../utils/schemas/page';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { testDatabases } from '../../tests/server/databases';
import { orderPage, type TestTeam } from '../../tests/server/harness';
import { postFromPage } from './disputes-test-pages';

/** A Shopify order page with a Shopify Payments dispute banner at `stage`, as the adapter reads it. */
function shopifyDisputePage(order: string, stage: 'inquiry' | 'chargeback' | undefined): PageContextInput {
  return orderPage({
    portal: 'shopify',
    pageKind: 'chargeback',
    url: `https://admin.shopify.com/store/harbour-and-pine/orders/${order}`,
    marketplace: { code: 'SHOPIFY', domain: 'harbour-and-pine.myshopify.com', currency: 'USD', timeZone: 'America/New_York', language: 'en' },
    orderId: `#${order.slice(-4)}`,
    orderRef: order,
    chargeback: {
      id: `dispute-${order}`,
      amount: { amountMinor: 8900, currency: 'USD' },
      reason: 'Fraudulent',
      notifiedAt: new Date(Date.now() - 3_600_000).toISOString(),
      respondBy: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      ...(stage ? { stage } : {}),
    },
  });
}

describe.each(testDatabases())('the card stage a dispute page states, on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;

  beforeAll(async () => {
    ({
      app,
      teams: [a],
    } = await openTestApp(target, 'Alpha'));
  });
  afterAll(() => closeTestApp(app, target));

  const stageOf = async (page: PageContextInput) => {
    const res = await postFromPage(app, a.agentToken, page);
    expect(res.statusCode).toBeLessThan(300);
    return DisputeView.parse(res.json()).dispute.stage;
  };

  it('stores an inquiry as an inquiry, moves it on to a chargeback, and never back', async () => {
    const order = String(5_100_000_000 + Math.floor(Math.random() * 1e8));
    expect(await stageOf(shopifyDisputePage(order, 'inquiry'))).toBe('inquiry');
    expect(await stageOf(shopifyDisputePage(order, 'chargeback'))).toBe('chargeback');
    // A cached page still showing the inquiry banner does not pull it back.
    expect(await stageOf(shopifyDisputePage(order, 'inquiry'))).toBe('chargeback');
  });

  it('a banner that states no stage is a chargeback, as before', async () => {
    const order = String(5_200_000_000 + Math.floor(Math.random() * 1e8));
    expect(await stageOf(shopifyDisputePage(order, undefined))).toBe('chargeback');
  });
});
