import { boolean, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agents, teams } from './schema';
import { disputes } from './schema-disputes';

/**
 * Submitting a defence to the processor (off until a lead stores a key): the team's processor API key,
 * sealed through the secret box like the webhook secrets, and one row per submission idempotency key so
 * a retried request is sent once. No route ever answers with the key itself.
 */

export const processorApiKeys = pgTable(
  'processor_api_keys',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    processor: text('processor', { enum: ['stripe', 'adyen'] }).notNull(),
    /** Sealed (cs1.…): Stripe's secret or restricted key, Adyen's API key. */
    apiKey: text('api_key').notNull(),
    /** Adyen's merchant account the disputes belong to (null for Stripe). */
    merchantAccount: text('merchant_account'),
    /** Adyen's environment: test or live (Stripe's key itself says which). */
    environment: text('environment', { enum: ['test', 'live'] }).notNull(),
    setBy: uuid('set_by').references(() => agents.id, { onDelete: 'set null' }),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'processor_api_keys_pkey', columns: [t.teamId, t.processor] })],
);

export const processorSubmissions = pgTable(
  'processor_submissions',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id, { onDelete: 'cascade' }),
    processor: text('processor', { enum: ['stripe', 'adyen'] }).notNull(),
    final: boolean('final').notNull(),
    /** sending while the processor is asked; sent once it answered. A failed send removes the row. */
    state: text('state', { enum: ['sending', 'sent'] }).notNull(),
    /** The route's answer, replayed for a retry with the same key. */
    answer: jsonb('answer').$type<Record<string, unknown>>(),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'processor_submissions_pkey', columns: [t.teamId, t.idempotencyKey] })],
);
