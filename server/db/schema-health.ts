import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { teams } from './schema';

/**
 * Portal pages the extension could not fully read, counted per team: a portal redesign shows up here
 * the day it ships. One row per kind of failure (portal, page kind, status, missing fields).
 * The sample path has its digits masked, so no order id or other personal value is kept.
 */
export const pageHealth = pgTable(
  'page_health',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    portal: text('portal').notNull(),
    pageKind: text('page_kind').notNull(),
    /** `full` rows are pages read completely but with fields below their expected tier. */
    status: text('status', { enum: ['full', 'partial', 'unrecognized'] }).notNull(),
    missing: jsonb('missing').$type<string[]>().notNull(),
    lowerTier: jsonb('lower_tier').$type<string[]>().notNull().default([]),
    signature: text('signature').notNull(),
    samplePath: text('sample_path').notNull(),
    count: integer('count').notNull().default(1),
    firstSeen: timestamp('first_seen', { withTimezone: true }).notNull(),
    lastSeen: timestamp('last_seen', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('page_health_team_signature_idx').on(t.teamId, t.signature), index('page_health_team_last_seen_idx').on(t.teamId, t.lastSeen)],
);
