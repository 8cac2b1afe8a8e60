import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../tests/helpers/csv';
import { DisputeReport } from '../../utils/schemas/reports';
import { buildApp } from '../app';
import { disputes } from '../db/schema-disputes';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, newOrderId, type TestTeam } from '../../tests/server/harness';

const HOUR = 3_600_000;
const WEEK = 'from=2025-11-03&to=2025-11-09';

/** Dispute reports on hand-made disputes: deadlines relative to now, outcomes in a fixed week. */
describe.each(testDatabases())('dispute reports on $kind', (target) => {
  let app: FastifyInstance;
  let team: TestTeam;
  let other: TestTeam;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
    team = await createTestTeam(app.db, 'Disputes');
    other = await createTestTeam(app.db, 'Other');
    const now = Date.now();
    let n = 0;
    const dispute = (over: Partial<typeof disputes.$inferInsert>) => ({
      teamId: team.teamId,
      kind: 'amazon_chargeback' as const,
      portal: 'amazon' as const,
      source: 'amazon' as const,
      marketplace: 'DE',
      externalId: `cb-${n++}`,
      orderId: newOrderId(),
      reason: 'not_received',
      amountMinor: 1000,
      currency: 'EUR',
      filedAt: new Date('2025-10-20T00:00:00Z'),
      deadline: new Date(now + 30 * 24 * HOUR),
      ...over,
    });
    await app.db.insert(disputes).values([
      dispute({ deadline: new Date(now - HOUR), amountMinor: 1000 }), // overdue
      dispute({ deadline: new Date(now + 24 * HOUR), amountMinor: 2000 }), // within 2 days
      dispute({ deadline: new Date(now + 24 * HOUR), amountMinor: 100, status: 'responded' }), // within 2 days
      dispute({ deadline: new Date(now + 5 * 24 * HOUR), amountMinor: 3000, currency: 'USD', marketplace: 'US' }), // within 7 days
      dispute({ deadline: new Date(now + 20 * 24 * HOUR), amountMinor: 500 }), // later
      dispute({ status: 'won', outcome: 'won', amountMinor: 5000, recoveredMinor: 5000, decidedAt: new Date('2025-11-04T10:00:00Z') }),
      dispute({ status: 'lost', outcome: 'lost', amountMinor: 3000, recoveredMinor: 0, decidedAt: new Date('2025-11-05T10:00:00Z') }),
      dispute({
        status: 'won',
        outcome: 'won',
        reason: 'fraud_card_absent',
        amountMinor: 2000,
        recoveredMinor: 1500,
        decidedAt: new Date('2025-11-06T10:00:00Z'),
      }),
      dispute({
        status: 'won',
        outcome: 'won',
        amountMinor: 1000,
        recoveredMinor: 1000,
        currency: 'USD',
        marketplace: 'US',
        decidedAt: new Date('2025-11-07T10:00:00Z'),
      }),
      dispute({ status: 'won', outcome: 'won', amountMinor: 9999, recoveredMinor: 9999, decidedAt: new Date('2025-10-01T10:00:00Z') }), // outside the week
      dispute({ status: 'refunded', amountMinor: 700 }), // refunded: neither open nor fought
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  const get = (token: string, url: string) => app.inject({ method: 'GET', url, headers: auth(token) });

  it('buckets open disputes by deadline and computes win rate and money recovered', async () => {
    const res = await get(team.leadToken, `/v1/reports/disputes?${WEEK}`);
    expect(res.statusCode).toBe(200);
    const report = DisputeReport.parse(res.json());
    expect(report.openByDeadline).toEqual([
      { bucket: 'overdue', currency: 'EUR', disputes: 1, amountMinor: 1000 },
      { bucket: 'within_2_days', currency: 'EUR', disputes: 2, amountMinor: 2100 },
      { bucket: 'within_7_days', currency: 'USD', disputes: 1, amountMinor: 3000 },
      { bucket: 'later', currency: 'EUR', disputes: 1, amountMinor: 500 },
    ]);
    expect(report.winRateByReason).toEqual([
      { reason: 'not_received', won: 2, lost: 1, winRate: 2 / 3 },
      { reason: 'fraud_card_absent', won: 1, lost: 0, winRate: 1 },
    ]);
    expect(report.recovered).toEqual([
      { currency: 'EUR', decided: 3, won: 2, disputedMinor: 10000, recoveredMinor: 6500 },
      { currency: 'USD', decided: 1, won: 1, disputedMinor: 1000, recoveredMinor: 1000 },
    ]);
  });

  it('filters by marketplace, narrows agents to their own cases, and keeps teams apart', async () => {
    const de = DisputeReport.parse((await get(team.leadToken, `/v1/reports/disputes?${WEEK}&marketplace=DE`)).json());
    expect(de.recovered.map((r) => r.currency)).toEqual(['EUR']);
    expect(de.openByDeadline.map((r) => r.currency)).not.toContain('USD');
    // The agent wrote on none of these disputes' cases.
    const own = DisputeReport.parse((await get(team.agentToken, `/v1/reports/disputes?${WEEK}`)).json());
    expect(own).toMatchObject({ openByDeadline: [], winRateByReason: [], recovered: [] });
    const elsewhere = DisputeReport.parse((await get(other.leadToken, `/v1/reports/disputes?${WEEK}`)).json());
    expect(elsewhere).toMatchObject({ openByDeadline: [], winRateByReason: [], recovered: [] });
  });

  it("exports money in the currency's own precision", async () => {
    const res = await get(team.leadToken, `/v1/reports/csv?section=disputes&table=recovered&${WEEK}`);
    expect(parseCsv(res.body)).toEqual([
      ['Currency', 'Decided', 'Won', 'Disputed amount', 'Recovered'],
      ['EUR', '3', '2', '100.00', '65.00'],
      ['USD', '1', '1', '10.00', '10.00'],
    ]);
  });
});
