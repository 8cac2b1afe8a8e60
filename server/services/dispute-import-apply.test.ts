import { asc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessorDisputeEvent } from '../../utils/disputes/processor-events';
import type { DisputeStage, DisputeStatus } from '../../utils/schemas/disputes';
import type { SlaPolicySet } from '../../utils/schemas/sla';
import { testDatabases } from '../../tests/server/databases';
import { createTestTeam } from '../../tests/server/harness';
import type { Database, DatabaseHandle } from '../db/open';
import { cases, events, orders } from '../db/schema';
import { disputes, processorEvents } from '../db/schema-disputes';
import { LIVE_EVENTS_CHANNEL } from '../repositories/events';
import { applyEventBatch } from './dispute-import-apply';
import { teamPolicies } from './insights';
import { applyProcessorEvent } from './processor-disputes';
import { loadTeamSettings } from './settings';

/**
 * The batched import against the per-event path: the same events applied to two teams with the same
 * orders and the same earlier webhooks, one team in batches (applyEventBatch), the other one event at a
 * time (applyProcessorEvent), must leave the same disputes, history lines, cases, event bookkeeping and
 * live announcements.
 */

const NOW = new Date('2026-11-20T12:00:00Z');
const STAGES: DisputeStage[] = ['alert', 'inquiry', 'chargeback', 'pre_arbitration'];
const STATUSES: DisputeStatus[] = ['open', 'responded', 'won', 'lost', 'refunded', 'accepted'];
const DAYS = ['2026-11-01T10:00:00Z', '2026-11-02T10:00:00Z', '2026-11-03T10:00:00Z'].map((d) => new Date(d));

/** The orders both teams have: one buyer with one order, one with two of different amounts, one with two of the same. */
const ORDERS = [
  { orderId: 'ORD-1', email: 'ann@example.com', totalMinor: 1000 },
  { orderId: 'ORD-2', email: 'bob@example.com', totalMinor: 2000 },
  { orderId: 'ORD-3', email: 'bob@example.com', totalMinor: 3000 },
  { orderId: 'ORD-4', email: 'cy@example.com', totalMinor: 4000 },
  { orderId: 'ORD-5', email: 'cy@example.com', totalMinor: 4000 },
];

const eventArb = fc
  .record({
    source: fc.constantFrom('stripe' as const, 'adyen' as const),
    dispute: fc.integer({ min: 0, max: 5 }),
    stage: fc.constantFrom(...STAGES),
    status: fc.constantFrom(...STATUSES),
    variant: fc.integer({ min: 0, max: 1 }),
    day: fc.integer({ min: 0, max: 2 }),
    reversal: fc.boolean(),
    keepState: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    orderRef: fc.constantFrom(null, 'ORD-1', 'ORD-4', 'NOT-SEEN'),
    email: fc.constantFrom(null, 'ann@example.com', ' Bob@Example.com', 'cy@example.com', 'nobody@example.com'),
    amount: fc.constantFrom(null, 1000, 2000, 3000, 4000, 777),
    due: fc.constantFrom(null, '2026-12-01T00:00:00Z'),
    network: fc.constantFrom(null, 'visa' as const, 'mastercard' as const),
    reasonCode: fc.constantFrom(null, '10.4', '13.1', '4837'),
    n: fc.integer({ min: 0, max: 99 }),
  })
  // Stripe's and Adyen's ids never look alike (the disputes table keeps external ids unique per kind).
  .map((g) => ({ ...g, externalId: `${g.source === 'stripe' ? 'dp' : 'psp'}_${g.dispute}` }))
  .map((g): ProcessorDisputeEvent => ({
    source: g.source,
    eventId: `import:${g.source}:${g.externalId}:${g.stage}:${g.status}:${g.variant}`,
    externalId: g.externalId,
    paymentRef: `ch_${g.dispute}`,
    orderRef: g.orderRef,
    email: g.email,
    buyerName: null,
    stage: g.stage,
    status: g.status,
    keepState: g.keepState,
    reversal: g.reversal,
    processorStatus: `${g.stage}/${g.status}`,
    network: g.network,
    reasonCode: g.reasonCode,
    reasonText: g.n % 3 === 0 ? `reason ${g.n}` : null,
    reasonHint: null,
    amount: g.amount === null ? null : { amountMinor: g.amount, currency: 'EUR' },
    filedAt: DAYS[0]!,
    eventAt: DAYS[g.day]!,
    dueBy: g.due === null ? null : new Date(g.due),
    summary: `${g.source}: ${g.stage} ${g.status} #${g.n}`,
    details: { n: g.n, [`k${g.n % 4}`]: g.variant === 1 },
  }));

async function seedOrders(db: Database, teamId: string): Promise<void> {
  await db.insert(orders).values(
    ORDERS.map((o, i) => ({
      teamId,
      portal: 'shop',
      orderId: o.orderId,
      buyerKey: `email:${o.email}`,
      totalMinor: o.totalMinor,
      currency: 'EUR',
      snapshot: { buyer: { email: o.email } },
      lastSeenAt: new Date(Date.UTC(2026, 10, 1, i)),
    })),
  );
}

/** Everything the import writes for a team, with row ids replaced by what they name. */
async function snapshot(db: Database, teamId: string) {
  const ds = await db.select().from(disputes).where(eq(disputes.teamId, teamId));
  const nameOf = new Map(ds.map((d) => [d.id, `${d.source}:${d.externalId}`]));
  const cs = await db.select().from(cases).where(eq(cases.teamId, teamId));
  const caseName = new Map(cs.map((c) => [c.id, `${c.portal}:${c.kind}:${c.ref}`]));
  const evs = await db.select().from(events).where(eq(events.teamId, teamId)).orderBy(asc(events.seq));
  const pes = await db.select().from(processorEvents).where(eq(processorEvents.teamId, teamId));
  const byName = <T>(list: T[], name: (t: T) => string) => [...list].sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
  return {
    disputes: byName(
      ds.map(({ id: _id, teamId: _team, ...rest }) => rest),
      (d) => `${d.source}:${d.externalId}`,
    ),
    cases: byName(
      cs.map(({ id, teamId: _team, ...rest }) => ({ name: caseName.get(id), ...rest })),
      (c) => c.name!,
    ),
    // Per case in insertion order; the order between cases may differ (the batch opens cases first).
    history: byName(
      evs.map((e, i) => ({
        i,
        case: caseName.get(e.caseId)!,
        orderId: e.orderId,
        type: e.type,
        text: e.text,
        data: { ...e.data, ...(typeof e.data['disputeId'] === 'string' ? { disputeId: nameOf.get(e.data['disputeId']) } : {}) },
        createdAt: e.createdAt,
      })),
      (e) => `${e.case}\u0000${String(e.i).padStart(6, '0')}`,
    ).map(({ i: _i, ...e }) => e),
    processorEvents: byName(
      pes.map(({ teamId: _team, disputeId, ...rest }) => ({ ...rest, dispute: disputeId === null ? null : nameOf.get(disputeId) })),
      (p) => `${p.source}:${p.eventId}`,
    ),
    eventIds: new Map(evs.map((e) => [e.id, `${caseName.get(e.caseId)}|${e.text}`])),
  };
}

describe.each(testDatabases())('batched dispute import equals the per-event path on $kind', (target) => {
  let handle: DatabaseHandle;
  let db: Database;
  const announced = new Map<string, string[]>();
  let stopListening: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    handle = await target.open();
    db = handle.db;
    stopListening = await handle.listen(LIVE_EVENTS_CHANNEL, (payload) => {
      const { teamId, eventId } = JSON.parse(payload) as { teamId: string; eventId: string };
      announced.set(teamId, [...(announced.get(teamId) ?? []), eventId]);
    });
  });
  afterAll(async () => {
    await stopListening?.();
    await target.dispose();
  });

  async function twoTeams(): Promise<{ batched: string; single: string; policies: SlaPolicySet }> {
    const batched = (await createTestTeam(db, 'Batched')).teamId;
    const single = (await createTestTeam(db, 'Single')).teamId;
    await seedOrders(db, batched);
    await seedOrders(db, single);
    return { batched, single, policies: teamPolicies(await loadTeamSettings(db, batched)) };
  }

  async function announcedSettled(a: string, b: string): Promise<void> {
    // PostgreSQL delivers NOTIFY asynchronously after the commit.
    for (let i = 0; i < 100 && (announced.get(a)?.length ?? 0) !== (announced.get(b)?.length ?? 0); i++) await new Promise((r) => setTimeout(r, 20));
  }

  it('leaves the same disputes, history, cases and event bookkeeping for random files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { maxLength: 6 }),
        fc.array(eventArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 8 }),
        async (webhooks, file, batchSize) => {
          const { batched, single, policies } = await twoTeams();
          // Earlier webhooks, the same for both teams (some of the file's rows repeat them).
          for (const ev of webhooks) {
            await applyProcessorEvent(db, batched, ev, 'csv_import', NOW, policies);
            await applyProcessorEvent(db, single, ev, 'csv_import', NOW, policies);
          }
          const batchedOutcomes = [];
          for (let i = 0; i < file.length; i += batchSize)
            batchedOutcomes.push(...(await applyEventBatch(db, batched, file.slice(i, i + batchSize), 'csv_import', NOW, policies)));
          const singleOutcomes = [];
          for (const ev of file) singleOutcomes.push((await applyProcessorEvent(db, single, ev, 'csv_import', NOW, policies)).outcome);
          expect(batchedOutcomes).toEqual(singleOutcomes);

          const a = await snapshot(db, batched);
          const b = await snapshot(db, single);
          expect(a.disputes).toEqual(b.disputes);
          expect(a.cases).toEqual(b.cases);
          expect(a.history).toEqual(b.history);
          expect(a.processorEvents).toEqual(b.processorEvents);
          // Every history line announced once, the same lines for both teams.
          await announcedSettled(batched, single);
          const lines = (ids: string[] | undefined, names: Map<string, string>) => (ids ?? []).map((id) => names.get(id)!).sort();
          expect(lines(announced.get(batched), a.eventIds)).toEqual(lines(announced.get(single), b.eventIds));
          expect(new Set(announced.get(batched) ?? []).size).toBe(announced.get(batched)?.length ?? 0);

          // The same file again changes nothing.
          const again = [];
          for (let i = 0; i < file.length; i += batchSize)
            again.push(...(await applyEventBatch(db, batched, file.slice(i, i + batchSize), 'csv_import', NOW, policies)));
          expect(again.every((o) => o === 'replayed')).toBe(true);
          const after = await snapshot(db, batched);
          expect(after.disputes).toEqual(a.disputes);
          expect(after.history).toEqual(a.history);
        },
      ),
      { numRuns: 50 },
    );
  }, 240_000);
  it('meets webhooks about the same disputes at the same time without storing anything twice or losing an event', async () => {
    const { batched: teamId, policies } = await twoTeams();
    const event = (i: number, status: DisputeStatus, eventId: string): ProcessorDisputeEvent => ({
      source: 'stripe',
      eventId,
      externalId: `dp_race_${i}`,
      paymentRef: `ch_race_${i}`,
      orderRef: i % 2 === 0 ? 'ORD-1' : null,
      email: null,
      buyerName: null,
      stage: 'chargeback',
      status,
      keepState: false,
      reversal: false,
      processorStatus: status,
      network: 'visa',
      reasonCode: '10.4',
      reasonText: null,
      reasonHint: null,
      amount: { amountMinor: 1000, currency: 'EUR' },
      filedAt: DAYS[0]!,
      eventAt: status === 'open' ? DAYS[0]! : DAYS[1]!,
      dueBy: null,
      summary: `chargeback ${status}`,
      details: {},
    });
    const file = Array.from({ length: 1200 }, (_, i) => event(i, 'open', `import:race:${i}`));
    // Webhooks say the same disputes were won (a later status), while the import runs.
    const hooks = Array.from({ length: 300 }, (_, k) => event(k * 4, 'won', `evt_race_${k}`));
    const importing = (async () => {
      for (let i = 0; i < file.length; i += 500) await applyEventBatch(db, teamId, file.slice(i, i + 500), 'csv_import', NOW, policies);
    })();
    const delivering = Promise.all(
      [0, 1, 2].map(async (lane) => {
        for (let k = lane; k < hooks.length; k += 3) await applyProcessorEvent(db, teamId, hooks[k]!, 'charge.dispute.closed', NOW, policies);
      }),
    );
    await Promise.all([importing, delivering]);
    const snap = await snapshot(db, teamId);
    const race = snap.disputes.filter((d) => d.externalId.startsWith('dp_race_'));
    expect(race).toHaveLength(1200);
    expect(race.filter((d) => d.status === 'won')).toHaveLength(300);
    // Each dispute created once; a won webhook either updated the imported dispute or came first (the import's open row then stale).
    const lines = snap.history.filter((h) => h.text.startsWith('Dispute dp_race_'));
    const created = snap.processorEvents.filter((p) => p.dispute?.startsWith('stripe:dp_race_') && p.outcome === 'created');
    expect(created).toHaveLength(1200);
    const updated = snap.processorEvents.filter((p) => p.dispute?.startsWith('stripe:dp_race_') && p.outcome === 'updated').length;
    const stale = snap.processorEvents.filter((p) => p.dispute?.startsWith('stripe:dp_race_') && p.outcome === 'stale').length;
    expect(updated + stale).toBe(300);
    expect(lines).toHaveLength(1200 + updated);
  }, 120_000);
});
