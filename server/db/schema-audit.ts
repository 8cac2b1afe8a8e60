import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agents, teams } from './schema';

/**
 * What leads changed, and who: agents, tokens, the fraud matrix, SLA policies, settings and templates.
 * Written in the same transaction as the change where the change has one, so a row exists exactly when
 * the change does. `seq` gives the order (and the paging cursor), also for rows written in the same millisecond.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => agents.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('audit_log_team_seq_idx').on(t.teamId, t.seq)],
);
