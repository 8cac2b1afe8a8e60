// @vitest-environment happy-dom
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderedFixture } from '../../tests/fixtures/load';
import { fixtureByName } from '../../tests/fixtures/manifest';
import { amazonAdapter } from '../../utils/portals/amazon';
import { PanelData } from '../../utils/schemas/api';
import { slaState } from '../../utils/sla/state';
import { buildApp } from '../app';
import { openDatabase, type DatabaseHandle } from '../db/open';
import { auth } from '../../tests/server/harness';
import { shiftInstants } from './demo-clock';

/**
 * `npm start`: the seed and the sandbox pages share the demo's start instant, so the team's history is
 * days old, not a year, and the pages' clocks run. PGlite only: this checks the seed's dates.
 */
describe('demo seeded for a live start', () => {
  const now = new Date();
  let handle: DatabaseHandle;
  let app: FastifyInstance;

  beforeAll(async () => {
    handle = await openDatabase({});
    app = await buildApp({ db: handle.db, demo: true, demoNow: now });
  }, 240_000); // the whole demo seed, on a busy machine
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const load = async (fixtureName: string) => {
    const fixture = fixtureByName(fixtureName);
    const context = amazonAdapter.extract(new URL(fixture.url), renderedFixture(fixture, now));
    const res = await app.inject({ method: 'POST', url: '/v1/panel', headers: auth('demo-agent-token'), payload: { context } });
    expect(res.statusCode).toBe(200);
    return PanelData.parse(res.json());
  };

  it("dates the team's notes and decisions in the weeks before the start", async () => {
    const data = await load('amazon-de-order');
    expect(data.history.length).toBeGreaterThan(0);
    for (const event of data.history) {
      const at = Date.parse(event.createdAt);
      expect(at).toBeLessThanOrEqual(now.getTime());
      expect(at).toBeGreaterThan(now.getTime() - 30 * 86_400_000);
    }
  });

  it("runs the chargeback page's clock: notified five days ago, two days left", async () => {
    const data = await load('amazon-com-chargeback');
    expect(data.sla).not.toBeNull();
    const { state, remainingMs } = slaState(data.sla!, now.getTime());
    expect(state).toBe('ok');
    expect(remainingMs).toBeGreaterThan(47 * 3_600_000);
    expect(remainingMs).toBeLessThan(49 * 3_600_000);
  });

  it('moves instants only, by whole values', () => {
    const moved = shiftInstants({ at: '2025-11-02T15:20:00Z', text: '2025-11-02 in a note', n: 3, list: [new Date(0)] }, 60_000);
    expect(moved).toEqual({ at: '2025-11-02T15:21:00.000Z', text: '2025-11-02 in a note', n: 3, list: [new Date(60_000)] });
  });
});
