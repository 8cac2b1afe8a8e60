import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeList } from '../../utils/api-routes/disputes';
import { DisputeImportAnswer } from '../../utils/api-routes/processors';
import { buildApp } from '../app';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

const ALERT_HEADER = 'alert_id,provider,alert_type,created_at,amount,currency,order_id,card_network,respond_by,outcome';

describe.each(testDatabases())('dispute CSV import on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db, rateLimitPerMinute: 100_000 });
    a = await createTestTeam(app.db, 'Alpha');
    b = await createTestTeam(app.db, 'Beta');
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  const post = (token: string, csv: string, query = 'dryRun=true') =>
    app.inject({ method: 'POST', url: `/v1/disputes/import?${query}`, headers: { ...auth(token), 'content-type': 'text/csv' }, payload: csv });
  const listOf = async (token: string) => DisputeList.parse((await app.inject({ method: 'GET', url: '/v1/disputes', headers: auth(token) })).json()).disputes;

  it('dry-runs a CSV of alerts, then imports it once, matched to the order it names', async () => {
    const orderId = newOrderId('303');
    await postPanel(app, a.agentToken, orderPage({ orderId }));
    const csv = [
      ALERT_HEADER,
      `E-100,ethoca,CONFIRMEDFRAUD,2026-11-05T08:00:00Z,129.99,EUR,${orderId},mastercard,,`,
      'V-100,cdrn,dispute,2026-11-05 09:00,20.00,USD,SHOP-X,visa,2026-11-08 09:00,',
    ].join('\n');
    const dry = DisputeImportAnswer.parse((await post(a.leadToken, csv)).json());
    expect(dry).toMatchObject({ format: 'alerts', dryRun: true, rows: 2, created: 2, updated: 0, skipped: 0, invalidRows: 0 });
    expect(dry.results.map((r) => [r.row, r.source, r.externalId, r.action])).toEqual([
      [2, 'ethoca', 'E-100', 'create'],
      [3, 'verifi', 'V-100', 'create'],
    ]);
    // The dry run stored nothing.
    expect((await listOf(a.agentToken)).filter((d) => d.externalId === 'E-100')).toHaveLength(0);

    const real = DisputeImportAnswer.parse((await post(a.leadToken, csv, 'dryRun=false')).json());
    expect(real).toMatchObject({ dryRun: false, created: 2 });
    const stored = (await listOf(a.agentToken)).filter((d) => d.externalId === 'E-100' || d.externalId === 'V-100');
    expect(stored.map((d) => [d.externalId, d.stage, d.source, d.orderMatch, d.reasonGroup])).toEqual(
      expect.arrayContaining([
        ['E-100', 'alert', 'ethoca', 'reference', 'fraud'],
        ['V-100', 'alert', 'verifi', 'unmatched', undefined],
      ]),
    );
    // Ethoca alerts run 24 hours, CDRN's respond_by binds.
    expect(stored.find((d) => d.externalId === 'E-100')!.deadline).toBe('2026-11-06T08:00:00.000Z');
    expect(stored.find((d) => d.externalId === 'V-100')!.deadline).toBe('2026-11-08T09:00:00.000Z');

    // Again: nothing new. Then the outcome arrives in a later export.
    expect(DisputeImportAnswer.parse((await post(a.leadToken, csv, 'dryRun=false')).json())).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    const resolved = [ALERT_HEADER, `E-100,ethoca,CONFIRMEDFRAUD,2026-11-05T08:00:00Z,129.99,EUR,${orderId},mastercard,,STOPPED`].join('\n');
    expect(DisputeImportAnswer.parse((await post(a.leadToken, resolved)).json()).results[0]!.action).toBe('update');
    expect(DisputeImportAnswer.parse((await post(a.leadToken, resolved, 'dryRun=false')).json())).toMatchObject({ updated: 1 });
    expect((await listOf(a.agentToken)).find((d) => d.externalId === 'E-100')!.status).toBe('refunded');
    // The alert and its outcome are in the order's history.
    const cases = (await app.inject({ method: 'GET', url: `/v1/cases?orderId=${orderId}`, headers: auth(a.agentToken) })).json().cases as { id: string }[];
    const events = (await app.inject({ method: 'GET', url: `/v1/cases/${cases[0]!.id}/events`, headers: auth(a.agentToken) })).json().events as {
      text: string;
    }[];
    expect(events.map((e) => e.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('ethoca alert (CSV import): alert open'), expect.stringContaining('alert refunded')]),
    );
    // Team B sees none of it.
    expect((await listOf(b.agentToken)).filter((d) => d.externalId === 'E-100')).toHaveLength(0);
  });

  it('keeps a Stripe and an Adyen dispute that carry the same id apart (the second was a 500)', async () => {
    const same = `X${Date.now()}`;
    const stripe = await post(
      a.leadToken,
      ['id,Created (UTC),Amount,Currency,Status,Reason,Charge ID', `${same},2026-11-05 10:00,10.00,eur,needs_response,fraudulent,ch_${same}`].join('\n'),
      'dryRun=false',
    );
    expect(stripe.statusCode, stripe.body).toBe(200);
    const adyen = await post(
      a.leadToken,
      [
        'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,Reason Code',
        `Co,Shop,PAY-${same},SHOP-1,visa,2026-11-05 11:00:00,EUR,-20.00,Chargeback,${same},Fraud,10.4`,
      ].join('\n'),
      'dryRun=false',
    );
    expect(adyen.statusCode, adyen.body).toBe(200);
    expect(DisputeImportAnswer.parse(adyen.json()).created).toBe(1);
    const both = (await listOf(a.agentToken)).filter((d) => d.externalId === same);
    expect(both.map((d) => d.source).sort()).toEqual(['adyen', 'stripe']);
  });

  it('names each bad row and column, and imports nothing from a file with problems', async () => {
    const csv = [
      'id,Created (UTC),Amount,Currency,Status,Reason,Charge ID',
      'dp_imp_1,2026-11-02 10:00,10.00,EUR,needs_response,fraudulent,ch_1',
      'dp_imp_2,11/02/2026,10.00,EUR,needs_response,fraudulent,ch_2',
      'dp_imp_3,2026-11-02,,EUR,needs_response,fraudulent,ch_3',
      'dp_imp_4,2026-11-02,10.00,ABC,needs_response,fraudulent,ch_4',
      'dp_imp_1,2026-11-02 10:00,10.00,EUR,needs_response,fraudulent,ch_1',
    ].join('\n');
    const dry = DisputeImportAnswer.parse((await post(a.leadToken, csv)).json());
    expect(dry).toMatchObject({ format: 'stripe', rows: 5, created: 1, invalidRows: 4 });
    expect(dry.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Created (UTC)'],
      [4, 'Amount'],
      [5, 'Currency'],
      [6, 'id'],
    ]);
    const real = await post(a.leadToken, csv, 'dryRun=false');
    expect(real.statusCode).toBe(400);
    expect(real.json().error.message).toContain('row 3, column "Created (UTC)"');
    expect(real.json().error.details.problems).toHaveLength(4);
    expect((await listOf(a.agentToken)).filter((d) => d.externalId.startsWith('dp_imp_'))).toHaveLength(0);
  });

  it('refuses a wrong header, a JSON body, an agent, and files over the limits', async () => {
    const wrong = await post(a.leadToken, 'foo,bar\n1,2');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ field: 'body' });
    expect(wrong.json().error.message).toContain('not one of the known exports');
    const json = await app.inject({ method: 'POST', url: '/v1/disputes/import', headers: auth(a.leadToken), payload: { csv: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.field).toBe('headers.content-type');
    expect((await post(a.agentToken, `${ALERT_HEADER}\n`)).statusCode).toBe(403);
    const rows = Array.from({ length: 50_001 }, (_, i) => `A-${i},ethoca,fraud,2026-11-05,1.00,EUR,,,,`);
    const tooMany = await post(a.leadToken, [ALERT_HEADER, ...rows].join('\n'));
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().error.message).toContain('more than 50000 rows');
    const tooBig = await post(a.leadToken, `${ALERT_HEADER}\n${'x'.repeat(17 * 1024 * 1024)}`);
    expect(tooBig.statusCode).toBe(413);
  });

  it('keeps the batches applied before one that fails, and the same file again finishes the rest', async () => {
    const stripeRow = (i: number) => `dp_crash_${i},2026-11-02 10:00,${(i % 90) + 10}.00,EUR,needs_response,fraudulent,ch_crash_${i}`;
    const csv = ['id,Created (UTC),Amount,Currency,Status,Reason,Charge ID', ...Array.from({ length: 1200 }, (_, i) => stripeRow(i))].join('\n');
    const count = async (query: ReturnType<typeof sql>) => Number(((await app.db.execute(query)) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
    const stored = () => count(sql`select count(*)::int as n from disputes where team_id = ${a.teamId} and external_id like 'dp_crash_%'`);
    const lines = () => count(sql`select count(*)::int as n from events where team_id = ${a.teamId} and text like 'Dispute dp_crash_%'`);
    // A real failure inside the second batch (rows 502-1001): the database refuses one of its disputes.
    await app.db.execute(
      sql.raw(`create function fail_import_test() returns trigger language plpgsql as $$
      begin if new.external_id = 'dp_crash_700' then raise exception 'refused for the test'; end if; return new; end $$`),
    );
    await app.db.execute(sql.raw('create trigger fail_import_test before insert on disputes for each row execute function fail_import_test()'));
    let failed;
    try {
      failed = await post(a.leadToken, csv, 'dryRun=false');
    } finally {
      await app.db.execute(sql.raw('drop trigger fail_import_test on disputes'));
      await app.db.execute(sql.raw('drop function fail_import_test()'));
    }
    expect(failed.statusCode).toBe(503);
    expect(failed.json().error.message).toContain('Rows 2-501 (500 of 1200) were imported; the import stopped at row 502');
    expect(failed.json().error.details).toEqual({ importedRows: 500, stoppedAtRow: 502 });
    expect(await stored()).toBe(500);
    expect(await lines()).toBe(500);

    const again = DisputeImportAnswer.parse((await post(a.leadToken, csv, 'dryRun=false')).json());
    expect(again).toMatchObject({ rows: 1200, created: 700, updated: 0, skipped: 500 });
    expect(await stored()).toBe(1200);
    // One history line per dispute: nothing written twice, nothing lost.
    expect(await lines()).toBe(1200);
    expect(DisputeImportAnswer.parse((await post(a.leadToken, csv, 'dryRun=false')).json())).toMatchObject({ created: 0, updated: 0, skipped: 1200 });
    expect(await lines()).toBe(1200);
  }, 60_000);

  it('dry-runs 50,000 rows without holding the event loop', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `BULK-${i},ethoca,fraud,2026-11-05 08:00,${(i % 500) + 1}.99,EUR,SHOP-${i},visa,,`);
    const csv = [ALERT_HEADER, ...rows].join('\n');
    // Timer callbacks that run while the import is in flight prove the loop was free between slices.
    let inFlight = true;
    let ticksDuring = 0;
    const timer = setInterval(() => {
      if (inFlight) ticksDuring++;
    }, 1);
    const res = await post(a.leadToken, csv).finally(() => {
      inFlight = false;
      clearInterval(timer);
    });
    expect(res.statusCode).toBe(200);
    const answer = DisputeImportAnswer.parse(res.json());
    expect(answer).toMatchObject({ rows: 50_000, created: 50_000, invalidRows: 0, truncated: true });
    expect(answer.results).toHaveLength(1000);
    expect(ticksDuring).toBeGreaterThan(10);
  }, 120_000);
});
