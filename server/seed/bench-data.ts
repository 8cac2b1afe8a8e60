import { sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { agents, apiTokens, cases, decisions, events, orders, teams, templates } from '../db/schema';
import { caseClocks } from '../db/schema-admin';
import { disputes } from '../db/schema-disputes';
import { hashToken } from '../repositories/tokens';
import { fraudKeysFor } from '../../utils/fraud/keys';
import type { PageContext, PageContextInput } from '../../utils/schemas/page';
import { contextForMatching } from '../services/page-keys';
import { benchClock, benchDispute } from './bench-cases';
import { mulberry32 } from './prng';

/**
 * A team's year of data for the benchmarks (bench/): 200,000 orders seen by agents, a case for each
 * (plus claims, returns, chargebacks and message threads on some, a dispute behind each claim and
 * chargeback, SLA clocks as the panel stores them), and 500,000 case events, with the shapes that make the panel's queries work: repeat
 * buyers (a few buy often, most once), shared addresses (parcel forwarders), phones, six Amazon
 * marketplaces and Zalando, a year of purchase times.
 *
 * Everything is derived from a seeded PRNG and the order's index, so the load generator can rebuild
 * the exact page context of any seeded order (`benchOrderContext(i)`) and hit the same matching keys.
 * The seed is for a bench database only: its agents' tokens are predictable (`benchAgentToken(i)`).
 */

export const BENCH_TEAM = 'Caseside bench team';

export interface BenchSeedOptions {
  orders?: number;
  events?: number;
  agents?: number;
  /** Rows per multi-row INSERT. */
  batch?: number;
  /** The year of data ends here (default: now). */
  now?: Date;
  onProgress?: (what: string, done: number, total: number) => void;
}

export interface BenchSeedResult {
  created: boolean;
  teamId: string;
  orders: number;
  cases: number;
  events: number;
  agents: number;
  tokens: string[];
  seconds: number;
}

const DAY_MS = 86_400_000;

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const FIRST = [
  'Max',
  'Anna',
  'Lukas',
  'Sophie',
  'Jonas',
  'Marie',
  'Emily',
  'James',
  'Olivia',
  'Oliver',
  'Noah',
  'Emma',
  'Liam',
  'Ava',
  'Lucas',
  'Chloé',
  'Hugo',
  'Léa',
  'Louis',
  'Camille',
  'Giulia',
  'Marco',
  'Francesca',
  'Luca',
  'Sofia',
  'Alejandro',
  'Lucía',
  'Pablo',
  'Martina',
  'Javier',
  'Jürgen',
  'Björn',
  'Zoë',
  'François',
  'José',
  'Søren',
  'Agnieszka',
  'Paweł',
  'Thomas',
  'Laura',
  'David',
  'Sarah',
  'Michael',
  'Julia',
  'Daniel',
  'Hannah',
  'Felix',
  'Lea',
  'Paul',
  'Mia',
] as const;
const LAST = [
  'Mustermann',
  'Schmidt',
  'Müller',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Carter',
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Wilson',
  'Taylor',
  'Bennett',
  'Clarke',
  'Hughes',
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Petit',
  'Durand',
  'Rossi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Bianchi',
  'Romano',
  'García',
  'Fernández',
  'González',
  'Rodríguez',
  'López',
  'Martínez',
  'Sánchez',
  'Pérez',
  'Nowak',
  'Kowalski',
  'Jensen',
  'Nielsen',
  'Öztürk',
  'Yılmaz',
] as const;
const STREETS = [
  'Hauptstraße',
  'Bahnhofstr.',
  'Gartenweg',
  'Main Street',
  'Oak Avenue',
  'High Street',
  'Station Road',
  'Rue de la Paix',
  'Avenue Victor Hugo',
  'Via Roma',
  'Corso Italia',
  'Calle Mayor',
  'Avenida de América',
  'Lindenallee',
  'Schillerstraße',
  'Elm Drive',
  'Park Lane',
  'Church Road',
  'Rue du Moulin',
  'Via Garibaldi',
] as const;

interface Market {
  code: string;
  portal: 'amazon' | 'zalando';
  host: string;
  amazonId?: string;
  currency: string;
  timeZone: string;
  language: 'en' | 'de' | 'fr' | 'it' | 'es';
  country: string;
  prefix: string;
  cities: readonly (readonly [string, string])[];
  share: number;
}

const MARKETS: readonly Market[] = [
  {
    code: 'DE',
    portal: 'amazon',
    host: 'sellercentral.amazon.de',
    amazonId: 'A1PA6795UKMFR9',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    language: 'de',
    country: 'DE',
    prefix: '302',
    cities: [
      ['Berlin', '10115'],
      ['München', '80331'],
      ['Hamburg', '20095'],
      ['Köln', '50667'],
    ],
    share: 0.36,
  },
  {
    code: 'US',
    portal: 'amazon',
    host: 'sellercentral.amazon.com',
    amazonId: 'ATVPDKIKX0DER',
    currency: 'USD',
    timeZone: 'America/Los_Angeles',
    language: 'en',
    country: 'US',
    prefix: '111',
    cities: [
      ['Seattle', '98101'],
      ['Austin', '73301'],
      ['Denver', '80202'],
      ['Boston', '02108'],
    ],
    share: 0.24,
  },
  {
    code: 'UK',
    portal: 'amazon',
    host: 'sellercentral.amazon.co.uk',
    amazonId: 'A1F83G8C2ARO7P',
    currency: 'GBP',
    timeZone: 'Europe/London',
    language: 'en',
    country: 'GB',
    prefix: '204',
    cities: [
      ['London', 'SW1A 1AA'],
      ['Leeds', 'LS1 4AP'],
      ['Bristol', 'BS1 5TR'],
    ],
    share: 0.12,
  },
  {
    code: 'FR',
    portal: 'amazon',
    host: 'sellercentral.amazon.fr',
    amazonId: 'A13V1IB3VIYZZH',
    currency: 'EUR',
    timeZone: 'Europe/Paris',
    language: 'fr',
    country: 'FR',
    prefix: '405',
    cities: [
      ['Paris', '75001'],
      ['Lyon', '69001'],
      ['Lille', '59000'],
    ],
    share: 0.08,
  },
  {
    code: 'IT',
    portal: 'amazon',
    host: 'sellercentral.amazon.it',
    amazonId: 'APJ6JRA9NG5V4',
    currency: 'EUR',
    timeZone: 'Europe/Rome',
    language: 'it',
    country: 'IT',
    prefix: '406',
    cities: [
      ['Roma', '00184'],
      ['Milano', '20121'],
      ['Torino', '10121'],
    ],
    share: 0.06,
  },
  {
    code: 'ES',
    portal: 'amazon',
    host: 'sellercentral.amazon.es',
    amazonId: 'A1RKKUPIHCS9HS',
    currency: 'EUR',
    timeZone: 'Europe/Madrid',
    language: 'es',
    country: 'ES',
    prefix: '407',
    cities: [
      ['Madrid', '28013'],
      ['Barcelona', '08001'],
      ['Valencia', '46001'],
    ],
    share: 0.05,
  },
  {
    code: 'ZALANDO',
    portal: 'zalando',
    host: 'zdirect.zalando.com',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    language: 'de',
    country: 'DE',
    prefix: '',
    cities: [
      ['Berlin', '10115'],
      ['Frankfurt am Main', '60311'],
      ['Wien', '1010'],
    ],
    share: 0.09,
  },
];

/** Distinct buyers in the year; order i's buyer is skewed towards low numbers, so some buy dozens of times. */
const BUYERS = 110_000;
/** Parcel forwarders and shared flats: addresses that many unrelated buyers ship to. */
const SHARED_ADDRESSES = 400;

interface Buyer {
  name: string;
  market: Market;
  street: string;
  number: number;
  city: string;
  postalCode: string;
  phone: string;
}

function buyerOf(b: number): Buyer {
  const r = mulberry32(0x5eed0000 + b);
  let x = r();
  let market = MARKETS[0]!;
  for (const m of MARKETS) {
    if (x < m.share) {
      market = m;
      break;
    }
    x -= m.share;
  }
  const [city, postalCode] = pick(r, market.cities);
  // Middle initials keep most of the 110,000 buyers apart; some still share a name key, as in life.
  const name = `${pick(r, FIRST)} ${String.fromCharCode(65 + Math.floor(r() * 26))}. ${pick(r, LAST)}`;
  return { name, market, street: pick(r, STREETS), number: 1 + Math.floor(r() * 180), city, postalCode, phone: `+49 ${1000000 + Math.floor(r() * 8_999_999)}` };
}

function orderIdOf(i: number, market: Market): string {
  if (market.portal === 'zalando') {
    const hex = (n: number, len: number) => (n >>> 0).toString(16).padStart(len, '0').slice(-len);
    return `${hex(0xbe7c0000 + i, 8)}-${hex(i * 7919, 4)}-4${hex(i, 3)}-8${hex(i * 31, 3)}-${hex(i * 104729, 12)}`;
  }
  return `${market.prefix}-${String(i).padStart(7, '0')}-${String((i * 7_654_321) % 10_000_000).padStart(7, '0')}`;
}

export interface BenchOrder {
  index: number;
  buyerIndex: number;
  context: PageContextInput;
  purchasedAt: Date;
}

/** The page context an adapter would send for seeded order `i` (of `total`, over the year ending `end`). */
export function benchOrderContext(i: number, total = 200_000, end = benchYearEnd()): BenchOrder {
  const r = mulberry32(0x0de40000 + i);
  const buyerIndex = Math.floor(BUYERS * r() * r());
  const buyer = buyerOf(buyerIndex);
  const market = buyer.market;
  const orderId = orderIdOf(i, market);
  const forwarded = r() < 0.03;
  const lines = forwarded ? [`Packstation ${100 + Math.floor(r() * SHARED_ADDRESSES)}`] : [`${buyer.street} ${buyer.number}`];
  const [city, postalCode] = forwarded ? market.cities[0]! : [buyer.city, buyer.postalCode];
  // Orders in index order over the year, so the newest orders are the ones agents open most.
  const purchasedAt = new Date(end.getTime() - 365 * DAY_MS + Math.floor(((i + r()) / total) * 365 * DAY_MS));
  const amountMinor = 799 + Math.floor(r() * r() * 40_000);
  const url = market.portal === 'zalando' ? `https://${market.host}/orders/${orderId}` : `https://${market.host}/orders-v3/order/${orderId}`;
  const context: PageContextInput = {
    portal: market.portal,
    pageKind: 'order',
    url,
    marketplace: {
      code: market.code,
      ...(market.amazonId ? { amazonId: market.amazonId } : {}),
      currency: market.currency,
      timeZone: market.timeZone,
      language: market.language,
    },
    orderId,
    buyer: { name: buyer.name },
    shipTo: { name: buyer.name, lines, city, postalCode, country: market.country, phone: buyer.phone },
    items: [
      {
        title: pick(r, ['Kaffeemaschine', 'Running shoes', 'Wireless earbuds', 'Sac à dos', 'Borraccia', 'Zapatillas']),
        quantity: 1 + Math.floor(r() * r() * 3),
        unitPrice: { amountMinor, currency: market.currency },
      },
    ],
    totals: { total: { amountMinor, currency: market.currency } },
    purchasedAt: purchasedAt.toISOString(),
    shippingService: pick(r, ['Standard', 'Expedited', 'Prime', 'Premium']),
    recognition: { status: 'full', missing: [] },
  };
  return { index: i, buyerIndex, context, purchasedAt };
}

/** A fixed end for the year, so a cached database and a later load run agree on every order's time. */
export function benchYearEnd(): Date {
  return new Date('2026-11-01T00:00:00Z');
}

export function benchAgentToken(i: number): string {
  return `cs_bench_agent_${String(i).padStart(4, '0')}_not_a_secret`;
}

const BENCH_TEMPLATES: Array<{ title: string; body: string; language: 'en' | 'de' | 'fr' | 'es' | 'it' }> = [
  { title: 'Shipping update', body: 'Hello {{buyer.firstName}}, your order {{order.id}} is on its way.', language: 'en' },
  { title: 'Versandinfo', body: 'Hallo {{buyer.firstName}}, Ihre Bestellung {{order.id}} ist unterwegs.', language: 'de' },
  { title: 'Suivi', body: 'Bonjour {{buyer.firstName}}, votre commande {{order.id}} est en route.', language: 'fr' },
  { title: 'Spedizione', body: 'Ciao {{buyer.firstName}}, il tuo ordine {{order.id}} è in viaggio.', language: 'it' },
  { title: 'Envío', body: 'Hola {{buyer.firstName}}, tu pedido {{order.id}} está en camino.', language: 'es' },
];

/**
 * Seeds the bench team unless it exists (then returns its figures unchanged). Multi-row INSERTs of
 * `batch` rows, ten batches per transaction (PGlite pays per commit).
 */
export async function seedBenchData(db: Database, opts: BenchSeedOptions = {}): Promise<BenchSeedResult> {
  const started = performance.now();
  const totalOrders = opts.orders ?? 200_000;
  const totalEvents = opts.events ?? 500_000;
  const agentCount = opts.agents ?? 500;
  const batch = opts.batch ?? 1_000;
  const end = opts.now ?? benchYearEnd();
  const tokens = Array.from({ length: agentCount }, (_, i) => benchAgentToken(i));

  const [existing] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(sql`${teams.name} = ${BENCH_TEAM}`)
    .limit(1);
  if (existing) {
    const count = async (table: typeof orders | typeof cases | typeof events) =>
      Number(
        (
          await db
            .select({ n: sql<number>`count(*)` })
            .from(table)
            .where(sql`team_id = ${existing.id}`)
        )[0]!.n,
      );
    return {
      created: false,
      teamId: existing.id,
      orders: await count(orders),
      cases: await count(cases),
      events: await count(events),
      agents: agentCount,
      tokens,
      seconds: (performance.now() - started) / 1000,
    };
  }

  const [team] = await db.insert(teams).values({ name: BENCH_TEAM }).returning({ id: teams.id });
  const teamId = team!.id;
  const agentRows = await db
    .insert(agents)
    .values([{ teamId, name: 'Bench Lead', role: 'lead' as const }, ...tokens.map((_, i) => ({ teamId, name: `Bench Agent ${i}`, role: 'agent' as const }))])
    .returning({ id: agents.id });
  const agentIds = agentRows.map((a) => a.id);
  await db.insert(apiTokens).values(tokens.map((token, i) => ({ teamId, agentId: agentIds[i + 1]!, label: 'bench', tokenHash: hashToken(token) })));
  const templateRows = await db
    .insert(templates)
    .values(
      BENCH_TEMPLATES.map((t) => ({
        teamId,
        scope: 'team' as const,
        ownerId: agentIds[0]!,
        title: t.title,
        body: t.body,
        language: t.language,
        pageKinds: ['order', 'message'],
      })),
    )
    .returning({ id: templates.id, title: templates.title });

  // Bulk loading is several times faster without the secondary indexes; they are rebuilt at the end
  // from their own definitions (whatever the migrations made them), so the bench queries the real ones.
  // The case timeline index stays: the events_template_uses trigger looks up a case's events with it
  // on every template insertion (without it, each lookup scans every event loaded so far).
  const indexDefs = (
    (await db.execute(sql`select indexname, indexdef from pg_indexes where schemaname = current_schema()
      and tablename in ('orders', 'cases', 'events', 'decisions') and indexname not like '%_pkey'
      and indexname <> 'events_team_case_idx'`)) as unknown as { rows: Array<{ indexname: string; indexdef: string }> }
  ).rows;
  for (const ix of indexDefs) await db.execute(sql.raw(`drop index if exists "${ix.indexname}"`));

  const r = mulberry32(0xca5e5);
  const caseIds: string[] = [];
  const caseMeta: Array<{ orderId: string; at: number }> = [];
  const orderRows: Array<typeof orders.$inferInsert> = [];
  const caseRows: Array<typeof cases.$inferInsert> = [];
  const eventRows: Array<typeof events.$inferInsert> = [];
  const decisionRows: Array<typeof decisions.$inferInsert> = [];
  const disputeRows: Array<typeof disputes.$inferInsert> = [];
  const clockRows: Array<typeof caseClocks.$inferInsert> = [];
  let pending: Array<(tx: Database) => Promise<unknown>> = [];
  let eventCount = 0;

  const flush = async (force = false) => {
    if (orderRows.length >= batch || (force && orderRows.length)) pending.push(insertRows(orders, orderRows.splice(0)));
    if (caseRows.length >= batch || (force && caseRows.length)) {
      pending.push(insertRows(cases, caseRows.splice(0)));
      // A dispute points at its case, so disputes go in with (after) the cases they name.
      if (disputeRows.length) pending.push(insertRows(disputes, disputeRows.splice(0)));
      if (clockRows.length) pending.push(insertRows(caseClocks, clockRows.splice(0)));
    }
    if (eventRows.length >= batch || (force && eventRows.length)) {
      pending.push(insertRows(events, eventRows.splice(0)));
      // A decision points at its event, so decisions go in only after the events they name.
      if (decisionRows.length) pending.push(insertRows(decisions, decisionRows.splice(0)));
    }
    if (pending.length >= 10 || (force && pending.length)) {
      const work = pending;
      pending = [];
      await db.transaction(async (tx) => {
        for (const w of work) await w(tx);
      });
    }
  };
  type Table = typeof orders | typeof cases | typeof events | typeof decisions | typeof disputes | typeof caseClocks;
  const insertRows =
    <T extends Table>(table: T, rows: Array<T['$inferInsert']>) =>
    (tx: Database) =>
      tx.insert(table as Table).values(rows as never);

  const addEvent = (caseIndex: number, type: 'created' | 'note' | 'status' | 'template_inserted' | 'decision', at: number) => {
    const id = crypto.randomUUID();
    const agentId = agentIds[1 + Math.floor(r() * agentCount)]!;
    const meta = caseMeta[caseIndex]!;
    let text = '';
    let data: Record<string, unknown> = {};
    let decision: 'hold' | 'release' | 'fraud' | null = null;
    if (type === 'created') text = 'Case opened';
    else if (type === 'note')
      text = pick(r, [
        'Buyer asked for tracking; sent carrier link.',
        'Called carrier, parcel at depot.',
        'Address looks like a forwarder, checked with buyer.',
        'Refund approved per policy.',
        'Waiting for photos from buyer.',
      ]);
    else if (type === 'status') {
      // The same data the case-status route writes, so the reports' resolution times have something to read.
      const status = pick(r, ['waiting', 'resolved', 'closed', 'open'] as const);
      text = `Case ${status}`;
      data = { status };
    } else if (type === 'template_inserted') {
      // As logTemplateInsertion writes it: the template's id and version in data.
      const template = pick(r, templateRows);
      text = `Template inserted: ${template.title} (v1)`;
      data = { templateId: template.id, version: 1 };
    } else {
      const x = r();
      decision = x < 0.6 ? 'release' : x < 0.9 ? 'hold' : 'fraud';
      text = decision === 'fraud' ? 'Matches a known reshipping ring' : 'Checked';
      decisionRows.push({
        teamId,
        orderId: meta.orderId,
        eventId: id,
        kind: decision,
        reason: text,
        agentId,
        scoreSeen: Math.floor(r() * 100),
        createdAt: new Date(at),
      });
    }
    eventRows.push({ id, teamId, caseId: caseIds[caseIndex]!, orderId: meta.orderId, type, agentId, text, decision, data, createdAt: new Date(at) });
    eventCount++;
  };

  for (let i = 0; i < totalOrders; i++) {
    const { context, purchasedAt } = benchOrderContext(i, totalOrders, end);
    const keys = fraudKeysFor(contextForMatching(context as PageContext));
    const seenAt = purchasedAt.getTime() + Math.floor(r() * 3 * DAY_MS);
    const { recognition: _recognition, ...snapshot } = context;
    orderRows.push({
      teamId,
      portal: context.portal,
      marketplace: context.marketplace!.code,
      orderId: context.orderId!,
      buyerName: context.buyer!.name!,
      buyerKey: keys.buyerKey ?? null,
      addressKey: keys.addressKey ?? null,
      phoneKey: keys.phoneKey ?? null,
      country: context.shipTo!.country ?? null,
      totalMinor: context.totals!.total!.amountMinor,
      currency: context.totals!.total!.currency,
      purchasedAt,
      shipService: context.shippingService ?? null,
      snapshot: snapshot as Record<string, unknown>,
      firstSeenAt: new Date(seenAt),
      lastSeenAt: new Date(seenAt + Math.floor(r() * 10 * DAY_MS)),
    });
    // The order's own case, and on some orders a claim, return, chargeback or message thread.
    const kinds: Array<'order' | 'claim' | 'return' | 'chargeback' | 'message'> = ['order'];
    const x = r();
    if (x < 0.02) kinds.push('claim');
    else if (x < 0.07) kinds.push('return');
    else if (x < 0.075) kinds.push('chargeback');
    else if (x < 0.125) kinds.push('message');
    for (const kind of kinds) {
      const id = crypto.randomUUID();
      const openedAt = seenAt + (kind === 'order' ? 0 : Math.floor(r() * 20 * DAY_MS));
      caseIds.push(id);
      caseMeta.push({ orderId: context.orderId!, at: openedAt });
      const status = r() < 0.85 ? 'closed' : 'open';
      caseRows.push({
        id,
        teamId,
        kind,
        portal: context.portal as 'amazon' | 'zalando',
        marketplace: context.marketplace!.code,
        ref: kind === 'order' ? context.orderId! : `${kind}-${context.orderId!}`,
        orderId: context.orderId!,
        buyerKey: keys.buyerKey ?? null,
        status,
        openedAt: new Date(openedAt),
        updatedAt: new Date(openedAt + Math.floor(r() * 5 * DAY_MS)),
      });
      addEvent(caseIds.length - 1, 'created', openedAt);
      if (kind === 'claim' || kind === 'chargeback') disputeRows.push(benchDispute(r, teamId, id, context, kind, openedAt, end.getTime()));
      const clock = benchClock(r, teamId, id, context, kind, status, openedAt, end.getTime());
      if (clock) clockRows.push(clock);
    }
    await flush();
    if (i % 20_000 === 0) opts.onProgress?.('orders', i, totalOrders);
  }
  await flush(true);

  // The rest of the events land on cases at random, skewed towards disputes and recent orders.
  const remaining = Math.max(0, totalEvents - eventCount);
  for (let n = 0; n < remaining; n++) {
    const caseIndex = Math.min(caseIds.length - 1, Math.floor(caseIds.length * Math.sqrt(r())));
    const x = r();
    const type = x < 0.55 ? 'note' : x < 0.7 ? 'status' : x < 0.88 ? 'template_inserted' : 'decision';
    addEvent(caseIndex, type, caseMeta[caseIndex]!.at + Math.floor(r() * 7 * DAY_MS));
    await flush();
    if (n % 50_000 === 0) opts.onProgress?.('events', eventCount, totalEvents);
  }
  await flush(true);
  for (const ix of indexDefs) {
    opts.onProgress?.(`index ${ix.indexname}`, 0, indexDefs.length);
    await db.execute(sql.raw(ix.indexdef));
  }
  await db.execute(sql`analyze`);

  return {
    created: true,
    teamId,
    orders: totalOrders,
    cases: caseIds.length,
    events: eventCount,
    agents: agentCount,
    tokens,
    seconds: (performance.now() - started) / 1000,
  };
}
