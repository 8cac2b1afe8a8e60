import type ClientInterface from '@adyen/api-library/lib/src/httpClient/clientInterface';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DisputeList } from '../../utils/api-routes/disputes';
import { ApiKeyStatus, ApiKeyStatusList, SubmitAnswer } from '../../utils/api-routes/processors';
import { CaseEventList, CaseList } from '../../utils/schemas/api';
import { buildApp } from '../app';
import { adyenCallKey } from '../services/processor-submit';
import type { Database } from '../db/open';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, idempotencyKey, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

/**
 * Submitting to the processors without sending anything: the official Stripe and Adyen clients are built
 * with capturing transports, and the tests read the method, URL, headers and body the packages produced.
 */

type StripeCall = { host: string; path: string; method: string; headers: Record<string, unknown>; body: string };

class CapturedStripeResponse extends Stripe.HttpClientResponse {
  constructor(
    status: number,
    private readonly body: unknown,
  ) {
    super(status, { 'request-id': 'req_captured' });
  }
  override getRawResponse() {
    return this.body;
  }
  override toStream(): never {
    throw new Error('not streamed');
  }
  override toJSON() {
    return Promise.resolve(this.body);
  }
}

/** Records each request Stripe's package makes and answers it without any network. */
class CapturingStripe extends Stripe.HttpClient {
  calls: StripeCall[] = [];
  answer: (call: StripeCall) => { status: number; body: unknown } = () => ({ status: 500, body: {} });
  override getClientName() {
    return 'capturing';
  }
  override makeRequest(host: string, _port: string, path: string, method: string, headers: Record<string, unknown>, requestData: string) {
    const call = { host, path, method, headers, body: requestData };
    this.calls.push(call);
    const { status, body } = this.answer(call);
    return Promise.resolve(new CapturedStripeResponse(status, body));
  }
}

type AdyenCall = {
  endpoint: string;
  json: Record<string, unknown>;
  apiKey: string | undefined;
  idempotencyKey: string | undefined;
  method: string | undefined;
};

/** Adyen's ClientInterface: the library hands it the endpoint, the serialised JSON, its config and the request options. */
class CapturingAdyen implements ClientInterface {
  calls: AdyenCall[] = [];
  answer: (operation: string) => unknown = () => ({ disputeServiceResult: { success: true } });
  request(
    endpoint: string,
    json: string | Buffer,
    config: { apiKey?: string },
    _isApiKeyRequired: boolean,
    options?: { idempotencyKey?: string; method?: string },
  ) {
    this.calls.push({
      endpoint,
      json: JSON.parse(json.toString()) as Record<string, unknown>,
      apiKey: config.apiKey,
      idempotencyKey: options?.idempotencyKey,
      method: options?.method,
    });
    return Promise.resolve(JSON.stringify(this.answer(endpoint.split('/').pop()!)));
  }
}

const STRIPE_KEY = `sk_test_${'a1B2c3D4e5'.repeat(3)}`;
const ADYEN_KEY = 'AQEyhmfxL4PJahZCw0m/n3Q5qf3VaY9UCJ1+XWZe9W27jmlZiv4PD4jhfNMofnLr2K5i8/0QwV1bDb7kfNy1WIxIIkxgBw==-test';
const DEFENSE_REASONS = {
  defenseReasons: [
    {
      defenseReasonCode: 'SupplyDefenseMaterial',
      satisfied: false,
      defenseDocumentTypes: [{ available: false, defenseDocumentTypeCode: 'DefenseMaterial', requirementLevel: 'Required' }],
    },
  ],
  disputeServiceResult: { success: true },
};

describe.each(testDatabases())('submitting a defence to the processor on $kind', (target) => {
  let app: FastifyInstance;
  let db: Database;
  let a: TestTeam;
  let b: TestTeam;
  const stripe = new CapturingStripe();
  const adyen = new CapturingAdyen();

  beforeAll(async () => {
    ({ db } = await target.open());
    app = await buildApp({ db, rateLimitPerMinute: 100_000, processorTransports: { stripe, adyen } });
    a = await createTestTeam(app.db, 'Alpha');
    b = await createTestTeam(app.db, 'Beta');
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });
  beforeEach(() => {
    stripe.calls = [];
    adyen.calls = [];
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
  const idOf = async (externalId: string) =>
    DisputeList.parse((await app.inject({ method: 'GET', url: '/v1/disputes', headers: auth(a.agentToken) })).json()).disputes.find(
      (d) => d.externalId === externalId,
    )!.id;
  /** A Stripe dispute about an order the team has seen (so the evidence has content). */
  const stripeDispute = async () => {
    const orderId = newOrderId('305');
    expect((await postPanel(app, a.agentToken, orderPage({ orderId, trackingNumber: '1Z999AA10123456784' }))).statusCode).toBe(200);
    const dp = `dp_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16).replace('T', ' ');
    await importCsv([
      'id,Created (UTC),Amount,Currency,Status,Reason,Charge ID,Evidence Due By (UTC),Order ID (metadata)',
      `${dp},2026-11-20 10:00,129.99,eur,needs_response,product_not_received,ch_${dp.slice(3)},${due},${orderId}`,
    ]);
    return { id: await idOf(dp), dp, orderId };
  };
  const adyenDispute = async () => {
    const psp = `DISP${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await importCsv([
      'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,Reason Code',
      `Co,Shop,PAY-${psp},SHOP-ADY-9,mc,2026-11-03 10:00:00,EUR,-120.00,Chargeback,${psp},Goods not received,4855`,
    ]);
    return { id: await idOf(psp), psp };
  };
  const submit = (token: string, id: string, body: Record<string, unknown>, key = idempotencyKey()) =>
    app.inject({
      method: 'POST',
      url: `/v1/disputes/${id}/submit`,
      headers: { ...auth(token), 'idempotency-key': key },
      payload: { idempotencyKey: key, ...body },
    });
  const setKey = (processor: string, payload: Record<string, unknown>, token = a.leadToken) =>
    app.inject({ method: 'PUT', url: `/v1/processors/${processor}/api-key`, headers: auth(token), payload });
  const historyOf = async (orderId: string) => {
    const cases = CaseList.parse((await app.inject({ method: 'GET', url: `/v1/cases?orderId=${orderId}`, headers: auth(a.agentToken) })).json()).cases;
    const events = await Promise.all(
      cases.map(
        async (c) => CaseEventList.parse((await app.inject({ method: 'GET', url: `/v1/cases/${c.id}/events`, headers: auth(a.agentToken) })).json()).events,
      ),
    );
    return events.flat();
  };

  it('is off without a key: 409 naming what is missing, and nothing is sent', async () => {
    const { id } = await stripeDispute();
    const res = await submit(a.agentToken, id, { final: false });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({ field: 'processor.apiKey' });
    expect(res.json().error.message).toContain('no Stripe API key is stored');
    const { id: adyenId } = await adyenDispute();
    const ady = await submit(a.agentToken, adyenId, { final: true, defenseReasonCode: 'SupplyDefenseMaterial' });
    expect(ady.statusCode).toBe(409);
    expect(ady.json().error.message).toContain('no Adyen API key is stored');
    expect(stripe.calls).toHaveLength(0);
    expect(adyen.calls).toHaveLength(0);
  });

  it('lets a lead store a key sealed, never answers it back, and refuses the wrong kind of key naming the field', async () => {
    expect((await setKey('stripe', { apiKey: STRIPE_KEY }, a.agentToken)).statusCode).toBe(403);
    const webhook = await setKey('stripe', { apiKey: 'whsec_abcdefghijklmnop' });
    expect(webhook.statusCode).toBe(400);
    expect(webhook.json().error.field).toBe('body.apiKey');
    expect((await setKey('adyen', { apiKey: ADYEN_KEY })).json().error.field).toBe('body.merchantAccount');
    expect((await setKey('stripe', { apiKey: STRIPE_KEY, merchantAccount: 'X' })).json().error.field).toBe('body.merchantAccount');

    const set = await setKey('stripe', { apiKey: STRIPE_KEY });
    expect(set.statusCode, set.body).toBe(200);
    expect(ApiKeyStatus.parse(set.json())).toMatchObject({ processor: 'stripe', set: true, environment: 'test', setBy: a.lead.id });
    const adyenSet = await setKey('adyen', { apiKey: ADYEN_KEY, merchantAccount: 'ShopECOM', environment: 'test' });
    expect(adyenSet.json()).toMatchObject({ set: true, merchantAccount: 'ShopECOM', environment: 'test' });
    const list = await app.inject({ method: 'GET', url: '/v1/processors/api-keys', headers: auth(a.leadToken) });
    expect(ApiKeyStatusList.parse(list.json()).processors.map((p) => p.set)).toEqual([true, true]);
    for (const body of [set.body, adyenSet.body, list.body]) {
      expect(body).not.toContain(STRIPE_KEY);
      expect(body).not.toContain(ADYEN_KEY.slice(0, 30));
    }
    const stored = ((await db.execute(sql`select api_key from processor_api_keys where team_id = ${a.teamId}`)) as unknown as { rows: { api_key: string }[] })
      .rows;
    expect(stored).toHaveLength(2);
    for (const r of stored) {
      expect(r.api_key.startsWith('cs1.')).toBe(true);
      expect(r.api_key).not.toContain(STRIPE_KEY.slice(8));
    }
    // Team B has none.
    const other = await app.inject({ method: 'GET', url: '/v1/processors/api-keys', headers: auth(b.leadToken) });
    expect(ApiKeyStatusList.parse(other.json()).processors.every((p) => !p.set)).toBe(true);
  });

  it("sends Stripe's dispute update through the official package: draft first, then the final submit, each recorded", async () => {
    const { id, dp, orderId } = await stripeDispute();
    stripe.answer = (call) => ({
      status: 200,
      body: {
        id: dp,
        object: 'dispute',
        status: new URLSearchParams(call.body).get('submit') === 'true' ? 'under_review' : 'needs_response',
        evidence_details: { submission_count: new URLSearchParams(call.body).get('submit') === 'true' ? 1 : 0 },
      },
    });
    const key = idempotencyKey();
    const draft = await submit(a.agentToken, id, { final: false }, key);
    expect(draft.statusCode, draft.body).toBe(201);
    expect(SubmitAnswer.parse(draft.json())).toMatchObject({ processor: 'stripe', final: false });
    expect(draft.json().processorAnswer).toBe(`Stripe answered: dispute ${dp} is needs_response, 0 submission(s).`);

    expect(stripe.calls).toHaveLength(1);
    const call = stripe.calls[0]!;
    expect(call).toMatchObject({ host: 'api.stripe.com', method: 'POST', path: `/v1/disputes/${dp}` });
    expect(call.headers['Authorization']).toBe(`Bearer ${STRIPE_KEY}`);
    expect(call.headers['Idempotency-Key']).toBe(key);
    expect(call.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(call.body);
    expect(form.get('submit')).toBe('false');
    expect(form.get('evidence[shipping_tracking_number]')).toBe('1Z999AA10123456784');
    expect(form.get('evidence[product_description]')).toBe('1 x Kaffeemaschine');
    expect(form.get('evidence[shipping_address]')).toContain('Berlin');
    // What was sent is what the review route shows.
    const reviewed = (await app.inject({ method: 'GET', url: `/v1/disputes/${id}/stripe-evidence`, headers: auth(a.agentToken) })).json();
    expect([...form.keys()].filter((k) => k.startsWith('evidence[')).sort()).toEqual(
      Object.keys(reviewed.body.evidence)
        .map((k) => `evidence[${k}]`)
        .sort(),
    );

    // A retry with the same key is answered from the first send, not sent again.
    const again = await submit(a.agentToken, id, { final: false }, key);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(draft.json());
    expect(stripe.calls).toHaveLength(1);
    expect((await submit(a.agentToken, id, { final: true }, key)).statusCode).toBe(409);

    const final = await submit(a.leadToken, id, { final: true });
    expect(final.statusCode, final.body).toBe(201);
    expect(new URLSearchParams(stripe.calls[1]!.body).get('submit')).toBe('true');
    expect(final.json().processorAnswer).toContain('under_review');

    const texts = (await historyOf(orderId)).filter((e) => e.data?.['disputeId'] === id).map((e) => e.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringContaining('evidence saved as a draft at Stripe by Alpha Agent'),
        expect.stringContaining('evidence submitted to Stripe by Alpha Lead. Stripe answered'),
      ]),
    );
  });

  it("ends a Stripe refusal as a 502 with Stripe's message, records nothing, and the same key may be tried again", async () => {
    const { id, orderId } = await stripeDispute();
    stripe.answer = () => ({
      status: 400,
      body: { error: { type: 'invalid_request_error', code: 'dispute_already_closed', message: 'This dispute is already closed.' } },
    });
    const key = idempotencyKey();
    const res = await submit(a.agentToken, id, { final: true }, key);
    expect(res.statusCode, res.body).toBe(502);
    expect(res.json().error.message).toBe('Stripe refused the update: This dispute is already closed. (dispute_already_closed)');
    expect((await historyOf(orderId)).filter((e) => e.data?.['processor'] === 'stripe')).toHaveLength(0);
    stripe.answer = () => ({ status: 200, body: { id: 'dp_x', object: 'dispute', status: 'under_review' } });
    expect((await submit(a.agentToken, id, { final: true }, key)).statusCode).toBe(201);
  });

  it('sends Adyen the defence document, then defends with a reason Adyen offers; a refusal is a 502 with its words', async () => {
    const { id, psp } = await adyenDispute();
    adyen.answer = (op) => (op === 'retrieveApplicableDefenseReasons' ? DEFENSE_REASONS : { disputeServiceResult: { success: true } });
    const bad = await submit(a.agentToken, id, { final: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.defenseReasonCode');

    const key = idempotencyKey();
    const res = await submit(a.agentToken, id, { final: true, defenseReasonCode: 'SupplyDefenseMaterial' }, key);
    expect(res.statusCode, res.body).toBe(201);
    const base = 'https://ca-test.adyen.com/ca/services/DisputeService/v30';
    expect(adyen.calls.map((c) => c.endpoint)).toEqual([`${base}/retrieveApplicableDefenseReasons`, `${base}/supplyDefenseDocument`, `${base}/defendDispute`]);
    expect(adyen.calls.every((c) => c.apiKey === ADYEN_KEY && c.method === 'POST')).toBe(true);
    const [, supply, defend] = adyen.calls;
    expect(supply!.idempotencyKey).toBe(adyenCallKey(a.teamId, key, 'supplyDefenseDocument'));
    expect(defend!.idempotencyKey).toBe(adyenCallKey(a.teamId, key, 'defendDispute'));
    expect(supply!.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(defend!.idempotencyKey).not.toBe(supply!.idempotencyKey);
    expect(supply!.json).toMatchObject({ disputePspReference: psp, merchantAccountCode: 'ShopECOM' });
    const [doc] = supply!.json['defenseDocuments'] as { defenseDocumentTypeCode: string; contentType: string; content: string }[];
    expect(doc).toMatchObject({ defenseDocumentTypeCode: 'DefenseMaterial', contentType: 'application/pdf' });
    expect(Buffer.from(doc!.content, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(defend!.json).toEqual({ disputePspReference: psp, merchantAccountCode: 'ShopECOM', defenseReasonCode: 'SupplyDefenseMaterial' });

    // A reason Adyen does not offer is refused before anything is supplied.
    adyen.calls = [];
    const { id: other } = await adyenDispute();
    const notOffered = await submit(a.agentToken, other, { final: true, defenseReasonCode: 'MerchandiseReceived' });
    expect(notOffered.statusCode).toBe(502);
    expect(notOffered.json().error.message).toBe(
      'Adyen does not offer the defence reason MerchandiseReceived for this dispute; it offers: SupplyDefenseMaterial.',
    );
    expect(adyen.calls.map((c) => c.endpoint.split('/').pop())).toEqual(['retrieveApplicableDefenseReasons']);

    // Adyen's own refusal (success false) in its words.
    adyen.answer = (op) =>
      op === 'defendDispute'
        ? { disputeServiceResult: { success: false, errorMessage: 'Dispute is not defendable.' } }
        : op === 'retrieveApplicableDefenseReasons'
          ? DEFENSE_REASONS
          : { disputeServiceResult: { success: true } };
    const refused = await submit(a.agentToken, other, { final: true, defenseReasonCode: 'SupplyDefenseMaterial' });
    expect(refused.statusCode).toBe(502);
    expect(refused.json().error.message).toBe('Adyen refused defendDispute: Dispute is not defendable.');
  });

  it("with an Adyen key, the review route's defence reasons are Adyen's own answer; if Adyen cannot answer, it says so and offers none", async () => {
    const { id, psp } = await adyenDispute();
    adyen.answer = (op) => (op === 'retrieveApplicableDefenseReasons' ? DEFENSE_REASONS : { disputeServiceResult: { success: false } });
    const view = (await app.inject({ method: 'GET', url: `/v1/disputes/${id}/adyen-defence`, headers: auth(a.agentToken) })).json();
    expect(view).toMatchObject({ reasonsFrom: 'adyen', defenseReasons: [{ defenseReasonCode: 'SupplyDefenseMaterial', satisfied: false }], warnings: [] });
    expect(adyen.calls).toHaveLength(1);
    expect(adyen.calls[0]).toMatchObject({ apiKey: ADYEN_KEY, json: { disputePspReference: psp, merchantAccountCode: 'ShopECOM' } });
    expect(adyen.calls[0]!.endpoint.endsWith('/retrieveApplicableDefenseReasons')).toBe(true);

    adyen.answer = () => ({ disputeServiceResult: { success: false, errorMessage: 'Error retrieving dispute.' } });
    const failed = (await app.inject({ method: 'GET', url: `/v1/disputes/${id}/adyen-defence`, headers: auth(a.agentToken) })).json();
    expect(failed).toMatchObject({ reasonsFrom: 'not_retrieved', defenseReasons: [] });
    expect(failed.warnings[0]).toBe('Adyen could not be asked which defence reasons apply: Error retrieving dispute.');
  });

  it("keeps to the team's own disputes and refuses disputes that take no submission", async () => {
    const { id } = await stripeDispute();
    expect((await submit(b.leadToken, id, { final: false })).statusCode).toBe(404);
    const alertId = `E-SUB-${randomUUID().slice(0, 8)}`;
    await importCsv([
      'alert_id,provider,alert_type,created_at,amount,currency,order_id,card_network,respond_by,outcome',
      `${alertId},ethoca,CUSTOMERDISPUTE,2026-11-05T08:00:00Z,10.00,EUR,SHOP-SUB-1,visa,,`,
    ]);
    const alert = await submit(a.agentToken, await idOf(alertId), { final: false });
    expect(alert.statusCode).toBe(409);
    expect(alert.json().error.message).toContain('only Stripe and Adyen disputes');
    const mismatch = await app.inject({
      method: 'POST',
      url: `/v1/disputes/${id}/submit`,
      headers: { ...auth(a.agentToken), 'idempotency-key': idempotencyKey() },
      payload: { idempotencyKey: idempotencyKey(), final: false },
    });
    expect(mismatch.statusCode).toBe(400);
    expect((await submit(a.agentToken, id, { final: false, defenseReasonCode: 'X' })).json().error.field).toBe('body.defenseReasonCode');
  });

  it('is off again once the lead removes the key', async () => {
    const removed = await app.inject({ method: 'DELETE', url: '/v1/processors/stripe/api-key', headers: auth(a.leadToken) });
    expect(removed.json()).toMatchObject({ processor: 'stripe', set: false });
    const { id } = await stripeDispute();
    expect((await submit(a.agentToken, id, { final: false })).statusCode).toBe(409);
  });
});
