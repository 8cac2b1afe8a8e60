import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseEvent, EventType } from '../../utils/schemas/api';
import type { DecisionKind } from '../../utils/schemas/fraud';
import type { Database } from '../db/open';
import { agents, events } from '../db/schema';

/** The NOTIFY channel that carries `{ teamId, eventId }` to every backend instance. */
export const LIVE_EVENTS_CHANNEL = 'caseside_events';

export interface NewEvent {
  caseId: string;
  orderId: string | null;
  type: EventType;
  agentId: string | null;
  text: string;
  decision?: DecisionKind;
  data?: Record<string, unknown>;
  idempotencyKey?: string;
  /** Digest of the request that used the key (services/idempotent-event.ts requestDigest). */
  requestDigest?: string;
  createdAt?: Date;
}

const eventColumns = {
  id: events.id,
  caseId: events.caseId,
  orderId: events.orderId,
  type: events.type,
  agentId: events.agentId,
  agentName: agents.name,
  text: events.text,
  decision: events.decision,
  data: events.data,
  createdAt: events.createdAt,
};

type EventSelection = {
  id: string;
  caseId: string;
  orderId: string | null;
  type: EventType;
  agentId: string | null;
  agentName: string | null;
  text: string;
  decision: DecisionKind | null;
  data: Record<string, unknown>;
  createdAt: Date;
};

function toEvent(row: EventSelection): CaseEvent {
  const event: CaseEvent = {
    id: row.id,
    caseId: row.caseId,
    orderId: row.orderId,
    type: row.type,
    agentId: row.agentId,
    agentName: row.agentName,
    text: row.text,
    data: row.data ?? {},
    createdAt: row.createdAt.toISOString(),
  };
  if (row.decision) event.decision = row.decision;
  return event;
}

function selectEvents(db: Database) {
  return db
    .select(eventColumns)
    .from(events)
    .leftJoin(agents, and(eq(agents.id, events.agentId), eq(agents.teamId, events.teamId)));
}

/**
 * Inserts an event. With an idempotency key already used by the team, nothing is written and
 * `undefined` comes back; on PostgreSQL a concurrent insert of the same key waits for the first one to
 * commit before deciding, so exactly one writer wins.
 */
export async function insertEvent(db: Database, teamId: string, input: NewEvent): Promise<string | undefined> {
  const [row] = await db
    .insert(events)
    .values({
      teamId,
      caseId: input.caseId,
      orderId: input.orderId,
      type: input.type,
      agentId: input.agentId,
      text: input.text,
      decision: input.decision ?? null,
      data: input.data ?? {},
      idempotencyKey: input.idempotencyKey ?? null,
      requestDigest: input.requestDigest ?? null,
      createdAt: input.createdAt ?? new Date(),
    })
    .onConflictDoNothing({ target: [events.teamId, events.idempotencyKey] })
    .returning({ id: events.id });
  return row?.id;
}

export async function getEvent(db: Database, teamId: string, eventId: string): Promise<CaseEvent | undefined> {
  const [row] = await selectEvents(db)
    .where(and(eq(events.teamId, teamId), eq(events.id, eventId)))
    .limit(1);
  return row && toEvent(row as EventSelection);
}

/** The team's events among these ids (any order; ids of other teams find nothing). */
export async function getEvents(db: Database, teamId: string, eventIds: string[]): Promise<CaseEvent[]> {
  if (eventIds.length === 0) return [];
  const rows = await selectEvents(db).where(and(eq(events.teamId, teamId), inArray(events.id, eventIds)));
  return rows.map((r) => toEvent(r as EventSelection));
}

export async function findEventByIdempotencyKey(db: Database, teamId: string, key: string): Promise<CaseEvent | undefined> {
  const [row] = await selectEvents(db)
    .where(and(eq(events.teamId, teamId), eq(events.idempotencyKey, key)))
    .limit(1);
  return row && toEvent(row as EventSelection);
}

/** The request digest stored with a used key: null for events written before digests were kept. */
export async function findKeyDigest(db: Database, teamId: string, key: string): Promise<string | null | undefined> {
  const [row] = await db
    .select({ digest: events.requestDigest })
    .from(events)
    .where(and(eq(events.teamId, teamId), eq(events.idempotencyKey, key)))
    .limit(1);
  return row?.digest;
}

export async function listEventsByCase(db: Database, teamId: string, caseId: string, limit = 200): Promise<CaseEvent[]> {
  const rows = await selectEvents(db)
    .where(and(eq(events.teamId, teamId), eq(events.caseId, caseId)))
    .orderBy(desc(events.createdAt), desc(events.seq))
    .limit(limit);
  return rows.map((r) => toEvent(r as EventSelection));
}

/** Events of every case about this order (the order itself, its claims, returns ...), newest first. */
export async function listEventsByOrder(db: Database, teamId: string, orderId: string, limit = 200): Promise<CaseEvent[]> {
  const rows = await selectEvents(db)
    .where(and(eq(events.teamId, teamId), eq(events.orderId, orderId)))
    .orderBy(desc(events.createdAt), desc(events.seq))
    .limit(limit);
  return rows.map((r) => toEvent(r as EventSelection));
}

/**
 * Tells every backend instance listening on the database about a new event. Called inside the writing
 * transaction, PostgreSQL delivers the notification only if and when that transaction commits.
 */
export async function announceEvent(db: Database, teamId: string, eventId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${LIVE_EVENTS_CHANNEL}, ${JSON.stringify({ teamId, eventId })})`);
}
