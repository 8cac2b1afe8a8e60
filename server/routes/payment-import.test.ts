import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeList, DisputeView } from '../../utils/api-routes/disputes';
import { DisputeImportAnswer, StripeEvidenceView } from '../../utils/api-routes/processors';
import { PaymentImportAnswer } from '../../utils/api-routes/payments';
import { buildApp } from '../app';
import { createAgent } from '../repositories/agents';
import { mergeSettingsDocument } from '../repositories/settings';
import { insertToken } from '../repositories/tokens';
import { applyRetention } from '../services/retention';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, type TestTeam } from '../../tests/server/harness';

const STRIPE_PAYMENTS =
  'id,Created date (UTC),Amount,Currency,Status,Card Fingerprint,Customer ID,Customer Email,Disputed Amount,ip_address (metadata),device_id (metadata)';
const LAYOUT = 'payment_id,paid_at,card_ref,amount,currency,ip_address,device_id,shipping_address,account_id,disputed';
const STRIPE_DISPUTES = 'id,Created (UTC),Amount,Currency,Status,Reason,Network Reason Code,Card Brand,Charge ID,Evidence Due By (UTC)';

/** A unique prefix per test, so ids never collide between tests sharing a database. */
let n = 0;
const uniq = (label: string) => `${label}${Date.now().toString(36)}${(n++).toString(36)}`;

/** One row of the payments layout. */
function payment(
  id: string,
  at: string,
  card: string,
  more: { ip?: string; device?: string; address?: string; account?: string; disputed?: boolean } = {},
): string {
  const address = more.address ? `"${more.address}"` : '';
  return [id, at, card, '25.00', 'EUR', more.ip ?? '', more.device ?? '', address, more.account ?? '', String(more.disputed ?? false)].join(',');
}

describe.each(testDatabases())('card payments import and CE 3.0 on $kind', (target) => {
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

  const importPayments = (token: string, csv: string, query = 'dryRun=true') =>
    app.inject({ method: 'POST', url: `/v1/payments/import?${query}`, headers: { ...auth(token), 'content-type': 'text/csv' }, payload: csv });
  const importDisputes = async (token: string, csv: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/disputes/import?dryRun=false',
      headers: { ...auth(token), 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode, res.body).toBe(200);
    return DisputeImportAnswer.parse(res.json());
  };
  const disputeByExternal = async (token: string, externalId: string) => {
    const list = DisputeList.parse((await app.inject({ method: 'GET', url: '/v1/disputes', headers: auth(token) })).json()).disputes;
    const found = list.find((d) => d.externalId === externalId);
    expect(found, externalId).toBeDefined();
    const res = await app.inject({ method: 'GET', url: `/v1/disputes/${found!.id}`, headers: auth(token) });
    expect(res.statusCode, res.body).toBe(200);
    return DisputeView.parse(res.json());
  };
  /** A Visa 10.4 Stripe dispute on `charge`, filed on 2026-11-20. */
  const fraudDispute = (token: string, dp: string, charge: string, code = '10.4') =>
    importDisputes(token, [STRIPE_DISPUTES, `${dp},2026-11-20 10:00,89.00,eur,needs_response,fraudulent,${code},visa,${charge},2026-12-05 23:59`].join('\n'));

  it("reads Stripe's payments export: a dry run plans, the import stores once, a second import changes nothing", async () => {
    const p = uniq('ch_');
    const csv = [
      STRIPE_PAYMENTS,
      `${p}a,2026-05-01 10:00,89.00,eur,Paid,fp_${p},cus_${p},max@example.com,0.00,203.0.113.7,dev-${p}`,
      `${p}b,2026-06-01 10:00:00,"1,089.50",eur,Paid,fp_${p},cus_${p},max@example.com,,203.0.113.7,`,
      `${p}c,2026-06-02 10:00,15.00,eur,Failed,fp_${p},cus_${p},max@example.com,,,`,
      `${p}d,2026-06-03 10:00,15.00,eur,Paid,fp_${p},cus_${p},,15.00,,`,
    ].join('\n');
    const dry = PaymentImportAnswer.parse((await importPayments(a.leadToken, csv)).json());
    expect(dry).toMatchObject({ format: 'stripe', dryRun: true, rows: 4, created: 3, updated: 0, unchanged: 0, skipped: 1, invalidRows: 0 });
    expect(dry.results.map((r) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'skip'],
      [5, 'create'],
    ]);
    expect(dry.results[2]!.why).toContain('not a settled payment');

    const real = PaymentImportAnswer.parse((await importPayments(a.leadToken, csv, 'dryRun=false')).json());
    expect(real).toMatchObject({ dryRun: false, created: 3, updated: 0, unchanged: 0, skipped: 1 });
    const again = PaymentImportAnswer.parse((await importPayments(a.leadToken, csv, 'dryRun=false')).json());
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });

    // One changed value updates that payment only.
    const changed = csv.replace(`${p}b,2026-06-01 10:00:00,"1,089.50",eur,Paid`, `${p}b,2026-06-01 10:00:00,"1,089.50",eur,Disputed`);
    const third = PaymentImportAnswer.parse((await importPayments(a.leadToken, changed, 'dryRun=false')).json());
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(third.results.find((r) => r.paymentId === `${p}b`)!.action).toBe('update');
  });

  it('names every bad row and column, and a real import of a file with any imports nothing', async () => {
    const p = uniq('pay_');
    const csv = [
      LAYOUT,
      `${p}1,2026-05-01,card_${p},10.00,EUR,203.0.113.7,,,,false`,
      `${p}2,01/05/2026,card_${p},10.00,EUR,,,,,`,
      `${p}3,2026-05-01,4111 1111 1111 1111,10.00,EUR,,,,,`,
      `${p}4,2026-05-01,card_${p},10.00,EUR,300.1.1.1,,,,`,
      `${p}1,2026-05-02,card_${p},10.00,EUR,,,,,`,
      `${p}5,2026-05-01,card_${p},10.00,XXX,,,,,maybe`,
      `${p}6,2026-05-01,,10.00,EUR,,,,,`,
    ].join('\n');
    const dry = PaymentImportAnswer.parse((await importPayments(a.leadToken, csv)).json());
    const problems = dry.problems.map((x) => [x.row, x.column]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [3, 'paid_at'],
        [4, 'card_ref'],
        [5, 'ip_address'],
        [6, 'payment_id'],
        [7, 'currency'],
        [7, 'disputed'],
        [8, 'card_ref'],
      ]),
    );
    expect(dry.problems.find((x) => x.row === 4)!.message).toContain('card number');
    expect(dry.problems.find((x) => x.row === 6)!.message).toContain('already in row 2');
    expect(dry).toMatchObject({ invalidRows: 6, created: 1 });

    const real = await importPayments(a.leadToken, csv, 'dryRun=false');
    expect(real.statusCode).toBe(400);
    expect(real.json().error.message).toContain('nothing was imported');
    const after = PaymentImportAnswer.parse(
      (await importPayments(a.leadToken, [LAYOUT, `${p}1,2026-05-01,card_${p},10.00,EUR,203.0.113.7,,,,false`].join('\n'))).json(),
    );
    expect(after.created).toBe(1);
  });

  it('answers a wrong header, an empty file, a JSON body, an agent and a receiver with a clear 4xx', async () => {
    const wrong = await importPayments(a.leadToken, 'id,amount\nx,1');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/Closest: .*needs the column/);
    const empty = await importPayments(a.leadToken, `${LAYOUT}\n`);
    expect(empty.statusCode).toBe(400);
    const json = await app.inject({
      method: 'POST',
      url: '/v1/payments/import',
      headers: { ...auth(a.leadToken), 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
    const badQuery = await app.inject({
      method: 'POST',
      url: '/v1/payments/import?format=adyen',
      headers: { ...auth(a.leadToken), 'content-type': 'text/csv' },
      payload: LAYOUT,
    });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.message).toContain('format');
    expect((await importPayments(a.agentToken, `${LAYOUT}\nx,2026-05-01,c,,,,,,,`)).statusCode).toBe(403);
    const receiver = await createAgent(app.db, a.teamId, { name: 'Alpha Receiver', role: 'receiver' });
    const receiverToken = (await insertToken(app.db, { teamId: a.teamId, agentId: receiver.id, label: 'test' })).token;
    expect((await importPayments(receiverToken, `${LAYOUT}\nx,2026-05-01,c,,,,,,,`)).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/v1/payments/import', headers: { 'content-type': 'text/csv' }, payload: LAYOUT })).statusCode).toBe(401);
  });

  it('judges CE 3.0 for a Visa 10.4 dispute from the earlier payments on the same card, with what each matches on', async () => {
    const p = uniq('ch');
    const card = `fp_${p}`;
    await fraudDispute(a.leadToken, `dp_${p}`, `${p}_now`);
    const ip = '203.0.113.7';
    const rows = [
      LAYOUT,
      payment(`${p}_now`, '2026-11-02 13:30', card, { ip, device: 'dev-1', address: 'Hauptstr. 5, 10115 Berlin', account: 'acct-1' }),
      // 172 days before the dispute: IP and device.
      payment(`${p}_p1`, '2026-06-01 10:00', card, { ip, device: 'dev-1' }),
      // 264 days before: IP and the address, written differently.
      payment(`${p}_p2`, '2026-03-01 10:00', card, { ip, address: 'hauptstr 5, 10115 berlin' }),
      // Too recent.
      payment(`${p}_p3`, '2026-10-21 10:00', card, { ip, device: 'dev-1' }),
      // The right age and data, but disputed.
      payment(`${p}_p4`, '2026-04-01 10:00', card, { ip, device: 'dev-1', disputed: true }),
      // Another card.
      payment(`${p}_other`, '2026-05-01 10:00', 'fp_other', { ip, device: 'dev-1' }),
    ];
    const imported = PaymentImportAnswer.parse((await importPayments(a.leadToken, rows.join('\n'), 'dryRun=false')).json());
    expect(imported.created).toBe(6);

    const view = await disputeByExternal(a.agentToken, `dp_${p}`);
    expect(view.ce3).toMatchObject({ status: 'eligible', paymentRef: `${p}_now` });
    expect(view.ce3!.qualifying.map((q) => [q.paymentId, q.matched])).toEqual([
      [`${p}_p1`, ['ipAddress', 'deviceId']],
      [`${p}_p2`, ['ipAddress', 'shippingAddress']],
    ]);
    expect(view.ce3!.qualifying[0]!.ageDays).toBe(172);
    const rejected = Object.fromEntries(view.ce3!.rejected.map((r) => [r.paymentId, r.why.join('; ')]));
    expect(rejected[`${p}_p3`]).toContain('only 30 days');
    expect(rejected[`${p}_p4`]).toContain('was disputed');
    expect(Object.keys(rejected)).not.toContain(`${p}_other`);
    const item = view.checklist.find((i) => i.key === 'ce3_prior_transactions')!;
    expect(item).toMatchObject({ status: 'present' });
    expect(item.value).toContain(`${p}_p1`);

    // Stripe's body carries the same judgement as Visa CE 3.0 evidence: exactly the two qualifying payments.
    const stripe = await app.inject({ method: 'GET', url: `/v1/disputes/${view.id}/stripe-evidence`, headers: auth(a.agentToken) });
    expect(stripe.statusCode, stripe.body).toBe(200);
    const body = StripeEvidenceView.parse(stripe.json());
    expect(body.body.evidence['enhanced_evidence']).toEqual({
      visa_compelling_evidence_3: {
        disputed_transaction: { customer_account_id: 'acct-1', customer_purchase_ip: ip, merchandise_or_services: 'merchandise' },
        prior_undisputed_transactions: [
          { charge: `${p}_p1`, customer_purchase_ip: ip },
          { charge: `${p}_p2`, customer_purchase_ip: ip },
        ],
      },
    });
    expect(body.warnings.join(' ')).toMatch(/dev-1.*5 characters|5 characters/);

    // The other team sees neither the payments nor a judgement on its own dispute on the same charge.
    await fraudDispute(b.leadToken, `dp_${p}`, `${p}_now`);
    const theirs = await disputeByExternal(b.agentToken, `dp_${p}`);
    expect(theirs.ce3).toMatchObject({ status: 'payment_not_imported', qualifying: [] });
  });

  it('counts an earlier payment the team holds a dispute on as disputed, and says what is missing', async () => {
    const p = uniq('ch');
    const card = `fp_${p}`;
    await fraudDispute(a.leadToken, `dp_${p}`, `${p}_now`);
    // Not imported yet: the checklist item says how to get there.
    const before = await disputeByExternal(a.agentToken, `dp_${p}`);
    expect(before.ce3).toMatchObject({ status: 'payment_not_imported' });
    expect(before.checklist.find((i) => i.key === 'ce3_prior_transactions')!.hint).toContain('/v1/payments/import');

    await importPayments(
      a.leadToken,
      [
        LAYOUT,
        payment(`${p}_now`, '2026-11-02 13:30', card, { ip: '198.51.100.4', device: 'dev-9' }),
        payment(`${p}_p1`, '2026-06-01 10:00', card, { ip: '198.51.100.4', device: 'dev-9' }),
        payment(`${p}_p2`, '2026-05-01 10:00', card, { ip: '198.51.100.4', device: 'dev-9' }),
      ].join('\n'),
      'dryRun=false',
    );
    expect((await disputeByExternal(a.agentToken, `dp_${p}`)).ce3!.status).toBe('eligible');
    // A chargeback on the older payment arrives: it no longer counts.
    await importDisputes(
      a.leadToken,
      [STRIPE_DISPUTES, `dp_${p}_old,2026-06-10 10:00,40.00,eur,lost,fraudulent,10.4,visa,${p}_p2,2026-06-25 23:59`].join('\n'),
    );
    const after = await disputeByExternal(a.agentToken, `dp_${p}`);
    expect(after.ce3!.status).toBe('not_eligible');
    expect(after.ce3!.rejected.find((r) => r.paymentId === `${p}_p2`)!.why).toContain('was disputed');
    expect(after.checklist.find((i) => i.key === 'ce3_prior_transactions')).toMatchObject({ status: 'missing' });

    // Not Visa 10.4: no CE 3.0 part at all.
    await fraudDispute(a.leadToken, `dp_${p}_mc`, `${p}_now`, '4837');
    expect((await disputeByExternal(a.agentToken, `dp_${p}_mc`)).ce3).toBeUndefined();
  });

  it("deletes imported payments older than the team's retention with the rest of the personal data", async () => {
    const p = uniq('ret');
    await mergeSettingsDocument(app.db, b.teamId, { retentionDays: 400 });
    const csv = [LAYOUT, payment(`${p}_old`, '2025-01-01 10:00', `fp_${p}`), payment(`${p}_new`, '2026-11-01 10:00', `fp_${p}`)].join('\n');
    await importPayments(b.leadToken, csv, 'dryRun=false');
    const report = await applyRetention(app.db, new Date('2026-12-01T00:00:00Z'));
    expect(report.deletedPayments).toBeGreaterThanOrEqual(1);
    const again = PaymentImportAnswer.parse((await importPayments(b.leadToken, csv)).json());
    expect(again.results.map((r) => [r.paymentId, r.action])).toEqual([
      [`${p}_old`, 'create'],
      [`${p}_new`, 'unchanged'],
    ]);
  });
});
