import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/open';
import { disputes } from '../db/schema-disputes';
import { listCasesByBuyer, upsertCase } from '../repositories/cases';
import { findOrder, upsertOrderSnapshot } from '../repositories/orders';
import { mergeSettingsDocument } from '../repositories/settings';
import { testDatabases } from '../../tests/server/databases';
import { createTestTeam, newOrderId, parsedPage, type TestTeam } from '../../tests/server/harness';
import { orderSnapshotOf } from './page-keys';
import { applyRetention, scheduleRetention, type RetentionReport } from './retention';

describe.each(testDatabases())('retention on $kind', (target) => {
  let db: Database;
  let strict: TestTeam;
  let keeper: TestTeam;
  const now = new Date('2026-06-01T00:00:00Z');

  const seedOrder = async (teamId: string, purchasedAt: string) => {
    const orderId = newOrderId();
    await upsertOrderSnapshot(db, teamId, orderSnapshotOf(parsedPage({ orderId, purchasedAt }))!, new Date(purchasedAt));
    return orderId;
  };

  beforeAll(async () => {
    db = (await target.open()).db;
    strict = await createTestTeam(db, 'Strict');
    keeper = await createTestTeam(db, 'Keeper');
    await mergeSettingsDocument(db, strict.teamId, { retentionDays: 30 });
  });
  afterAll(async () => target.dispose());

  it("blanks buyers' personal data on orders older than the team's retention, and only those", async () => {
    const old = await seedOrder(strict.teamId, '2026-04-01T10:00:00Z');
    await upsertCase(db, strict.teamId, { kind: 'claim', portal: 'amazon', marketplace: 'DE', ref: `AZ-${old}`, orderId: old, buyerKey: 'max mustermann' });
    const [dispute] = await db
      .insert(disputes)
      .values({
        teamId: strict.teamId,
        kind: 'card_dispute',
        portal: 'shop',
        source: 'stripe',
        externalId: `dp_${old}`,
        orderId: old,
        amountMinor: 12999,
        currency: 'EUR',
        filedAt: new Date('2026-04-05T10:00:00Z'),
        deadline: new Date('2026-04-25T10:00:00Z'),
        reason: 'fraud',
        orderMatch: 'email',
        buyerKey: 'max mustermann',
      })
      .returning({ id: disputes.id });
    const recent = await seedOrder(strict.teamId, '2026-05-20T10:00:00Z');
    const otherTeamsOld = await seedOrder(keeper.teamId, '2026-01-01T10:00:00Z');
    expect(await listCasesByBuyer(db, strict.teamId, 'max mustermann', null)).toHaveLength(1);
    const before = await findOrder(db, strict.teamId, old);
    expect(before).toMatchObject({ buyerName: 'Max Mustermann', buyerKey: expect.any(String), addressKey: expect.any(String) });

    const report = await applyRetention(db, now);
    expect(report.redactedOrders).toBeGreaterThanOrEqual(1);

    const redacted = await findOrder(db, strict.teamId, old);
    expect(redacted).toMatchObject({ buyerName: null, buyerKey: null, addressKey: null, phoneKey: null, snapshot: {}, orderId: old, totalMinor: 12999 });
    expect(redacted!.redactedAt).toEqual(now);
    expect((await findOrder(db, strict.teamId, recent))?.buyerName).toBe('Max Mustermann');
    expect(await listCasesByBuyer(db, strict.teamId, 'max mustermann', null)).toEqual([]);
    const [afterDispute] = await db.select({ buyerKey: disputes.buyerKey, orderId: disputes.orderId }).from(disputes).where(eq(disputes.id, dispute!.id));
    expect(afterDispute).toEqual({ buyerKey: null, orderId: old });
    // No retention setting: nothing is blanked.
    expect((await findOrder(db, keeper.teamId, otherTeamsOld))?.buyerName).toBe('Max Mustermann');

    // Running again changes nothing.
    const again = await applyRetention(db, now);
    expect(again.redactedOrders).toBe(0);
  });

  it('sweeps at once and then on every tick, never two sweeps at a time', async () => {
    const results: Array<RetentionReport | Error> = [];
    const stop = scheduleRetention(db, (r) => results.push(r), 30);
    await new Promise((r) => setTimeout(r, 200));
    stop();
    const settled = results.length;
    expect(settled).toBeGreaterThanOrEqual(2);
    expect(results.every((r) => !(r instanceof Error))).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(results.length).toBeLessThanOrEqual(settled + 1);
  });
});
