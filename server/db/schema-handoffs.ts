import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DecisionKind } from '../../utils/schemas/fraud';
import type { EscalationInput, HandoffTeamKind, PersonalField } from '../../utils/schemas/handoffs';
import { agents, cases, events, teams } from './schema';

/**
 * Hand-offs to a team's internal teams (migration 0018). Every row belongs to a seller team and every
 * index starts with team_id; a receiver's reads are further bounded by handoff_team_members.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const handoffTeams = pgTable(
  'handoff_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').$type<HandoffTeamKind>().notNull().default('general'),
    allowedFields: text('allowed_fields')
      .array()
      .$type<PersonalField[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    pausesSla: boolean('pauses_sla').notNull().default(false),
    createdAt: createdAt(),
    /** A deleted team keeps its hand-offs (history, reports) but takes no new ones. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('handoff_teams_team_name_idx')
      .on(t.teamId, sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

export const handoffTeamMembers = pgTable(
  'handoff_team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    handoffTeamId: uuid('handoff_team_id')
      .notNull()
      .references(() => handoffTeams.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'handoff_team_members_pkey', columns: [t.teamId, t.handoffTeamId, t.agentId] }),
    index('handoff_team_members_agent_idx').on(t.teamId, t.agentId),
  ],
);

export const handoffs = pgTable(
  'handoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    handoffTeamId: uuid('handoff_team_id')
      .notNull()
      .references(() => handoffTeams.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    question: text('question').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    requestedBy: uuid('requested_by').references(() => agents.id, { onDelete: 'set null' }),
    /** The `handoff` event that carries the idempotency key of the write that made this row. */
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    escalation: jsonb('escalation').$type<EscalationInput>(),
    slaPaused: boolean('sla_paused').notNull().default(false),
    answer: text('answer'),
    decision: text('decision').$type<DecisionKind>(),
    answeredBy: uuid('answered_by').references(() => agents.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** Whole minutes from the hand-off to its answer (reports read it without arithmetic). */
    minutesToAnswer: integer('minutes_to_answer'),
    answerKey: text('answer_key'),
    createdAt: createdAt(),
  },
  (t) => [
    index('handoffs_team_order_idx').on(t.teamId, t.orderId, t.createdAt),
    index('handoffs_team_handoff_team_idx').on(t.teamId, t.handoffTeamId, t.createdAt),
    index('handoffs_team_created_idx').on(t.teamId, t.createdAt),
    uniqueIndex('handoffs_team_event_idx').on(t.teamId, t.eventId),
  ],
);
