import { hmacValidator } from '@adyen/api-library';
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeView } from '../../utils/api-routes/disputes';
import { SecretStatusList } from '../../utils/api-routes/processors';
import { ADYEN_DISPUTE_EVENTS, STRIPE_EVENT_TYPES } from '../../utils/disputes/processor-events';
import { CaseEventList, CaseList } from '../../utils/schemas/api';
import { buildApp } from '../app';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

const stripe = new Stripe('sk_unused_in_tests');
const hmac = new hmacValidator();
const STRIPE_SECRET = 'whsec_test_secret_alpha_0123456789';
const OTHER_STRIPE_SECRET = 'whsec_test_secret_beta_0123456789';
const ADYEN_KEY = '44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056';
const T0 = Math.floor(Date.parse('2026-11-20T10:00:00Z') / 1000);

function stripeDispute(over: Record<string, unknown> = {}) {
  return {
    id: `dp_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
    object: 'dispute',
    amount: 4999,
    currency: 'eur',
    charge: `ch_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
    payment_intent: null,
    created: T0,
    reason: 'product_not_received',
    status: 'needs_response',
    metadata: {},
    evidence: { customer_email_address: null, customer_name: null },
    evidence_details: { due_by: T0 + 10 * 86_400, has_evidence: false, past_due: false, submission_count: 0 },
    payment_method_details: { card: { brand: 'visa', network_reason_code: '13.1' }, type: 'card' },
    ...over,
  };
}

function stripeEvent(type: string, object: Record<string, unknown>, created = T0) {
  return {
    id: `evt_${randomUUID().replaceAll('-', '').slice(0, 24)}`,
    object: 'event',
    type,
    created,
    livemode: false,
    api_version: '2026-11-01',
    data: { object },
  };
}

function adyenItem(eventCode: string, over: Record<string, unknown> = {}, extra: Record<string, string> = {}) {
  const item: Record<string, unknown> = {
    amount: { value: 12999, currency: 'EUR' },
    eventCode,
    eventDate: '2026-11-20T10:00:00+01:00',
    merchantAccountCode: 'CasesideShop',
    merchantReference: 'unknown-ref',
    originalReference: 'PAYMENT0000000001',
    pspReference: `DISPUTE${Math.floor(Math.random() * 1e12)}`,
    reason: 'Merchandise not received',
    success: 'true',
    paymentMethod: 'visa',
    ...over,
  };
  item['additionalData'] = { chargebackReasonCode: '13.1', chargebackSchemeCode: 'visa', ...extra };
  return item;
}

function signAdyen(item: Record<string, unknown>, key = ADYEN_KEY): Record<string, unknown> {
  const additionalData = { ...(item['additionalData'] as Record<string, string>) };
  additionalData['hmacSignature'] = hmac.calculateHmac(item as unknown as Parameters<typeof hmac.calculateHmac>[0], key);
  return { ...item, additionalData };
}

describe.each(testDatabases())('processor webhooks on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;
  const lines: string[] = [];

  beforeAll(async () => {
    const { db } = await target.open();
    const logStream = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
    app = await buildApp({ db, logger: { level: 'info' }, logStream });
    a = await createTestTeam(app.db, 'Alpha');
    b = await createTestTeam(app.db, 'Beta');
    for (const [team, secret] of [
      [a, STRIPE_SECRET],
      [b, OTHER_STRIPE_SECRET],
    ] as const) {
      expect((await app.inject({ method: 'PUT', url: '/v1/processors/stripe/secret', headers: auth(team.leadToken), payload: { secret } })).statusCode).toBe(
        200,
      );
    }
    expect(
      (await app.inject({ method: 'PUT', url: '/v1/processors/adyen/secret', headers: auth(a.leadToken), payload: { secret: ADYEN_KEY } })).statusCode,
    ).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  const postStripe = (teamId: string, event: object, secret = STRIPE_SECRET, headers: Record<string, string> = {}) => {
    const payload = JSON.stringify(event);
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret });
    return app.inject({
      method: 'POST',
      url: `/v1/webhooks/stripe/${teamId}`,
      headers: { 'content-type': 'application/json', 'stripe-signature': signature, ...headers },
      payload,
    });
  };
  const postAdyen = (teamId: string, items: object[]) =>
    app.inject({
      method: 'POST',
      url: `/v1/webhooks/adyen/${teamId}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ live: 'false', notificationItems: items.map((i) => ({ NotificationRequestItem: i })) }),
    });
  const getDispute = async (token: string, id: string) => app.inject({ method: 'GET', url: `/v1/disputes/${id}`, headers: auth(token) });
  const disputeOf = async (id: string) => DisputeView.parse((await getDispute(a.agentToken, id)).json());
  const historyOf = async (token: string, orderId: string) => {
    const cases = CaseList.parse(
      (await app.inject({ method: 'GET', url: `/v1/cases?orderId=${encodeURIComponent(orderId)}`, headers: auth(token) })).json(),
    ).cases;
    const events = [];
    for (const c of cases)
      events.push(...CaseEventList.parse((await app.inject({ method: 'GET', url: `/v1/cases/${c.id}/events`, headers: auth(token) })).json()).events);
    return events;
  };
  const countRows = async (table: 'disputes' | 'processor_events', teamId: string) => {
    const res = await app.db.execute<{ n: number }>(`select count(*)::int as n from ${table} where team_id = '${teamId}'` as never);
    const rows = (res as unknown as { rows: { n: number }[] }).rows;
    return rows[0]!.n;
  };

  describe('secrets', () => {
    it('lets only a lead set a secret, checks its shape, and never answers with it', async () => {
      const agent = await app.inject({ method: 'PUT', url: '/v1/processors/stripe/secret', headers: auth(a.agentToken), payload: { secret: STRIPE_SECRET } });
      expect(agent.statusCode).toBe(403);
      const apiKey = await app.inject({
        method: 'PUT',
        url: '/v1/processors/stripe/secret',
        headers: auth(a.leadToken),
        payload: { secret: 'sk_live_abcdef0123456789' },
      });
      expect(apiKey.statusCode).toBe(400);
      expect(apiKey.json().error.field).toBe('body.secret');
      const notHex = await app.inject({ method: 'PUT', url: '/v1/processors/adyen/secret', headers: auth(a.leadToken), payload: { secret: 'not-a-hex-key' } });
      expect(notHex.json().error.field).toBe('body.secret');
      const list = await app.inject({ method: 'GET', url: '/v1/processors/secrets', headers: auth(a.leadToken) });
      expect(list.body).not.toContain(STRIPE_SECRET);
      expect(list.body).not.toContain(ADYEN_KEY);
      const status = SecretStatusList.parse(list.json()).processors;
      expect(status.map((s) => [s.processor, s.set])).toEqual([
        ['stripe', true],
        ['adyen', true],
      ]);
      expect(status[0]!.webhookPath).toBe(`/v1/webhooks/stripe/${a.teamId}`);
      expect(status[0]!.events).toEqual([...STRIPE_EVENT_TYPES]);
      expect((await app.inject({ method: 'GET', url: '/v1/processors/secrets', headers: auth(a.agentToken) })).statusCode).toBe(403);
      // Team B sees its own settings only: it never set an Adyen key.
      const other = SecretStatusList.parse((await app.inject({ method: 'GET', url: '/v1/processors/secrets', headers: auth(b.leadToken) })).json()).processors;
      expect(other.find((s) => s.processor === 'adyen')!.set).toBe(false);
    });

    it('rotates a secret: events signed with the old one are refused afterwards', async () => {
      const team = await createTestTeam(app.db, 'Rotate');
      const put = (secret: string) => app.inject({ method: 'PUT', url: '/v1/processors/stripe/secret', headers: auth(team.leadToken), payload: { secret } });
      await put('whsec_rotate_old_0123456789');
      expect((await postStripe(team.teamId, stripeEvent('charge.dispute.created', stripeDispute()), 'whsec_rotate_old_0123456789')).statusCode).toBe(200);
      await put('whsec_rotate_new_0123456789');
      expect((await postStripe(team.teamId, stripeEvent('charge.dispute.created', stripeDispute()), 'whsec_rotate_old_0123456789')).statusCode).toBe(400);
      expect((await postStripe(team.teamId, stripeEvent('charge.dispute.created', stripeDispute()), 'whsec_rotate_new_0123456789')).statusCode).toBe(200);
      const removed = await app.inject({ method: 'DELETE', url: '/v1/processors/stripe/secret', headers: auth(team.leadToken) });
      expect(removed.json()).toMatchObject({ processor: 'stripe', set: false, setAt: null });
      const after = await postStripe(team.teamId, stripeEvent('charge.dispute.created', stripeDispute()), 'whsec_rotate_new_0123456789');
      expect(after.statusCode).toBe(400);
      expect(after.json().error.message).toContain('No Stripe signing secret');
    });
  });

  describe('Stripe', () => {
    it('creates a dispute from a signed event, matched by the order reference, with its history line', async () => {
      const orderId = newOrderId('028');
      await postPanel(app, a.agentToken, orderPage({ orderId }));
      const dispute = stripeDispute({ metadata: { order_id: orderId } });
      const res = await postStripe(a.teamId, stripeEvent('charge.dispute.created', dispute));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ received: true, outcome: 'created' });
      const view = await disputeOf(res.json().disputeId);
      expect(view.dispute).toMatchObject({
        id: dispute.id,
        kind: 'card_dispute',
        orderId,
        source: 'stripe',
        stage: 'chargeback',
        status: 'open',
        network: 'visa',
        reasonCode: '13.1',
        reason: 'not_received',
        reasonGroup: 'consumer_dispute',
        orderMatch: 'reference',
        processorStatus: 'needs_response',
        amount: { amountMinor: 4999, currency: 'EUR' },
        deadline: new Date((T0 + 10 * 86_400) * 1000).toISOString(),
      });
      const history = await historyOf(a.agentToken, orderId);
      const lines = history.filter((e) => e.data['disputeId'] === view.id);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.text).toContain('Stripe dispute created');
      // Another team sees neither the dispute nor its history.
      expect((await getDispute(b.agentToken, view.id)).statusCode).toBe(404);
      expect((await historyOf(b.agentToken, orderId)).length).toBe(0);
    });

    it('handles every Stripe dispute and early-fraud-warning event type exactly once, replays included', async () => {
      const dispute = stripeDispute();
      const steps: [string, Record<string, unknown>][] = [
        ['charge.dispute.created', { ...dispute, status: 'warning_needs_response' }],
        ['charge.dispute.updated', { ...dispute, status: 'warning_under_review' }],
        ['charge.dispute.funds_withdrawn', { ...dispute, status: 'needs_response' }],
        ['charge.dispute.updated', { ...dispute, status: 'under_review' }],
        ['charge.dispute.closed', { ...dispute, status: 'lost' }],
        ['charge.dispute.funds_reinstated', { ...dispute, status: 'won' }],
      ];
      let id = '';
      for (const [i, [type, object]] of steps.entries()) {
        const event = stripeEvent(type, object, T0 + i * 60);
        const first = await postStripe(a.teamId, event);
        expect(first.json(), type).toMatchObject({ outcome: i === 0 ? 'created' : 'updated' });
        id = first.json().disputeId;
        const replay = await postStripe(a.teamId, event);
        expect(replay.json(), `${type} replayed`).toMatchObject({ outcome: 'replayed' });
      }
      const view = await disputeOf(id);
      expect(view.dispute).toMatchObject({ stage: 'chargeback', status: 'won', orderMatch: 'unmatched', orderId: dispute.charge });
      const history = (await historyOf(a.agentToken, dispute.charge)).filter((e) => e.data['disputeId'] === id);
      expect(history).toHaveLength(steps.length);

      const charge = { id: `ch_efw_${randomUUID().slice(0, 8)}`, amount: 2500, currency: 'usd', metadata: {} };
      const warning = {
        id: `issfr_${randomUUID().slice(0, 12)}`,
        object: 'radar.early_fraud_warning',
        actionable: true,
        charge,
        payment_intent: null,
        created: T0,
        fraud_type: 'made_with_stolen_card',
      };
      const created = await postStripe(a.teamId, stripeEvent('radar.early_fraud_warning.created', warning));
      expect(created.json().outcome).toBe('created');
      const alert = await disputeOf(created.json().disputeId);
      expect(alert.dispute).toMatchObject({
        stage: 'alert',
        status: 'open',
        reason: 'fraud_card_absent',
        reasonGroup: 'fraud',
        amount: { amountMinor: 2500, currency: 'USD' },
      });
      // Stripe gives no window for an early fraud warning: 48 hours keeps it near the top of the queue.
      expect(alert.dispute.deadline).toBe(new Date((T0 + 48 * 3600) * 1000).toISOString());
      const updated = await postStripe(a.teamId, stripeEvent('radar.early_fraud_warning.updated', { ...warning, actionable: false }, T0 + 60));
      expect(updated.json().outcome).toBe('updated');
      expect((await disputeOf(created.json().disputeId)).dispute.status).toBe('accepted');
    });

    it('never moves a dispute backwards when events arrive out of order', async () => {
      const dispute = stripeDispute();
      const created = stripeEvent('charge.dispute.created', { ...dispute, status: 'needs_response' }, T0);
      const review = stripeEvent('charge.dispute.updated', { ...dispute, status: 'under_review' }, T0 + 60);
      const closed = stripeEvent('charge.dispute.closed', { ...dispute, status: 'lost' }, T0 + 120);
      // The closing event first, then the two older ones.
      const first = await postStripe(a.teamId, closed);
      expect(first.json().outcome).toBe('created');
      expect((await postStripe(a.teamId, review)).json().outcome).toBe('stale');
      expect((await postStripe(a.teamId, created)).json().outcome).toBe('stale');
      const view = await disputeOf(first.json().disputeId);
      expect(view.dispute).toMatchObject({ status: 'lost', stage: 'chargeback', processorStatus: 'lost' });
      // A closed inquiry arriving after the chargeback does not pull it back to the inquiry stage.
      expect((await postStripe(a.teamId, stripeEvent('charge.dispute.updated', { ...dispute, status: 'warning_closed' }, T0 + 180))).json().outcome).toBe(
        'stale',
      );
      expect((await disputeOf(first.json().disputeId)).dispute.stage).toBe('chargeback');
      // Only the created line is in the history: stale events leave no trace for the team.
      expect((await historyOf(a.agentToken, dispute.charge)).filter((e) => e.data['disputeId'] === view.id)).toHaveLength(1);
    });

    it('refuses bad and missing signatures with 400 and a log line, storing nothing', async () => {
      const team = await createTestTeam(app.db, 'Sig');
      await app.inject({ method: 'PUT', url: '/v1/processors/stripe/secret', headers: auth(team.leadToken), payload: { secret: STRIPE_SECRET } });
      const event = stripeEvent('charge.dispute.created', stripeDispute());
      const wrong = await postStripe(team.teamId, event, OTHER_STRIPE_SECRET);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error).toMatchObject({ code: 'validation_failed', field: 'headers.stripe-signature' });
      const missing = await app.inject({
        method: 'POST',
        url: `/v1/webhooks/stripe/${team.teamId}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(event),
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.field).toBe('headers.stripe-signature');
      // A body changed after signing fails too (the signature covers the exact bytes).
      const payload = JSON.stringify(event);
      const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET });
      const tampered = await app.inject({
        method: 'POST',
        url: `/v1/webhooks/stripe/${team.teamId}`,
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        payload: payload.replace('4999', '9999'),
      });
      expect(tampered.statusCode).toBe(400);
      // Signed with team B's secret, posted to team A's endpoint.
      expect((await postStripe(a.teamId, event, OTHER_STRIPE_SECRET)).statusCode).toBe(400);
      expect(await countRows('disputes', team.teamId)).toBe(0);
      expect(await countRows('processor_events', team.teamId)).toBe(0);
      expect(lines.join('')).toContain('stripe webhook refused');
      // An unknown team reads like a team without a secret.
      expect((await postStripe(randomUUID(), event)).json().error.message).toContain('No Stripe signing secret');
      expect(
        (await app.inject({ method: 'POST', url: '/v1/webhooks/stripe/not-a-uuid', headers: { 'content-type': 'application/json' }, payload: '{}' }))
          .statusCode,
      ).toBe(400);
    });

    it('accepts and ignores event types that are not about disputes, and rejects bodies that are too big or malformed', async () => {
      const team = await createTestTeam(app.db, 'Unknown');
      await app.inject({ method: 'PUT', url: '/v1/processors/stripe/secret', headers: auth(team.leadToken), payload: { secret: STRIPE_SECRET } });
      const other = await postStripe(team.teamId, stripeEvent('payment_intent.succeeded', { id: 'pi_1', object: 'payment_intent' }));
      expect(other.statusCode).toBe(200);
      expect(other.json()).toEqual({ received: true, outcome: 'ignored', disputeId: null });
      expect(lines.join('')).toContain('payment_intent.succeeded is not a dispute event');
      const huge = stripeEvent('charge.dispute.created', stripeDispute({ metadata: { note: 'x'.repeat(400) }, padding: 'y'.repeat(300 * 1024) }));
      const tooBig = await postStripe(team.teamId, huge);
      expect(tooBig.statusCode).toBe(413);
      // Signed but not a dispute: the field is named.
      const broken = await postStripe(team.teamId, stripeEvent('charge.dispute.created', { ...stripeDispute(), amount: 'lots' }));
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.field).toBe('body.data.object.amount');
      expect(await countRows('disputes', team.teamId)).toBe(0);
    });

    it('matches by e-mail among the orders the team has seen', async () => {
      const orderId = newOrderId('305');
      await postPanel(
        app,
        a.agentToken,
        orderPage({ orderId, buyer: { email: 'Erika.M@example.com' }, shipTo: undefined, totals: { total: { amountMinor: 4999, currency: 'EUR' } } }),
      );
      const res = await postStripe(
        a.teamId,
        stripeEvent('charge.dispute.created', stripeDispute({ evidence: { customer_email_address: 'erika.m@EXAMPLE.com' } })),
      );
      expect((await disputeOf(res.json().disputeId)).dispute).toMatchObject({ orderId, orderMatch: 'email' });
    });
  });

  describe('Adyen', () => {
    it('applies every Adyen dispute event code once, answering [accepted]', async () => {
      for (const code of Object.keys(ADYEN_DISPUTE_EVENTS)) {
        const item = signAdyen(adyenItem(code));
        const res = await postAdyen(a.teamId, [item]);
        expect(res.statusCode, code).toBe(200);
        expect(res.body).toBe('[accepted]');
        const again = await postAdyen(a.teamId, [item]);
        expect(again.body).toBe('[accepted]');
        const stored = await app.db.execute(
          `select stage, status, source from disputes where team_id = '${a.teamId}' and external_id = '${item['pspReference'] as string}'` as never,
        );
        const rows = (stored as unknown as { rows: { stage: string; status: string; source: string }[] }).rows;
        expect(rows, code).toHaveLength(1);
        expect(rows[0]!.source).toBe('adyen');
        expect(rows[0]!.stage).toBe(ADYEN_DISPUTE_EVENTS[code]!.stage);
      }
    });

    it('follows one dispute through its stages, out of order too, matched by merchantReference', async () => {
      const orderId = newOrderId('171');
      await postPanel(app, a.agentToken, orderPage({ orderId }));
      const psp = `PSP${Date.now()}`;
      const at = (code: string, date: string, extra: Record<string, string> = {}) =>
        signAdyen(adyenItem(code, { pspReference: psp, merchantReference: orderId, eventDate: date }, extra));
      await postAdyen(a.teamId, [
        at('NOTIFICATION_OF_CHARGEBACK', '2026-11-20T10:00:00Z', { defensePeriodEndsAt: '2026-12-10T10:00:00Z', defendable: 'true' }),
      ]);
      await postAdyen(a.teamId, [at('PREARBITRATION_LOST', '2026-11-28T10:00:00Z')]);
      // Late: the reversal of the first-stage chargeback arrives after pre-arbitration was lost.
      await postAdyen(a.teamId, [at('CHARGEBACK_REVERSED', '2026-11-25T10:00:00Z')]);
      const list = (await app.inject({ method: 'GET', url: '/v1/disputes', headers: auth(a.agentToken) })).json().disputes as {
        id: string;
        externalId: string;
      }[];
      const id = list.find((d) => d.externalId === psp)!.id;
      const view = await disputeOf(id);
      expect(view.dispute).toMatchObject({
        orderId,
        orderMatch: 'reference',
        stage: 'pre_arbitration',
        status: 'lost',
        reason: 'not_received',
        network: 'visa',
      });
      const history = (await historyOf(a.agentToken, orderId)).filter((e) => e.data['disputeId'] === id);
      expect(history.map((e) => e.text)).toEqual(
        expect.arrayContaining([expect.stringContaining('chargeback notified'), expect.stringContaining('pre-arbitration lost')]),
      );
      expect(history).toHaveLength(2);
    });

    it('refuses a batch with one bad HMAC, storing nothing; ignores non-dispute codes', async () => {
      const good = signAdyen(adyenItem('CHARGEBACK'));
      const bad = signAdyen(adyenItem('CHARGEBACK'), '00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF');
      const res = await postAdyen(a.teamId, [good, bad]);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('body.notificationItems.1.NotificationRequestItem.additionalData.hmacSignature');
      const unsigned = adyenItem('CHARGEBACK');
      expect((await postAdyen(a.teamId, [unsigned])).json().error.message).toContain('hmacSignature is missing');
      const stored = await app.db.execute(
        `select count(*)::int as n from disputes where external_id in ('${good['pspReference'] as string}', '${bad['pspReference'] as string}')` as never,
      );
      expect((stored as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
      expect(lines.join('')).toContain('adyen webhook refused');
      // Team B has no Adyen key: the same signed item is refused there.
      expect((await postAdyen(b.teamId, [good])).statusCode).toBe(400);
      const auth0 = signAdyen(adyenItem('AUTHORISATION'));
      const ignored = await postAdyen(a.teamId, [auth0]);
      expect(ignored.body).toBe('[accepted]');
      expect(lines.join('')).toContain('AUTHORISATION is not a dispute event');
      const malformed = await postAdyen(a.teamId, [{ ...good, amount: { value: -1, currency: 'EUR' } }]);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.field).toBe('body.notificationItems.0.NotificationRequestItem.amount.value');
    });
  });

  describe('Stripe evidence export', () => {
    it('builds the update body from the case for review, for Stripe disputes of the team only', async () => {
      const orderId = newOrderId('028');
      await postPanel(
        app,
        a.agentToken,
        orderPage({
          orderId,
          trackingNumber: '1Z999AA10123456784',
          shippingService: 'UPS Standard',
          buyer: { name: 'Max Mustermann', email: 'max@example.com' },
        }),
      );
      const res = await postStripe(a.teamId, stripeEvent('charge.dispute.created', stripeDispute({ metadata: { order_id: orderId } })));
      const id = res.json().disputeId as string;
      const out = await app.inject({ method: 'GET', url: `/v1/disputes/${id}/stripe-evidence`, headers: auth(a.agentToken) });
      expect(out.statusCode).toBe(200);
      expect(out.json()).toMatchObject({
        body: {
          submit: false,
          evidence: {
            shipping_tracking_number: '1Z999AA10123456784',
            shipping_carrier: 'UPS Standard',
            customer_name: 'Max Mustermann',
            product_description: '1 x Kaffeemaschine',
          },
        },
      });
      expect(out.json().body.evidence.shipping_address).toContain('Berlin');
      expect((await app.inject({ method: 'GET', url: `/v1/disputes/${id}/stripe-evidence`, headers: auth(b.leadToken) })).statusCode).toBe(404);
      const warning = {
        id: `issfr_${randomUUID().slice(0, 12)}`,
        object: 'radar.early_fraud_warning',
        actionable: true,
        charge: 'ch_x',
        payment_intent: null,
        created: T0,
        fraud_type: 'misc',
      };
      const alert = await postStripe(a.teamId, stripeEvent('radar.early_fraud_warning.created', warning));
      expect((await app.inject({ method: 'GET', url: `/v1/disputes/${alert.json().disputeId}/stripe-evidence`, headers: auth(a.agentToken) })).statusCode).toBe(
        409,
      );
    });
  });

  describe('linking a dispute to its order', () => {
    it('resolves an unmatched dispute in one step, for agents of the team only', async () => {
      const res = await postStripe(a.teamId, stripeEvent('charge.dispute.created', stripeDispute({ metadata: { order_id: 'SHOP-UNSEEN-1' } })));
      const id = res.json().disputeId as string;
      expect((await disputeOf(id)).dispute).toMatchObject({ orderMatch: 'unmatched', orderId: 'SHOP-UNSEEN-1' });
      const link = (token: string, orderId: string, disputeId = id) =>
        app.inject({ method: 'POST', url: `/v1/disputes/${disputeId}/order`, headers: auth(token), payload: { orderId } });
      const unseen = await link(a.agentToken, 'NEVER-SEEN-9');
      expect(unseen.statusCode).toBe(400);
      expect(unseen.json().error.field).toBe('body.orderId');
      const orderId = newOrderId('302');
      await postPanel(app, a.agentToken, orderPage({ orderId }));
      // Team B cannot touch it, even with a real order of its own.
      await postPanel(app, b.agentToken, orderPage({ orderId }));
      expect((await link(b.leadToken, orderId)).statusCode).toBe(404);
      const linked = await link(a.agentToken, orderId);
      expect(linked.statusCode).toBe(200);
      expect(DisputeView.parse(linked.json()).dispute).toMatchObject({ orderId, orderMatch: 'agent' });
      const history = (await historyOf(a.agentToken, orderId)).filter((e) => e.data['disputeId'] === id);
      expect(history[0]!.text).toContain('linked to this order by Alpha Agent');
      // Later events about the dispute keep the agent's link.
      const later = await postStripe(
        a.teamId,
        stripeEvent(
          'charge.dispute.updated',
          { ...stripeDispute({ id: (await disputeOf(id)).dispute.id, metadata: { order_id: 'SHOP-UNSEEN-1' } }), status: 'under_review' },
          T0 + 60,
        ),
      );
      expect(later.json().outcome).toBe('updated');
      expect((await disputeOf(id)).dispute).toMatchObject({ orderId, orderMatch: 'agent', status: 'responded' });
      // A page's dispute names its own order and cannot be relinked.
      const page = await app.inject({
        method: 'POST',
        url: '/v1/disputes/from-page',
        headers: auth(a.agentToken),
        payload: {
          context: orderPage({
            pageKind: 'chargeback',
            chargeback: { id: `CB-${randomUUID().slice(0, 6)}`, amount: { amountMinor: 100, currency: 'EUR' }, reason: '13.1 Merchandise not received' },
          }),
        },
      });
      expect((await link(a.agentToken, orderId, page.json().id)).statusCode).toBe(409);
    });
  });
});
