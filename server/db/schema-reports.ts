import { bigint, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agents, cases, events, teams } from './schema';

/**
 * What the reports need that no other table keeps: which fraud indicators fired on an order. The panel
 * computes a score on every load but stores none of it, so "the indicators that fire most" has nothing
 * to count without this table. One row per (order, indicator), upserted with the latest score seen
 * (server/services/reports-signals.ts: recordFraudSignals).
 */
export const fraudSignals = pgTable(
  'fraud_signals',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    indicator: text('indicator').notNull(),
    points: integer('points').notNull(),
    /** The order's total score when this indicator was last seen firing. */
    score: integer('score').notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('fraud_signals_team_order_indicator_idx').on(t.teamId, t.orderId, t.indicator),
    // The report counts indicators over a date range.
    index('fraud_signals_team_scored_idx').on(t.teamId, t.scoredAt),
  ],
);

/**
 * One row per template insertion with what followed it on the same case, so "template use and what
 * followed" is a range scan of insertions instead of three probes of the case's events per insertion.
 * Written only by the events_template_uses trigger (migration 0009) as events arrive, with the same
 * rules the report used to evaluate: resolved = the first resolved/closed status at or after the
 * insertion; a decision, or a note / another template, strictly after it (by time, then insertion order).
 * Back-dated events (outbox replays) update the insertions they follow.
 */
export const templateUses = pgTable(
  'template_uses',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => events.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** data.templateId of the event ('' when it had none). */
    templateId: text('template_id').notNull(),
    /** data.title of the event, for a template deleted since. */
    title: text('title'),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    decisionAfter: boolean('decision_after').notNull().default(false),
    followUpAfter: boolean('follow_up_after').notNull().default(false),
  },
  (t) => [
    // The report: insertions of a team in a date range.
    index('template_uses_team_created_idx').on(t.teamId, t.createdAt),
    // The same for one agent's own numbers.
    index('template_uses_team_agent_created_idx').on(t.teamId, t.agentId, t.createdAt),
    // The trigger: the insertions of the case an event lands on.
    index('template_uses_case_idx').on(t.caseId, t.createdAt, t.seq),
  ],
);
