import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DecisionKind } from '../../utils/schemas/fraud';
import type { EscalationInput, Handoff, HandoffTeam, HandoffTeamKind, PersonalField } from '../../utils/schemas/handoffs';
import type { Database } from '../db/open';
import { agents, orders } from '../db/schema';
import { handoffs, handoffTeamMembers, handoffTeams } from '../db/schema-handoffs';

/** The one place for the hand-off tables' SQL; every query is scoped by the caller's team. */

type TeamRow = typeof handoffTeams.$inferSelect;
export type HandoffRow = typeof handoffs.$inferSelect;

/** The internal teams a seller team starts with (the lead renames, deletes or adds to them). */
export const DEFAULT_HANDOFF_TEAMS: readonly { name: string; kind: HandoffTeamKind }[] = [
  { name: 'Logistics', kind: 'general' },
  { name: 'Warehouse', kind: 'general' },
  { name: 'Finance', kind: 'general' },
  { name: 'Fraud', kind: 'fraud' },
  { name: 'Care', kind: 'general' },
];

/**
 * Creates the default teams once: only while the team has never had a hand-off team (a deleted default
 * stays deleted). Concurrent first calls meet on the unique name index and insert each team once.
 */
export async function ensureDefaultHandoffTeams(db: Database, teamId: string): Promise<void> {
  const [any] = await db.select({ id: handoffTeams.id }).from(handoffTeams).where(eq(handoffTeams.teamId, teamId)).limit(1);
  if (any) return;
  await db
    .insert(handoffTeams)
    .values(DEFAULT_HANDOFF_TEAMS.map((t) => ({ teamId, name: t.name, kind: t.kind })))
    .onConflictDoNothing();
}

async function membersOf(db: Database, teamId: string, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ handoffTeamId: handoffTeamMembers.handoffTeamId, agentId: handoffTeamMembers.agentId })
    .from(handoffTeamMembers)
    .where(and(eq(handoffTeamMembers.teamId, teamId), inArray(handoffTeamMembers.handoffTeamId, ids)));
  for (const row of rows) out.set(row.handoffTeamId, [...(out.get(row.handoffTeamId) ?? []), row.agentId]);
  return out;
}

function toTeam(row: TeamRow, memberIds: string[]): HandoffTeam {
  return { id: row.id, name: row.name, kind: row.kind, allowedFields: row.allowedFields, pausesSla: row.pausesSla, memberIds: memberIds.sort() };
}

export async function listHandoffTeams(db: Database, teamId: string): Promise<HandoffTeam[]> {
  const rows = await db
    .select()
    .from(handoffTeams)
    .where(and(eq(handoffTeams.teamId, teamId), isNull(handoffTeams.deletedAt)))
    .orderBy(asc(handoffTeams.createdAt), asc(handoffTeams.name));
  const members = await membersOf(
    db,
    teamId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toTeam(r, members.get(r.id) ?? []));
}

/** A hand-off team of the caller's team; deleted ones only when asked for (a hand-off's history). */
export async function findHandoffTeam(
  db: Database,
  teamId: string,
  id: string,
  includeDeleted = false,
): Promise<(HandoffTeam & { deleted: boolean }) | undefined> {
  const [row] = await db
    .select()
    .from(handoffTeams)
    .where(and(eq(handoffTeams.teamId, teamId), eq(handoffTeams.id, id), includeDeleted ? undefined : isNull(handoffTeams.deletedAt)))
    .limit(1);
  if (!row) return undefined;
  const members = await membersOf(db, teamId, [row.id]);
  return { ...toTeam(row, members.get(row.id) ?? []), deleted: row.deletedAt !== null };
}

/** The ids among `agentIds` that are active agents of the team. */
export async function activeAgentsOf(db: Database, teamId: string, agentIds: string[]): Promise<Set<string>> {
  if (agentIds.length === 0) return new Set();
  const rows = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.teamId, teamId), inArray(agents.id, agentIds), isNull(agents.deactivatedAt)));
  return new Set(rows.map((r) => r.id));
}

export async function insertHandoffTeam(
  db: Database,
  teamId: string,
  input: { name: string; kind: HandoffTeamKind; allowedFields: PersonalField[]; pausesSla: boolean },
): Promise<string | undefined> {
  const [row] = await db
    .insert(handoffTeams)
    .values({ teamId, name: input.name, kind: input.kind, allowedFields: [...new Set(input.allowedFields)], pausesSla: input.pausesSla })
    .onConflictDoNothing()
    .returning({ id: handoffTeams.id });
  return row?.id;
}

/** false when another live team of the seller team already has the new name. */
export async function updateHandoffTeam(
  db: Database,
  teamId: string,
  id: string,
  input: { name?: string; allowedFields?: PersonalField[]; pausesSla?: boolean },
): Promise<boolean> {
  if (input.name !== undefined) {
    const [clash] = await db
      .select({ id: handoffTeams.id })
      .from(handoffTeams)
      .where(
        and(
          eq(handoffTeams.teamId, teamId),
          isNull(handoffTeams.deletedAt),
          sql`lower(${handoffTeams.name}) = lower(${input.name})`,
          sql`${handoffTeams.id} <> ${id}`,
        ),
      )
      .limit(1);
    if (clash) return false;
  }
  const values: Partial<TeamRow> = {};
  if (input.name !== undefined) values.name = input.name;
  if (input.allowedFields !== undefined) values.allowedFields = [...new Set(input.allowedFields)];
  if (input.pausesSla !== undefined) values.pausesSla = input.pausesSla;
  if (Object.keys(values).length > 0)
    await db
      .update(handoffTeams)
      .set(values)
      .where(and(eq(handoffTeams.teamId, teamId), eq(handoffTeams.id, id)));
  return true;
}

export async function setHandoffTeamMembers(db: Database, teamId: string, id: string, agentIds: string[]): Promise<void> {
  await db.delete(handoffTeamMembers).where(and(eq(handoffTeamMembers.teamId, teamId), eq(handoffTeamMembers.handoffTeamId, id)));
  const unique = [...new Set(agentIds)];
  if (unique.length > 0) await db.insert(handoffTeamMembers).values(unique.map((agentId) => ({ teamId, handoffTeamId: id, agentId })));
}

export async function softDeleteHandoffTeam(db: Database, teamId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(handoffTeams)
    .set({ deletedAt: now })
    .where(and(eq(handoffTeams.teamId, teamId), eq(handoffTeams.id, id), isNull(handoffTeams.deletedAt)))
    .returning({ id: handoffTeams.id });
  return rows.length > 0;
}

/** The hand-off teams (live or deleted) the agent answers for. */
export async function memberTeamIds(db: Database, teamId: string, agentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: handoffTeamMembers.handoffTeamId })
    .from(handoffTeamMembers)
    .where(and(eq(handoffTeamMembers.teamId, teamId), eq(handoffTeamMembers.agentId, agentId)));
  return rows.map((r) => r.id);
}

export async function insertHandoff(
  db: Database,
  teamId: string,
  input: {
    id: string;
    handoffTeamId: string;
    caseId: string;
    orderId: string;
    question: string;
    dueAt: Date;
    requestedBy: string;
    eventId: string;
    escalation: EscalationInput | null;
    slaPaused: boolean;
    createdAt: Date;
  },
): Promise<void> {
  await db.insert(handoffs).values({ teamId, ...input });
}

const requester = alias(agents, 'requester');
const answerer = alias(agents, 'answerer');

function selectHandoffs(db: Database) {
  return db
    .select({ row: handoffs, teamName: handoffTeams.name, teamKind: handoffTeams.kind, requestedByName: requester.name, answeredByName: answerer.name })
    .from(handoffs)
    .innerJoin(handoffTeams, and(eq(handoffTeams.id, handoffs.handoffTeamId), eq(handoffTeams.teamId, handoffs.teamId)))
    .leftJoin(requester, and(eq(requester.id, handoffs.requestedBy), eq(requester.teamId, handoffs.teamId)))
    .leftJoin(answerer, and(eq(answerer.id, handoffs.answeredBy), eq(answerer.teamId, handoffs.teamId)));
}

export type HandoffJoined = Awaited<ReturnType<ReturnType<typeof selectHandoffs>['execute']>>[number];

export function toHandoff(j: HandoffJoined): Handoff {
  const r = j.row;
  return {
    id: r.id,
    caseId: r.caseId,
    orderId: r.orderId,
    handoffTeamId: r.handoffTeamId,
    teamName: j.teamName,
    question: r.question,
    dueAt: r.dueAt.toISOString(),
    status: r.answeredAt ? 'answered' : 'open',
    requestedBy: r.requestedBy,
    requestedByName: j.requestedByName,
    createdAt: r.createdAt.toISOString(),
    answer: r.answer,
    decision: r.decision,
    answeredByName: j.answeredByName,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    minutesToAnswer: r.minutesToAnswer,
    slaPaused: r.slaPaused,
    escalationScore: r.escalation?.score ?? null,
  };
}

export async function findHandoff(db: Database, teamId: string, id: string): Promise<HandoffJoined | undefined> {
  const [row] = await selectHandoffs(db)
    .where(and(eq(handoffs.teamId, teamId), eq(handoffs.id, id)))
    .limit(1);
  return row;
}

export async function findHandoffByEvent(db: Database, teamId: string, eventId: string): Promise<HandoffJoined | undefined> {
  const [row] = await selectHandoffs(db)
    .where(and(eq(handoffs.teamId, teamId), eq(handoffs.eventId, eventId)))
    .limit(1);
  return row;
}

export async function listHandoffsByOrder(db: Database, teamId: string, orderId: string): Promise<HandoffJoined[]> {
  return selectHandoffs(db)
    .where(and(eq(handoffs.teamId, teamId), eq(handoffs.orderId, orderId)))
    .orderBy(desc(handoffs.createdAt))
    .limit(100);
}

/** Hand-offs to the given hand-off teams: open ones first (soonest due first), then the latest answered. */
export async function listHandoffsToTeams(db: Database, teamId: string, handoffTeamIds: string[]): Promise<HandoffJoined[]> {
  if (handoffTeamIds.length === 0) return [];
  return selectHandoffs(db)
    .where(and(eq(handoffs.teamId, teamId), inArray(handoffs.handoffTeamId, handoffTeamIds)))
    .orderBy(sql`${handoffs.answeredAt} IS NOT NULL`, asc(handoffs.dueAt), desc(handoffs.createdAt))
    .limit(200);
}

/** Locks the hand-off row for its answer (a concurrent second answer waits, then sees it answered). */
export async function lockHandoff(tx: Database, teamId: string, id: string): Promise<HandoffRow | undefined> {
  const [row] = await tx
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.teamId, teamId), eq(handoffs.id, id)))
    .for('update')
    .limit(1);
  return row;
}

export async function recordHandoffAnswer(
  tx: Database,
  teamId: string,
  id: string,
  input: { answer: string; decision: DecisionKind | null; answeredBy: string; answeredAt: Date; minutesToAnswer: number; answerKey: string },
): Promise<void> {
  await tx
    .update(handoffs)
    .set(input)
    .where(and(eq(handoffs.teamId, teamId), eq(handoffs.id, id)));
}

/** The stored order snapshot the receiver's view is cut from (never sent as is). */
export async function orderSnapshotOf(db: Database, teamId: string, orderId: string) {
  const [row] = await db
    .select({ portal: orders.portal, marketplace: orders.marketplace, buyerName: orders.buyerName, snapshot: orders.snapshot, purchasedAt: orders.purchasedAt })
    .from(orders)
    .where(and(eq(orders.teamId, teamId), eq(orders.orderId, orderId)))
    .orderBy(desc(orders.lastSeenAt))
    .limit(1);
  return row;
}

/**
 * The latest stored snapshot of each of these orders, in one statement (the receivers' list reads many at
 * once): keyed by order id; an order never stored is absent.
 */
export async function orderSnapshotsOf(db: Database, teamId: string, orderIds: readonly string[]) {
  const out = new Map<string, NonNullable<Awaited<ReturnType<typeof orderSnapshotOf>>>>();
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return out;
  const rows = await db
    .selectDistinctOn([orders.orderId], {
      orderId: orders.orderId,
      portal: orders.portal,
      marketplace: orders.marketplace,
      buyerName: orders.buyerName,
      snapshot: orders.snapshot,
      purchasedAt: orders.purchasedAt,
    })
    .from(orders)
    .where(and(eq(orders.teamId, teamId), inArray(orders.orderId, ids)))
    .orderBy(asc(orders.orderId), desc(orders.lastSeenAt));
  for (const { orderId, ...stored } of rows) out.set(orderId, stored);
  return out;
}

/** The personal fields each of these hand-off teams (deleted ones too: their hand-offs stay) is allowed, in one statement. */
export async function allowedFieldsOf(db: Database, teamId: string, handoffTeamIds: readonly string[]): Promise<Map<string, PersonalField[]>> {
  if (handoffTeamIds.length === 0) return new Map();
  const rows = await db
    .select({ id: handoffTeams.id, allowedFields: handoffTeams.allowedFields })
    .from(handoffTeams)
    .where(and(eq(handoffTeams.teamId, teamId), inArray(handoffTeams.id, [...handoffTeamIds])));
  return new Map(rows.map((r) => [r.id, r.allowedFields]));
}

/** Hand-offs created in [from, to), per hand-off team, with their answer times and due times. */
export async function handoffTimes(db: Database, teamId: string, from: Date, to: Date) {
  return db
    .select({ team: handoffTeams.name, minutes: handoffs.minutesToAnswer, dueAt: handoffs.dueAt, answeredAt: handoffs.answeredAt })
    .from(handoffs)
    .innerJoin(handoffTeams, and(eq(handoffTeams.id, handoffs.handoffTeamId), eq(handoffTeams.teamId, handoffs.teamId)))
    .where(and(eq(handoffs.teamId, teamId), gte(handoffs.createdAt, from), lt(handoffs.createdAt, to)));
}
