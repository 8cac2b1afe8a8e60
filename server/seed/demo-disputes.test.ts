// @vitest-environment happy-dom
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderedFixture } from '../../tests/fixtures/load';
import { fixtureByName } from '../../tests/fixtures/manifest';
import { DisputeList, DisputeView } from '../../utils/api-routes/disputes';
import { amazonAdapter } from '../../utils/portals/amazon';
import { buildApp } from '../app';
import { openDatabase, type DatabaseHandle } from '../db/open';
import { seedDemo } from './demo';
import { auth } from '../../tests/server/harness';

/**
 * The demo disputes meet the sandbox: the real adapter reads the chargeback and claim fixture pages and
 * finds the seeded dispute (not a new one), with the team's record for its reason. PGlite only.
 */
describe('demo disputes against the fixture pages', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;

  beforeAll(async () => {
    handle = await openDatabase({});
    app = await buildApp({ db: handle.db, demo: true });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const fromFixture = async (name: string) => {
    const fixture = fixtureByName(name);
    const context = amazonAdapter.extract(new URL(fixture.url), renderedFixture(fixture));
    const res = await app.inject({ method: 'POST', url: '/v1/disputes/from-page', headers: auth('demo-agent-token'), payload: { context } });
    return { status: res.statusCode, view: DisputeView.parse(res.json()) };
  };

  it('finds the seeded chargeback, with its deadline, found and missing evidence, and the team record', async () => {
    const { status, view } = await fromFixture('amazon-com-chargeback');
    expect(status).toBe(200); // seeded already: not created again
    expect(view.dispute).toMatchObject({
      id: 'CB-9F3K2Q7ZL1',
      kind: 'amazon_chargeback',
      reason: 'not_received',
      amount: { amountMinor: 126648, currency: 'USD' },
      deadline: '2025-11-12T18:00:00.000Z',
    });
    const byKey = Object.fromEntries(view.checklist.map((i) => [i.key, i.status]));
    expect(byKey).toMatchObject({
      order_details: 'present',
      shipping_address: 'present',
      case_notes: 'present',
      tracking_number: 'missing',
      proof_of_delivery: 'missing',
    });
    expect(view.winRate).toEqual({ won: 5, lost: 2 });
  });

  it('finds the seeded A-to-z claim with the tracking its order page showed', async () => {
    const { status, view } = await fromFixture('amazon-fr-claim');
    expect(status).toBe(200);
    expect(view.dispute).toMatchObject({ id: 'AZ7QK2LX9M', kind: 'amazon_atoz', reason: 'not_received', deadline: '2025-11-04T14:20:00.000Z' });
    expect(view.checklist.find((i) => i.key === 'tracking_number')).toMatchObject({ status: 'present', value: '6A12345678901 (Colissimo)' });
    expect(view.checklist.find((i) => i.key === 'proof_of_delivery')!.status).toBe('missing');
  });

  it('seeds nothing twice', async () => {
    const list = async () => DisputeList.parse((await app.inject({ method: 'GET', url: '/v1/disputes', headers: auth('demo-lead-token') })).json()).disputes;
    const before = await list();
    expect(
      before
        .filter((d) => d.status === 'open')
        .map((d) => d.externalId)
        .sort(),
    ).toEqual(['AZ7QK2LX9M', 'CB-9F3K2Q7ZL1']);
    await seedDemo(app.db);
    expect(await list()).toEqual(before.map((d) => ({ ...d, timeLeftMs: expect.any(Number) })));
  });
});
