import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SopBodies, SopTags } from '../../utils/schemas/sops';
import { agents, teams } from './schema';

/**
 * SOP articles, their earlier versions, agents' proposed changes and who read which SOP on which case.
 * Every index starts with team_id, as in schema.ts: every query is scoped by the caller's team.
 */

/** The current version of each SOP; `version` is the optimistic lock of the lead's editor. */
export const sops = pgTable(
  'sops',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    defaultLanguage: text('default_language').notNull(),
    bodies: jsonb('bodies').$type<SopBodies>().notNull(),
    tags: jsonb('tags').$type<SopTags>().notNull(),
    version: integer('version').notNull().default(1),
    archived: boolean('archived').notNull().default(false),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => agents.id, { onDelete: 'set null' }),
  },
  (t) => [index('sops_team_idx').on(t.teamId, t.archived)],
);

/** Every version an SOP had before its current one. */
export const sopVersions = pgTable(
  'sop_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    sopId: uuid('sop_id')
      .notNull()
      .references(() => sops.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    bodies: jsonb('bodies').$type<SopBodies>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => agents.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('sop_versions_team_sop_version_idx').on(t.teamId, t.sopId, t.version)],
);

/** An agent's proposed body for one language of an SOP; the idempotency key makes an outbox replay count once. */
export const sopProposals = pgTable(
  'sop_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    sopId: uuid('sop_id')
      .notNull()
      .references(() => sops.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => agents.id, { onDelete: 'set null' }),
    language: text('language').notNull(),
    baseVersion: integer('base_version').notNull(),
    body: text('body').notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: ['pending', 'accepted', 'rejected'] })
      .notNull()
      .default('pending'),
    acceptedVersion: integer('accepted_version'),
    decidedBy: uuid('decided_by').references(() => agents.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('sop_proposals_team_key_idx').on(t.teamId, t.idempotencyKey),
    index('sop_proposals_team_status_idx').on(t.teamId, t.status, t.createdAt),
    index('sop_proposals_team_author_idx').on(t.teamId, t.authorId, t.createdAt),
  ],
);

/** One row per SOP, agent, case and day it was shown: enough to count views per case kind. */
export const sopViews = pgTable(
  'sop_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    sopId: uuid('sop_id')
      .notNull()
      .references(() => sops.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    caseRef: text('case_ref').notNull(),
    caseKind: text('case_kind').notNull(),
    day: date('day').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('sop_views_once_a_day_idx').on(t.teamId, t.sopId, t.agentId, t.caseRef, t.day),
    index('sop_views_team_created_idx').on(t.teamId, t.createdAt),
  ],
);
