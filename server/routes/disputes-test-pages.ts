import type { FastifyInstance } from 'fastify';
import { routePath } from '../../utils/api-routes';
import type { PageContextInput } from '../../utils/schemas/page';
import { auth, orderPage } from '../../tests/server/harness';

/** Test helpers shared by the disputes route tests. */

/** An Amazon.com chargeback page as the adapter reads it (Visa 13.1, notified 5 Nov 2025 10:00 PST). */
export function chargebackPage(orderId: string, id = `CB-${orderId.slice(-7)}`): PageContextInput {
  return orderPage({
    orderId,
    pageKind: 'chargeback',
    url: `https://sellercentral.amazon.com/gp/chargebacks/home.html#/details?chargebackId=${id}`,
    marketplace: { code: 'US', currency: 'USD', timeZone: 'America/Los_Angeles', language: 'en' },
    shipTo: undefined,
    items: [],
    totals: undefined,
    shippingService: undefined,
    chargeback: { id, amount: { amountMinor: 126648, currency: 'USD' }, reason: '13.1 Merchandise/Services Not Received', notifiedAt: '2025-11-05T18:00:00Z' },
  });
}

export async function postFromPage(app: FastifyInstance, token: string, context: PageContextInput) {
  return app.inject({ method: 'POST', url: routePath('disputes.fromPage'), headers: auth(token), payload: { context } });
}
