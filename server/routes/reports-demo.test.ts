import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FraudReport, ServiceReport } from '../../utils/schemas/reports';
import { buildApp } from '../app';
import { cases, decisions, events } from '../db/schema';
import { seedDemo } from '../seed/demo';
import { testDatabases } from '../../tests/server/databases';
import { auth } from '../../tests/server/harness';

/** The demo team's history: written once, and the reports over it agree with the rows themselves. */
describe.each(testDatabases())('demo history for the reports on $kind', (target) => {
  let app: FastifyInstance;
  let teamId: string;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db, demo: true });
    teamId = (await seedDemo(app.db)).teamId;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  const total = async (table: typeof cases | typeof events | typeof decisions) =>
    (await app.db.select({ n: count() }).from(table).where(eq(table.teamId, teamId)))[0]!.n;

  it('changes nothing when the seed runs again', async () => {
    const before = [await total(cases), await total(events), await total(decisions)];
    expect(before[0]).toBeGreaterThan(200);
    await seedDemo(app.db);
    expect([await total(cases), await total(events), await total(decisions)]).toEqual(before);
  });

  it('gives the lead a week of service and fraud that matches the records', async () => {
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
    const range = { from: new Date(`${from}T00:00:00Z`), to: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) };
    const headers = auth('demo-lead-token');
    const service = ServiceReport.parse((await app.inject({ method: 'GET', url: `/v1/reports/service?from=${from}&to=${to}`, headers })).json());
    const opened = (
      await app.db
        .select({ n: count() })
        .from(cases)
        .where(and(eq(cases.teamId, teamId), gte(cases.openedAt, range.from), lt(cases.openedAt, range.to)))
    )[0]!.n;
    expect(service.byMarketplace.reduce((n, r) => n + r.cases, 0)).toBe(opened);
    expect(service.byAgent.reduce((n, r) => n + r.cases, 0)).toBe(opened);
    expect(service.casesByKind.reduce((n, r) => n + r.opened, 0)).toBe(opened);
    expect(service.sla.length).toBeGreaterThan(0);
    expect(service.templates.length).toBeGreaterThan(0);

    const fraud = FraudReport.parse((await app.inject({ method: 'GET', url: `/v1/reports/fraud?from=${from}&to=${to}`, headers })).json());
    const decided = (
      await app.db
        .select({ n: count() })
        .from(decisions)
        .where(and(eq(decisions.teamId, teamId), gte(decisions.createdAt, range.from), lt(decisions.createdAt, range.to)))
    )[0]!.n;
    expect(fraud.overTime.reduce((n, d) => n + d.hold + d.release + d.fraud, 0)).toBe(decided);
    expect(decided).toBeGreaterThan(0);
    expect(fraud.indicators.length).toBeGreaterThan(0);
    expect(fraud.rates.held).toBe(fraud.heldOutcomes.reduce((n, o) => n + o.orders, 0));
  });
});
