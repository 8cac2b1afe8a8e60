import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretStatusList } from '../../utils/api-routes/processors';
import { buildApp } from '../app';
import type { Database } from '../db/open';
import { SecretBox } from '../secrets/secret-box';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, type TestTeam } from '../../tests/server/harness';

/** Signing secrets at rest: sealed in the table, opened only by a server given the key. */
const stripe = new Stripe('sk_unused_in_tests');
const SECRET = 'whsec_sealed_secret_0123456789abcdef';
const T0 = Math.floor(Date.parse('2026-11-20T10:00:00Z') / 1000);

function disputeEvent() {
  const object = {
    id: `dp_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
    object: 'dispute',
    amount: 2599,
    currency: 'eur',
    charge: `ch_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
    payment_intent: null,
    created: T0,
    reason: 'fraudulent',
    status: 'needs_response',
    metadata: {},
    evidence: { customer_email_address: null, customer_name: null },
    evidence_details: { due_by: T0 + 10 * 86_400, has_evidence: false, past_due: false, submission_count: 0 },
    payment_method_details: { card: { brand: 'visa', network_reason_code: '10.4' }, type: 'card' },
  };
  return {
    id: `evt_${randomUUID().replaceAll('-', '').slice(0, 24)}`,
    object: 'event',
    type: 'charge.dispute.created',
    created: T0,
    livemode: false,
    api_version: '2026-11-01',
    data: { object },
  };
}

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe.each(testDatabases())('processor signing secrets at rest on $kind', (target) => {
  let db: Database;
  let team: TestTeam;
  const keyA = SecretBox.randomKey();
  const keyB = SecretBox.randomKey();
  const apps: FastifyInstance[] = [];
  const appWith = async (...keys: Buffer[]) => {
    const app = await buildApp({ db, secretBox: new SecretBox(keys) });
    apps.push(app);
    return app;
  };
  const postStripe = (app: FastifyInstance, event: object) => {
    const payload = JSON.stringify(event);
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    return app.inject({
      method: 'POST',
      url: `/v1/webhooks/stripe/${team.teamId}`,
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      payload,
    });
  };
  const statusOn = async (app: FastifyInstance) =>
    SecretStatusList.parse((await app.inject({ method: 'GET', url: '/v1/processors/secrets', headers: auth(team.leadToken) })).json()).processors.find(
      (p) => p.processor === 'stripe',
    )!;
  const stored = async () =>
    (await rows<{ secret: string }>(db, sql`select secret from processor_secrets where team_id = ${team.teamId} and processor = 'stripe'`))[0]?.secret;
  const disputeCount = async () => (await rows<{ n: number }>(db, sql`select count(*)::int as n from disputes where team_id = ${team.teamId}`))[0]!.n;

  beforeAll(async () => {
    db = (await target.open()).db;
    const first = await appWith(keyA);
    team = await createTestTeam(first.db, 'Sealed');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await target.dispose();
  });

  it('stores the secret sealed, never in plain text, and still verifies webhooks with it', async () => {
    const app = apps[0]!;
    expect(
      (await app.inject({ method: 'PUT', url: '/v1/processors/stripe/secret', headers: auth(team.leadToken), payload: { secret: SECRET } })).statusCode,
    ).toBe(200);
    const value = (await stored())!;
    expect(value.startsWith('cs1.')).toBe(true);
    expect(value).not.toContain(SECRET);
    expect(value).not.toContain(Buffer.from(SECRET).toString('base64url').slice(0, 12));
    const res = await postStripe(app, disputeEvent());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'created' });
    expect(await statusOn(app)).toMatchObject({ set: true, readable: true });
  });

  it('answers 503 and stores nothing on a host given another key, and tells the lead why', async () => {
    const other = await appWith(keyB);
    const before = await disputeCount();
    const res = await postStripe(other, disputeEvent());
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect(res.body).not.toContain(SECRET);
    expect(await disputeCount()).toBe(before);
    expect(await statusOn(other)).toMatchObject({ set: true, readable: false });
  });

  it('opens values sealed with an older key while sealing new ones with the first key (rotation)', async () => {
    const rotated = await appWith(keyB, keyA);
    expect(await statusOn(rotated)).toMatchObject({ readable: true });
    expect((await postStripe(rotated, disputeEvent())).statusCode).toBe(200);
    expect(
      (await rotated.inject({ method: 'PUT', url: '/v1/processors/stripe/secret', headers: auth(team.leadToken), payload: { secret: SECRET } })).statusCode,
    ).toBe(200);
    expect((await stored())!.startsWith(`cs1.${new SecretBox([keyB]).keyId}.`)).toBe(true);
    // The old key alone no longer opens it: the re-saved secret is on the new key.
    expect(await statusOn(apps[0]!)).toMatchObject({ readable: false });
  });

  it("does not open a sealed value copied onto another team's row", async () => {
    const app = await appWith(keyB);
    const other = await createTestTeam(app.db, 'Copycat');
    await db.execute(sql`insert into processor_secrets (team_id, processor, secret, set_at) values (${other.teamId}, 'stripe', ${(await stored())!}, now())`);
    const status = SecretStatusList.parse(
      (await app.inject({ method: 'GET', url: '/v1/processors/secrets', headers: auth(other.leadToken) })).json(),
    ).processors.find((p) => p.processor === 'stripe')!;
    expect(status).toMatchObject({ set: true, readable: false });
  });

  it('seals a secret stored in plain text before encryption existed, at start, once', async () => {
    await db.execute(sql`update processor_secrets set secret = ${SECRET} where team_id = ${team.teamId} and processor = 'stripe'`);
    const app = await appWith(keyB);
    const value = (await stored())!;
    expect(value.startsWith('cs1.')).toBe(true);
    expect(value).not.toContain(SECRET);
    expect((await postStripe(app, disputeEvent())).statusCode).toBe(200);
    await appWith(keyB);
    expect(await stored()).toBe(value);
  });
});
