import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { teams } from './schema';

/**
 * What the reports need that no other table keeps: which fraud indicators fired on an order. The panel
 * computes a score on every load but stores none of it, so "the indicators that fire most" has nothing
 * to count without this table. One row per (order, indicator), upserted with the latest score seen
 * (server/services/reports-signals.ts: recordFraudSignals).
 */
export const fraudSignals = pgTable(
  'fraud_signals',
  {
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
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
