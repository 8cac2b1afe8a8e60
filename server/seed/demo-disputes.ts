import { PageContext, type PageContextInput } from '../../utils/schemas/page';
import type { Database } from '../db/open';
import { findAgentByName } from '../repositories/agents';
import { updateDisputeStatus, upsertDispute, type NewDispute } from '../repositories/disputes';
import { getTeam } from '../repositories/teams';
import type { Caller } from '../repositories/tokens';
import { disputeFromPageView } from '../services/disputes';
import { loadPanel } from '../services/panel';
import { DISPUTE_PAGES_SAVED_AT, SEED_SAVED_NOW, shiftFor, shiftInstants, type DemoNow } from './demo-clock';

/**
 * The demo team's disputes: a record of decided ones (so the recommendation shows a win rate) and the
 * open disputes behind the sandbox's chargeback and claim pages (fixtures amazon-com-chargeback and
 * amazon-fr-claim), with the values those pages show. Running it again changes nothing.
 */

type PastDispute = { id: string; reason: string; kind: NewDispute['kind']; amount: number; currency: string; filedAt: string; outcome: 'won' | 'lost' };

const past = (n: number, reason: string, outcome: 'won' | 'lost', amount: number, kind: NewDispute['kind'] = 'amazon_chargeback'): PastDispute => ({
  id: `DEMO-${kind === 'amazon_atoz' ? 'AZ' : 'CB'}-${String(n).padStart(4, '0')}`,
  reason,
  kind,
  amount,
  currency: kind === 'amazon_atoz' ? 'EUR' : 'USD',
  filedAt: new Date(Date.UTC(2025, 3 + (n % 6), 3 + n)).toISOString(),
  outcome,
});

export const DEMO_PAST_DISPUTES: PastDispute[] = [
  past(1, 'not_received', 'won', 8999),
  past(2, 'not_received', 'won', 15998),
  past(3, 'not_received', 'won', 4599, 'amazon_atoz'),
  past(4, 'not_received', 'lost', 23900),
  past(5, 'not_received', 'won', 12999, 'amazon_atoz'),
  past(6, 'not_received', 'won', 6450),
  past(7, 'not_received', 'lost', 31999, 'amazon_atoz'),
  past(8, 'not_as_described', 'lost', 7999),
  past(9, 'not_as_described', 'won', 18900, 'amazon_atoz'),
  past(10, 'not_as_described', 'lost', 4999),
  past(11, 'fraud_card_absent', 'lost', 54900),
];

const amazonUs = { code: 'US', amazonId: 'ATVPDKIKX0DER', domain: 'Amazon.com', currency: 'USD', timeZone: 'America/Los_Angeles', language: 'en' } as const;
const amazonFr = { code: 'FR', amazonId: 'A13V1IB3VIYZZH', domain: 'Amazon.fr', currency: 'EUR', timeZone: 'Europe/Paris', language: 'fr' } as const;
const full = { status: 'full' as const, missing: [] as string[] };

/** The claim's order as its order page read, before the claim: shipped with tracking. */
const CLAIM_ORDER_PAGE: PageContextInput = {
  portal: 'amazon',
  pageKind: 'order',
  url: 'https://sellercentral.amazon.fr/orders-v3/order/403-1112223-3334445',
  marketplace: amazonFr,
  orderId: '403-1112223-3334445',
  buyer: { name: 'Camille Dubois' },
  shipTo: { name: 'Camille Dubois', lines: ['Camille Dubois', '18 rue des Lilas', '69003 Lyon', 'France'], city: 'Lyon', postalCode: '69003', country: 'FR' },
  items: [{ title: 'Machine à expresso Barista Pro', asin: 'B0DEMOFR01', sku: 'ESP-PRO-FR', quantity: 1, unitPrice: { amountMinor: 108990, currency: 'EUR' } }],
  totals: { total: { amountMinor: 108990, currency: 'EUR' } },
  purchasedAt: '2025-10-24T09:12:00Z',
  shippingService: 'Colissimo',
  trackingNumber: '6A12345678901',
  recognition: full,
};

/** What the sandbox's fixture pages show (tests/fixtures/amazon/com-chargeback.html and fr-claim.html). */
export const DEMO_DISPUTE_PAGES: PageContextInput[] = [
  {
    portal: 'amazon',
    pageKind: 'chargeback',
    url: 'https://sellercentral.amazon.com/gp/chargebacks/home.html#/details?chargebackId=CB-9F3K2Q7ZL1',
    marketplace: amazonUs,
    orderId: '111-2223334-4445556',
    chargeback: {
      id: 'CB-9F3K2Q7ZL1',
      amount: { amountMinor: 126648, currency: 'USD' },
      reason: '13.1 Merchandise/Services Not Received',
      notifiedAt: '2025-11-05T18:00:00Z',
      respondBy: '2025-11-12T18:00:00Z',
      status: 'Seller response needed',
    },
    recognition: full,
  },
  {
    portal: 'amazon',
    pageKind: 'claim',
    url: 'https://sellercentral.amazon.fr/gp/guarantee-claims/home.html?claimId=AZ7QK2LX9M',
    marketplace: amazonFr,
    orderId: '403-1112223-3334445',
    buyer: { name: 'Camille Dubois' },
    claim: {
      id: 'AZ7QK2LX9M',
      amount: { amountMinor: 108990, currency: 'EUR' },
      reason: 'Article non reçu',
      filedAt: '2025-11-02T14:20:00Z',
      stage: "Demande d'informations",
      status: 'Action requise',
    },
    recognition: full,
  },
];

export async function seedDemoDisputes(db: Database, teamId: string, now?: DemoNow): Promise<void> {
  const historyShift = shiftFor(now, SEED_SAVED_NOW);
  const team = await getTeam(db, teamId);
  const agent = await findAgentByName(db, teamId, 'Alex Agent');
  if (!team || !agent) return;
  const caller: Caller = { tokenId: 'demo-seed', agent, team: { id: team.id, name: team.name } };

  for (const d of DEMO_PAST_DISPUTES) {
    const filedAt = new Date(Date.parse(d.filedAt) + historyShift);
    const { row } = await upsertDispute(
      db,
      teamId,
      {
        kind: d.kind,
        portal: 'amazon',
        marketplace: d.kind === 'amazon_atoz' ? 'DE' : 'US',
        externalId: d.id,
        orderId: `DEMO-ORDER-${d.id.slice(-4)}`,
        caseId: null,
        network: null,
        reasonCode: null,
        reasonText: null,
        reason: d.reason,
        amountMinor: d.amount,
        currency: d.currency,
        filedAt,
        deadline: new Date(filedAt.getTime() + 7 * 86_400_000),
      },
      filedAt,
    );
    const decidedAt = new Date(filedAt.getTime() + 30 * 86_400_000);
    await updateDisputeStatus(
      db,
      teamId,
      row.id,
      {
        status: d.outcome,
        outcome: d.outcome,
        recoveredMinor: d.outcome === 'won' ? d.amount : 0,
        outcomeNote: null,
        respondedAt: new Date(filedAt.getTime() + 2 * 86_400_000),
        decidedAt,
      },
      decidedAt,
    );
  }

  const claimShift = shiftFor(now, DISPUTE_PAGES_SAVED_AT.claim);
  await loadPanel(db, caller, PageContext.parse(shiftInstants(CLAIM_ORDER_PAGE, claimShift)), new Date(Date.parse('2025-10-24T12:00:00Z') + claimShift));
  for (const page of DEMO_DISPUTE_PAGES) {
    const ctx = PageContext.parse(
      shiftInstants(page, shiftFor(now, page.pageKind === 'claim' ? DISPUTE_PAGES_SAVED_AT.claim : DISPUTE_PAGES_SAVED_AT.chargeback)),
    );
    await disputeFromPageView(db, caller, ctx, new Date(ctx.chargeback?.notifiedAt ?? ctx.claim?.filedAt ?? Date.now()));
  }
}
