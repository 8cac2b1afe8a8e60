import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open';
import { events } from '../db/schema';
import { mulberry32 } from '../seed/prng';
import { testDatabases } from '../../tests/server/databases';
import { createTestTeam, newOrderId, type TestTeam } from '../../tests/server/harness';
import { upsertCase } from './cases';
import { insertEvent } from './events';
import { queryRows } from './reports-scope';

/**
 * template_uses is kept by a trigger (migration 0009) as events arrive, in any order: outbox replays
 * land late with their original times. Whatever the arrival order, each insertion's row must say what
 * the case's events say (the rules, evaluated here in TypeScript from the events themselves), and the
 * migration's backfill of older data must give the same rows.
 */

type EventType = 'note' | 'decision' | 'template_inserted' | 'status';
interface Spec {
  type: EventType;
  minute: number;
  status?: 'waiting' | 'resolved' | 'closed' | 'open';
}

interface UseRow {
  event_id: string;
  template_id: string;
  resolved_at: Date | string | null;
  decision_after: boolean;
  follow_up_after: boolean;
}

const BASE = Date.parse('2026-03-02T08:00:00Z');
const TEMPLATE_ID = '6f1c1a52-0000-4000-8000-00000000abcd';

/** What the report's rules say for each insertion, from the events as stored (with their seq). */
async function expectedUses(db: Database, teamId: string): Promise<Map<string, Omit<UseRow, 'event_id'>>> {
  const rows = await queryRows<{
    id: string;
    case_id: string;
    type: string;
    status: string | null;
    template_id: string | null;
    created_at: Date | string;
    seq: string | number;
  }>(
    db,
    sql`select id::text, case_id::text, type, data->>'status' as status, data->>'templateId' as template_id, created_at, seq from events where team_id = ${teamId}`,
  );
  const list = rows.map((r) => ({ ...r, at: new Date(r.created_at).getTime(), seq: Number(r.seq) }));
  const after = (a: { at: number; seq: number }, b: { at: number; seq: number }) => a.at > b.at || (a.at === b.at && a.seq > b.seq);
  const out = new Map<string, Omit<UseRow, 'event_id'>>();
  for (const u of list.filter((e) => e.type === 'template_inserted')) {
    const sameCase = list.filter((e) => e.case_id === u.case_id);
    const resolutions = sameCase.filter((e) => e.type === 'status' && (e.status === 'resolved' || e.status === 'closed') && e.at >= u.at).map((e) => e.at);
    out.set(u.id, {
      template_id: u.template_id ?? '',
      resolved_at: resolutions.length ? new Date(Math.min(...resolutions)) : null,
      decision_after: sameCase.some((e) => e.type === 'decision' && after(e, u)),
      follow_up_after: sameCase.some((e) => (e.type === 'note' || e.type === 'template_inserted') && after(e, u)),
    });
  }
  return out;
}

async function storedUses(db: Database, teamId: string): Promise<Map<string, Omit<UseRow, 'event_id'>>> {
  const rows = await queryRows<UseRow>(
    db,
    sql`select event_id::text, template_id, resolved_at, decision_after, follow_up_after from template_uses where team_id = ${teamId}`,
  );
  return new Map(rows.map(({ event_id, resolved_at, ...rest }) => [event_id, { ...rest, resolved_at: resolved_at === null ? null : new Date(resolved_at) }]));
}

describe.each(testDatabases())('template_uses on $kind', (target) => {
  let db: Database;
  let team: TestTeam;

  beforeAll(async () => {
    db = (await target.open()).db;
    team = await createTestTeam(db, 'Uses');
  });
  afterAll(async () => {
    await target.dispose();
  });

  async function newCase(): Promise<{ caseId: string; orderId: string }> {
    const orderId = newOrderId();
    const { id } = await upsertCase(
      db,
      team.teamId,
      { kind: 'message', portal: 'amazon', marketplace: 'DE', ref: `m-${orderId}`, orderId, buyerKey: null },
      new Date(BASE),
    );
    return { caseId: id, orderId };
  }

  const write = (c: { caseId: string; orderId: string }, e: Spec) =>
    insertEvent(db, team.teamId, {
      caseId: c.caseId,
      orderId: c.orderId,
      type: e.type,
      agentId: team.agent.id,
      text: e.type,
      ...(e.type === 'decision' ? { decision: 'hold' as const } : {}),
      data: e.type === 'template_inserted' ? { templateId: TEMPLATE_ID, version: 1 } : e.type === 'status' ? { status: e.status } : {},
      createdAt: new Date(BASE + e.minute * 60_000),
    });

  it('records an insertion and updates it as later events arrive', async () => {
    const c = await newCase();
    const use = await write(c, { type: 'template_inserted', minute: 10 });
    expect((await storedUses(db, team.teamId)).get(use!)).toEqual({
      template_id: TEMPLATE_ID,
      resolved_at: null,
      decision_after: false,
      follow_up_after: false,
    });
    await write(c, { type: 'status', minute: 20, status: 'waiting' });
    await write(c, { type: 'decision', minute: 30 });
    await write(c, { type: 'note', minute: 40 });
    await write(c, { type: 'status', minute: 90, status: 'resolved' });
    expect((await storedUses(db, team.teamId)).get(use!)).toEqual({
      template_id: TEMPLATE_ID,
      resolved_at: new Date(BASE + 90 * 60_000),
      decision_after: true,
      follow_up_after: true,
    });
  });

  it('reads what is already there when an insertion arrives late (an outbox replay)', async () => {
    const c = await newCase();
    await write(c, { type: 'status', minute: 300, status: 'closed' });
    await write(c, { type: 'note', minute: 120 });
    await write(c, { type: 'status', minute: 200, status: 'resolved' });
    // Back-dated before everything above: all of it followed the insertion.
    const use = await write(c, { type: 'template_inserted', minute: 60 });
    // Events before it do not count as following it.
    const early = await write(c, { type: 'template_inserted', minute: 250 });
    const stored = await storedUses(db, team.teamId);
    expect(stored.get(use!)).toEqual({ template_id: TEMPLATE_ID, resolved_at: new Date(BASE + 200 * 60_000), decision_after: false, follow_up_after: true });
    expect(stored.get(early!)).toEqual({ template_id: TEMPLATE_ID, resolved_at: new Date(BASE + 300 * 60_000), decision_after: false, follow_up_after: false });
  });

  it('agrees with the events for random histories in random arrival order, one by one and in one statement', async () => {
    // The same seed gives the same histories and arrival orders on every run.
    const r = mulberry32(0x7e3b1a);
    const types: EventType[] = ['note', 'decision', 'template_inserted', 'template_inserted', 'status', 'status'];
    const statuses = ['waiting', 'resolved', 'closed', 'open'] as const;
    for (let n = 0; n < 24; n++) {
      const c = await newCase();
      // Few distinct minutes, so equal times (ordered by insertion) happen often.
      const specs: Spec[] = Array.from({ length: 3 + Math.floor(r() * 8) }, () => ({
        type: types[Math.floor(r() * types.length)]!,
        minute: Math.floor(r() * 6) * 15,
        status: statuses[Math.floor(r() * statuses.length)]!,
      }));
      const shuffled = specs
        .map((s) => ({ s, k: r() }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.s);
      if (n % 3 === 0) {
        // One multi-row INSERT: the trigger of each row sees the whole statement's rows.
        await db.insert(events).values(
          shuffled.map((e) => ({
            teamId: team.teamId,
            caseId: c.caseId,
            orderId: c.orderId,
            type: e.type,
            agentId: team.agent.id,
            text: e.type,
            decision: e.type === 'decision' ? ('release' as const) : null,
            data: e.type === 'template_inserted' ? { templateId: TEMPLATE_ID } : e.type === 'status' ? { status: e.status } : {},
            createdAt: new Date(BASE + e.minute * 60_000),
          })),
        );
      } else {
        for (const e of shuffled) await write(c, e);
      }
    }
    const expected = await expectedUses(db, team.teamId);
    expect(expected.size).toBeGreaterThan(20);
    const stored = await storedUses(db, team.teamId);
    expect(stored).toEqual(expected);
    // Not a trivial agreement: the histories produce every answer.
    const values = [...expected.values()];
    for (const key of ['decision_after', 'follow_up_after'] as const) {
      expect(values.some((v) => v[key])).toBe(true);
      expect(values.some((v) => !v[key])).toBe(true);
    }
    expect(values.some((v) => v.resolved_at !== null) && values.some((v) => v.resolved_at === null)).toBe(true);
  });

  it("the migration's backfill gives the same rows as the trigger", async () => {
    const before = await storedUses(db, team.teamId);
    expect(before.size).toBeGreaterThan(20);
    const migration = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'db', 'migrations', '0009_template_uses_trigger.sql'), 'utf8');
    const backfill = migration
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .find((s) => s.startsWith('SELECT caseside_record_template_use'));
    expect(backfill).toBeDefined();
    await db.execute(sql`delete from template_uses where team_id = ${team.teamId}`);
    expect((await storedUses(db, team.teamId)).size).toBe(0);
    await db.execute(sql.raw(backfill!));
    expect(await storedUses(db, team.teamId)).toEqual(before);
  });
});
