import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../utils/schemas/api';
import { testDatabases } from '../../tests/server/databases';
import { createTestTeam } from '../../tests/server/harness';
import type { DatabaseHandle } from '../db/open';
import { upsertCase } from '../repositories/cases';
import { announceEvents, insertEvents } from '../repositories/processor-disputes-batch';
import { LiveHub } from './live';

describe.each(testDatabases())('live hub on $kind', (target) => {
  let handle: DatabaseHandle;
  let hub: LiveHub;
  const errors: unknown[] = [];

  beforeAll(async () => {
    handle = await target.open();
    hub = new LiveHub(handle.db, handle.listen, (err) => errors.push(err));
    await hub.start();
  });
  afterAll(async () => {
    await hub.stop();
    await target.dispose();
  });

  it('delivers a burst of announced events (a dispute import) in order, each once, to its own team only', async () => {
    const a = (await createTestTeam(handle.db, 'LiveA')).teamId;
    const b = (await createTestTeam(handle.db, 'LiveB')).teamId;
    const got = new Map<string, LiveEvent[]>([
      [a, []],
      [b, []],
    ]);
    hub.subscribe(a, (e) => got.get(a)!.push(e));
    hub.subscribe(b, (e) => got.get(b)!.push(e));
    const announced = new Map<string, string[]>();
    for (const teamId of [a, b]) {
      const { id: caseId } = await upsertCase(handle.db, teamId, {
        kind: 'order',
        portal: 'shop',
        marketplace: null,
        ref: 'LIVE-1',
        orderId: 'LIVE-1',
        buyerKey: null,
      });
      const count = teamId === a ? 1200 : 30;
      const ids = await handle.db.transaction(async (tx) => {
        const list = Array.from({ length: count }, (_, i) => ({ caseId, orderId: 'LIVE-1', type: 'status' as const, agentId: null, text: `line ${i}` }));
        const inserted = await insertEvents(tx, teamId, list, new Date());
        await announceEvents(tx, teamId, inserted);
        return inserted;
      });
      announced.set(teamId, ids);
    }
    for (let i = 0; i < 200 && (got.get(a)!.length < 1200 || got.get(b)!.length < 30); i++) await new Promise((r) => setTimeout(r, 25));
    expect(got.get(a)!.map((e) => e.event.id)).toEqual(announced.get(a));
    expect(got.get(a)!.map((e) => e.event.text)).toEqual(Array.from({ length: 1200 }, (_, i) => `line ${i}`));
    expect(got.get(b)!.map((e) => e.event.id)).toEqual(announced.get(b));
    expect(errors).toEqual([]);
  }, 60_000);
});
