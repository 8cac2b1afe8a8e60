import type { PageContextInput } from '../../utils/schemas/page';
import type { NewTemplate } from '../repositories/templates';

/**
 * What the demo team "has seen" before the sandbox opens: the orders behind the fixture pages in
 * tests/fixtures/manifest.ts (DEMO_ORDERS), earlier orders to Max Mustermann's address under other
 * names, his earlier claim and return on other marketplaces, and notes and decisions. Pages are
 * written as an adapter would report them, so the seed takes the same path as a real panel load.
 */

export const DEMO_TEAM = 'Demo Team';
export const DEMO_AGENTS = [
  { key: 'lena', name: 'Lena Lead', email: 'lena@demo.caseside.test', role: 'lead', token: 'demo-lead-token' },
  { key: 'alex', name: 'Alex Agent', email: 'alex@demo.caseside.test', role: 'agent', token: 'demo-agent-token' },
  { key: 'sam', name: 'Sam Support', email: 'sam@demo.caseside.test', role: 'agent', token: undefined },
] as const;
export type DemoAgentKey = (typeof DEMO_AGENTS)[number]['key'];

const full = (): { status: 'full'; missing: string[] } => ({ status: 'full', missing: [] });
const amazonDe = { code: 'DE', amazonId: 'A1PA6795UKMFR9', domain: 'Amazon.de', currency: 'EUR', timeZone: 'Europe/Berlin', language: 'de' } as const;
const amazonFr = { code: 'FR', amazonId: 'A13V1IB3VIYZZH', domain: 'Amazon.fr', currency: 'EUR', timeZone: 'Europe/Paris', language: 'fr' } as const;
const amazonUs = { code: 'US', amazonId: 'ATVPDKIKX0DER', domain: 'Amazon.com', currency: 'USD', timeZone: 'America/Los_Angeles', language: 'en' } as const;
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

// As Amazon.de's address block reads (recipient first, then street, postcode and city, country), so the
// seeded keys are the ones the sandbox's fixture page produces.
const maxAddress = (name: string, street = 'Musterstraße 12') => ({
  name,
  lines: [name, street, '10115 Berlin', 'Deutschland'],
  city: 'Berlin',
  postalCode: '10115',
  country: 'DE',
  type: 'Wohnadresse',
  phone: '+49 30 1234567',
});

export interface DemoPage {
  /** When the agent looked at it. */
  seenAt: string;
  by: DemoAgentKey;
  context: PageContextInput;
}

export const DEMO_PAGES: DemoPage[] = [
  // Max's earlier orders: a return on Amazon.de, then an A-to-z claim on Amazon.fr (same buyer key).
  {
    seenAt: '2025-08-28T09:10:00Z',
    by: 'sam',
    context: {
      portal: 'amazon',
      pageKind: 'return',
      url: 'https://sellercentral.amazon.de/gp/returns/list/v2?orderId=302-4000004-0000004',
      marketplace: amazonDe,
      orderId: '302-4000004-0000004',
      buyer: { name: 'Max Mustermann' },
      shipTo: maxAddress('Max Mustermann'),
      purchasedAt: '2025-08-20T18:05:00Z',
      totals: { total: eur(8999) },
      return: { id: 'DdPr3xQ1R', reason: 'Item defective', requestedAt: '2025-08-27T10:00:00Z', status: 'Refunded' },
      recognition: full(),
    },
  },
  {
    seenAt: '2025-10-01T08:30:00Z',
    by: 'alex',
    context: {
      portal: 'amazon',
      pageKind: 'claim',
      url: 'https://sellercentral.amazon.fr/gp/guarantee-claims/home.html?claimId=AZDEMO0001',
      marketplace: amazonFr,
      orderId: '404-3000003-0000003',
      buyer: { name: 'Max Mustermann' },
      shipTo: maxAddress('Max Mustermann'),
      purchasedAt: '2025-09-15T20:12:00Z',
      totals: { total: eur(24900) },
      claim: { id: 'AZDEMO0001', amount: eur(24900), reason: 'Item not received', filedAt: '2025-09-30T21:00:00Z', status: 'Granted' },
      recognition: full(),
    },
  },
  // Two more orders to the same address under other names, days before the main order.
  {
    seenAt: '2025-11-02T08:30:00Z',
    by: 'alex',
    context: {
      portal: 'amazon',
      pageKind: 'order',
      url: 'https://sellercentral.amazon.de/orders-v3/order/302-2000002-0000002',
      marketplace: amazonDe,
      orderId: '302-2000002-0000002',
      buyer: { name: 'Anna Schmidt' },
      shipTo: maxAddress('Anna Schmidt', 'Musterstr. 12'),
      purchasedAt: '2025-11-01T23:40:00Z',
      totals: { total: eur(119900) },
      shippingService: 'Expedited',
      recognition: full(),
    },
  },
  {
    seenAt: '2025-11-02T10:00:00Z',
    by: 'alex',
    context: {
      portal: 'amazon',
      pageKind: 'order',
      url: 'https://sellercentral.amazon.de/orders-v3/order/302-2000001-0000001',
      marketplace: amazonDe,
      orderId: '302-2000001-0000001',
      buyer: { name: 'Moritz Maier' },
      shipTo: maxAddress('Moritz Maier'),
      purchasedAt: '2025-11-02T08:10:00Z',
      totals: { total: eur(64900) },
      recognition: full(),
    },
  },
  // The main demo orders (fixtures amazon-de-order and amazon-com-order).
  {
    seenAt: '2025-11-02T16:00:00Z',
    by: 'alex',
    context: {
      portal: 'amazon',
      pageKind: 'order',
      url: 'https://sellercentral.amazon.de/orders-v3/order/302-1234567-1234567',
      marketplace: amazonDe,
      orderId: '302-1234567-1234567',
      buyer: { name: 'Max Mustermann' },
      shipTo: maxAddress('Max Mustermann'),
      purchasedAt: '2025-11-02T14:20:00Z',
      totals: { total: eur(129999) },
      shippingService: 'Standard',
      recognition: full(),
    },
  },
  {
    seenAt: '2025-11-04T17:00:00Z',
    by: 'sam',
    context: {
      portal: 'amazon',
      pageKind: 'order',
      url: 'https://sellercentral.amazon.com/orders-v3/order/111-2223334-4445556',
      marketplace: amazonUs,
      orderId: '111-2223334-4445556',
      buyer: { name: 'Emily Carter' },
      shipTo: {
        name: 'Emily Carter',
        lines: ['Emily Carter', '1600 Harbor Blvd', 'Apt 4B', 'Seattle, WA 98101-2233', 'United States'],
        city: 'Seattle',
        postalCode: '98101-2233',
        country: 'US',
        type: 'Residential',
        phone: '+1 206-555-0142',
      },
      purchasedAt: '2025-11-03T18:45:00Z',
      totals: { total: { amountMinor: 15998, currency: 'USD' } },
      shippingService: 'Standard',
      recognition: full(),
    },
  },
  {
    seenAt: '2025-11-20T15:30:00Z',
    by: 'alex',
    context: {
      portal: 'amazon',
      pageKind: 'chargeback',
      url: 'https://sellercentral.amazon.com/gp/chargebacks/home.html#/details?chargebackId=CB-9F3K2Q7ZL1',
      marketplace: amazonUs,
      orderId: '111-2223334-4445556',
      buyer: { name: 'Emily Carter' },
      chargeback: {
        id: 'CB-9F3K2Q7ZL1',
        amount: { amountMinor: 15998, currency: 'USD' },
        reason: '13.1 Merchandise not received',
        notifiedAt: '2025-11-20T12:00:00Z',
      },
      recognition: full(),
    },
  },
  {
    seenAt: '2025-11-03T11:00:00Z',
    by: 'sam',
    context: {
      portal: 'zalando',
      pageKind: 'order',
      url: 'https://zdirect.zalando.com/orders/8f0c6a52-1d2e-4b7a-9c3f-5e6d7a8b9c01',
      marketplace: { code: 'ZALANDO-DE', currency: 'EUR', timeZone: 'Europe/Berlin', language: 'de' },
      orderId: '1040970000502251',
      orderNumber: '1040970000502251',
      orderRef: '8f0c6a52-1d2e-4b7a-9c3f-5e6d7a8b9c01',
      buyer: { name: 'Erika Musterfrau', customerNumber: '31400820597' },
      shipTo: { name: 'Erika Musterfrau', lines: ['Heidestraße 17'], city: 'Köln', postalCode: '51147', country: 'DE', type: 'HOME_ADDRESS' },
      purchasedAt: '2025-11-02T20:00:00Z',
      totals: { total: eur(8995) },
      recognition: full(),
    },
  },
];

export interface DemoNote {
  key: string;
  by: DemoAgentKey;
  orderId: string;
  at: string;
  text: string;
}
export interface DemoDecision extends Omit<DemoNote, 'text'> {
  decision: 'hold' | 'release' | 'fraud';
  reason: string;
  score?: number;
}

export const DEMO_NOTES: DemoNote[] = [
  {
    key: 'demo-note-0001',
    by: 'alex',
    orderId: '302-1234567-1234567',
    at: '2025-11-02T16:05:00Z',
    text: 'Buyer asked by message to ship to a different address after purchase. Checking before dispatch.',
  },
  {
    key: 'demo-note-0002',
    by: 'lena',
    orderId: '302-1234567-1234567',
    at: '2025-11-02T16:40:00Z',
    text: 'Three orders to Musterstraße 12 within a day under three names. Keep on hold until the buyer confirms.',
  },
  {
    key: 'demo-note-0003',
    by: 'alex',
    orderId: '111-2223334-4445556',
    at: '2025-11-20T15:35:00Z',
    text: 'Tracking shows delivered on 5 Nov, signed. Collecting proof of delivery for the chargeback response.',
  },
  {
    key: 'demo-note-0004',
    by: 'sam',
    orderId: '1040970000502251',
    at: '2025-11-03T11:10:00Z',
    text: 'Customer Care asked about the delivery date; answered within the hour.',
  },
];

export const DEMO_DECISIONS: DemoDecision[] = [
  {
    key: 'demo-decision-0001',
    by: 'lena',
    orderId: '302-2000002-0000002',
    at: '2025-11-02T09:00:00Z',
    decision: 'fraud',
    reason: 'Card holder reported the purchase as unauthorised.',
    score: 72,
  },
  {
    key: 'demo-decision-0002',
    by: 'lena',
    orderId: '302-2000001-0000001',
    at: '2025-11-02T10:30:00Z',
    decision: 'hold',
    reason: 'Same address as an order marked as fraud this morning.',
    score: 64,
  },
  {
    key: 'demo-decision-0003',
    by: 'lena',
    orderId: '302-4000004-0000004',
    at: '2025-08-28T09:20:00Z',
    decision: 'release',
    reason: 'Return refunded; nothing unusual.',
    score: 10,
  },
];

type DemoTemplate = Omit<NewTemplate, 'ownerId'> & { owner: DemoAgentKey };

export const DEMO_TEMPLATES: DemoTemplate[] = [
  {
    scope: 'team',
    owner: 'lena',
    language: 'en',
    title: 'Order delay apology',
    shortcut: 'delay',
    pageKinds: ['order', 'message'],
    marketplaces: ['US', 'UK'],
    body: 'Hello {{buyer.name}},\n\nthank you for your patience. Your order {{order.id}} is on its way and should arrive shortly. We are sorry for the delay.\n\nKind regards',
  },
  {
    scope: 'team',
    owner: 'lena',
    language: 'en',
    title: 'Chargeback: proof of delivery',
    shortcut: 'pod',
    pageKinds: ['chargeback', 'claim'],
    marketplaces: [],
    body: "Order {{order.id}} was delivered to the address the buyer gave (tracking {{tracking.number}}). The carrier's proof of delivery is attached.",
  },
  {
    scope: 'team',
    owner: 'lena',
    language: 'de',
    title: 'Lieferverzögerung',
    shortcut: 'verzug',
    pageKinds: ['order', 'message'],
    marketplaces: ['DE', 'ZALANDO-DE'],
    body: 'Hallo {{buyer.name}},\n\nvielen Dank für Ihre Geduld. Ihre Bestellung {{order.id}} ist unterwegs. Bitte entschuldigen Sie die Verzögerung.\n\nMit freundlichen Grüßen',
  },
  {
    scope: 'team',
    owner: 'lena',
    language: 'de',
    title: 'Adressänderung nicht möglich',
    shortcut: 'adresse',
    pageKinds: ['message', 'order'],
    marketplaces: ['DE'],
    body: 'Hallo {{buyer.name}},\n\nnach dem Kauf können wir die Lieferadresse aus Sicherheitsgründen nicht ändern. Bitte stornieren Sie die Bestellung {{order.id}} und bestellen Sie erneut.\n\nMit freundlichen Grüßen',
  },
  {
    scope: 'team',
    owner: 'lena',
    language: 'fr',
    title: 'Réclamation A-to-z : réponse',
    shortcut: 'atoz',
    pageKinds: ['claim'],
    marketplaces: ['FR'],
    body: 'Bonjour {{buyer.name}},\n\nla commande {{order.id}} a été livrée. Vous trouverez le numéro de suivi ci-dessous.\n\nCordialement',
  },
  {
    scope: 'team',
    owner: 'lena',
    language: 'es',
    title: 'Reembolso emitido',
    shortcut: 'reembolso',
    pageKinds: ['refund', 'return'],
    marketplaces: ['ES'],
    body: 'Hola {{buyer.name}},\n\nhemos emitido el reembolso del pedido {{order.id}}. Lo verá en su cuenta en unos días.\n\nSaludos cordiales',
  },
  {
    scope: 'team',
    owner: 'lena',
    language: 'it',
    title: 'Reso ricevuto',
    shortcut: 'reso',
    pageKinds: ['return'],
    marketplaces: ['IT'],
    body: 'Gentile {{buyer.name}},\n\nabbiamo ricevuto il reso dell’ordine {{order.id}}. Il rimborso sarà emesso a breve.\n\nCordiali saluti',
  },
  {
    scope: 'personal',
    owner: 'alex',
    language: 'en',
    title: 'My quick thanks',
    shortcut: 'ty',
    pageKinds: [],
    marketplaces: [],
    body: 'Thanks for reaching out, {{buyer.firstName}}! I am on it. {{agent.name}}',
  },
];

/** Retention long enough that the 2025 demo orders keep their details in the sandbox. */
export const DEMO_SETTINGS = { retentionDays: 730 };
