import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeList } from '../../utils/api-routes/disputes';
import { AdyenDefenceView } from '../../utils/api-routes/processors';
import { buildApp } from '../app';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, type TestTeam } from '../../tests/server/harness';

/** Adyen's defence prepared for review: the defence PDF as supplyDefenseDocument's document, no reason guessed. */
const ADYEN_HEADER =
  'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,Reason Code';
const ALERT_HEADER = 'alert_id,provider,alert_type,created_at,amount,currency,order_id,card_network,respond_by,outcome';

describe.each(testDatabases())('the Adyen defence for review on $kind', (target) => {
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

  const importCsv = async (lines: string[]) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/disputes/import?dryRun=false',
      headers: { ...auth(a.leadToken), 'content-type': 'text/csv' },
      payload: lines.join('\n'),
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const idOf = async (externalId: string) => {
    const list = DisputeList.parse((await app.inject({ method: 'GET', url: '/v1/disputes', headers: auth(a.agentToken) })).json());
    return list.disputes.find((d) => d.externalId === externalId)!.id;
  };
  const get = (id: string, token: string) => app.inject({ method: 'GET', url: `/v1/disputes/${id}/adyen-defence`, headers: auth(token) });

  it('answers the defence PDF as a DefenseMaterial document, says Adyen was not asked, and offers no reason', async () => {
    const psp = `DISP${randomUUID().slice(0, 8)}`;
    await importCsv([ADYEN_HEADER, `Co,Shop,PAY-${psp},SHOP-ADY-1,mc,2026-11-03 10:00:00,EUR,-120.00,Chargeback,${psp},Goods not received,4855`]);
    const id = await idOf(psp);
    const res = await get(id, a.agentToken);
    expect(res.statusCode, res.body).toBe(200);
    const view = AdyenDefenceView.parse(res.json());
    expect(view).toMatchObject({ disputePspReference: psp, reasonsFrom: 'not_retrieved', defenseReasons: [], network: 'mastercard', reasonCode: '4855' });
    expect(view.warnings.join(' ')).toContain('retrieveApplicableDefenseReasons');
    expect(view.defenseDocuments).toHaveLength(1);
    const doc = view.defenseDocuments[0]!;
    expect(doc).toMatchObject({ defenseDocumentTypeCode: 'DefenseMaterial', contentType: 'application/pdf' });
    const bytes = Buffer.from(doc.content, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(view.documents).toEqual([{ defenseDocumentTypeCode: 'DefenseMaterial', filename: `defence-${psp}.pdf`, size: bytes.length }]);
    // The same document the defence PDF route serves.
    const pdf = await app.inject({ method: 'GET', url: `/v1/disputes/${id}/defence.pdf`, headers: auth(a.agentToken) });
    expect(pdf.rawPayload.length).toBeGreaterThan(1000);
  });

  it("is the team's own: another team gets 404, no token 401, a bad id is a 400 naming it", async () => {
    const psp = `DISP${randomUUID().slice(0, 8)}`;
    await importCsv([ADYEN_HEADER, `Co,Shop,PAY-${psp},SHOP-ADY-2,visa,2026-11-03 10:00:00,EUR,-20.00,Chargeback,${psp},Fraud,10.4`]);
    const id = await idOf(psp);
    expect((await get(id, b.leadToken)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/v1/disputes/${id}/adyen-defence` })).statusCode).toBe(401);
    const bad = await get('not-a-uuid', a.agentToken);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('params.id');
    expect((await get(id, a.leadToken)).statusCode).toBe(200);
  });

  it('refuses disputes that take no Adyen defence (409 naming why)', async () => {
    const alertId = `E-ADY-${randomUUID().slice(0, 8)}`;
    await importCsv([ALERT_HEADER, `${alertId},ethoca,CUSTOMERDISPUTE,2026-11-05T08:00:00Z,10.00,EUR,SHOP-ADY-3,visa,,`]);
    const alert = await get(await idOf(alertId), a.agentToken);
    expect(alert.statusCode).toBe(409);
    expect(alert.json().error.message).toContain('only Adyen chargebacks');
    const psp = `RFI${randomUUID().slice(0, 8)}`;
    await importCsv([ADYEN_HEADER, `Co,Shop,PAY-${psp},SHOP-ADY-4,visa,2026-11-03 10:00:00,EUR,-20.00,RequestForInformation,${psp},Copy request,33`]);
    const rfi = await get(await idOf(psp), a.agentToken);
    expect(rfi.statusCode, rfi.body).toBe(409);
    expect(rfi.json().error.message).toContain('inquiry');
  });
});
