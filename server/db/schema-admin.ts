import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Pause } from '../../utils/sla/deadline';
import { agents, cases, teams } from './schema';

/**
 * Tables of the lead tools and the queue (issues 4, 5, 6). Every index starts with team_id, as in
 * schema.ts: every query is scoped by the caller's team.
 */

/**
 * Every saved version of a team's fraud matrix and SLA policy set. The current one is the highest
 * version; the UNIQUE index is the optimistic lock (two leads saving on the same version: one wins).
 */
export const configVersions = pgTable(
  'config_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['fraud_matrix', 'sla_policies'] }).notNull(),
    version: integer('version').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('config_versions_team_kind_version_idx').on(t.teamId, t.kind, t.version)],
);

/**
 * A case's SLA clock, fixed when the case is first seen with a deadline: the policy and calendar it
 * started under stay with it (the promise made to the buyer stands) until a lead applies a newer policy
 * version to open cases. `deadline` is kept current on every change so the queue can rank by it.
 */
export const caseClocks = pgTable(
  'case_clocks',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    caseKind: text('case_kind').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    shipBy: timestamp('ship_by', { withTimezone: true }),
    cardNetwork: text('card_network'),
    marketplaceTimeZone: text('marketplace_time_zone'),
    policyVersion: integer('policy_version').notNull(),
    /** The SlaPolicy and TeamCalendar of that version, as they were. */
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull(),
    calendar: jsonb('calendar').$type<Record<string, unknown>>().notNull(),
    pauses: jsonb('pauses').$type<Pause[]>().notNull().default([]),
    /** Set while a pause is open: the time that was left when the clock stopped. */
    remainingAtPauseMs: bigint('remaining_at_pause_ms', { mode: 'number' }),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    noResponseNeeded: boolean('no_response_needed').notNull().default(false),
    /** The last portal page the case was opened on, for the queue's link. */
    pageUrl: text('page_url'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_clocks_team_deadline_idx').on(t.teamId, t.deadline)],
);
