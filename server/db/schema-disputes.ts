import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CasePortal } from '../../utils/schemas/common';
import { PROCESSOR_SOURCES, type DisputeKind, type DisputeSource } from '../../utils/schemas/disputes';
import { agents, cases, teams } from './schema';

/**
 * The processors as an SQL list literal, for the partial unique index (migration 0015) and the queries
 * that must match its condition: constants, never input.
 */
export const PROCESSOR_SOURCES_SQL = sql.raw(PROCESSOR_SOURCES.map((s) => `'${s}'`).join(', '));

/**
 * Disputes: Amazon chargebacks, A-to-z claims and card disputes on the team's own shop, with what agents
 * added to their evidence, the files they uploaded, and the team's own defence templates. Every row
 * belongs to a team and every index starts with team_id (queries are always team-scoped).
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const disputes = pgTable(
  'disputes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    // Plain text: the values come from the registry (utils/portals/registry.ts), checked at the boundary.
    kind: text('kind').$type<DisputeKind>().notNull(),
    portal: text('portal').$type<CasePortal>().notNull(),
    marketplace: text('marketplace'),
    /** The portal's own id: chargeback id, A-to-z claim id, the processor's dispute id. */
    externalId: text('external_id').notNull(),
    orderId: text('order_id').notNull(),
    /** The chargeback/claim case the page opened; its history carries this dispute's events. */
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    network: text('network', { enum: ['visa', 'mastercard', 'amex', 'discover'] }),
    reasonCode: text('reason_code'),
    reasonText: text('reason_text'),
    reason: text('reason').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'responded', 'won', 'lost', 'refunded', 'accepted'] })
      .notNull()
      .default('open'),
    /** Only fought disputes have an outcome; it feeds the team's win rate per reason. */
    outcome: text('outcome', { enum: ['won', 'lost'] }),
    recoveredMinor: bigint('recovered_minor', { mode: 'number' }),
    outcomeNote: text('outcome_note'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who told us: the portal a page came from, or the processor / alert provider (stripe, adyen, ethoca ...). */
    source: text('source').$type<DisputeSource>().notNull(),
    /** alert < inquiry < chargeback < pre_arbitration; null for marketplace claims, which have no card stage. */
    stage: text('stage', { enum: ['alert', 'inquiry', 'chargeback', 'pre_arbitration'] }),
    reasonGroup: text('reason_group', { enum: ['fraud', 'authorisation', 'processing_error', 'consumer_dispute'] }),
    /** The processor's own status word, as sent. */
    processorStatus: text('processor_status'),
    /** The disputed payment: Stripe charge, Adyen original reference, PayPal transaction. */
    paymentRef: text('payment_ref'),
    /** The order reference the processor carried (metadata order_id, merchantReference), matched or not. */
    orderRef: text('order_ref'),
    /**
     * How order_id was found. For `unmatched` disputes order_id holds the payment reference, so the
     * dispute still has a case history of its own until an agent links it to an order.
     */
    orderMatch: text('order_match', { enum: ['page', 'reference', 'email', 'buyer_key', 'agent', 'unmatched'] })
      .notNull()
      .default('page'),
    buyerKey: text('buyer_key'),
    /** When the processor says the stored stage and status happened (older events never overwrite it). */
    stateAt: timestamp('state_at', { withTimezone: true }),
    details: jsonb('details').$type<Record<string, string | number | boolean>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('disputes_team_kind_external_idx')
      .on(t.teamId, t.kind, t.externalId)
      .where(sql`${t.source} NOT IN (${PROCESSOR_SOURCES_SQL})`),
    uniqueIndex('disputes_team_source_external_idx')
      .on(t.teamId, t.source, t.externalId)
      .where(sql`${t.source} IN (${PROCESSOR_SOURCES_SQL})`),
    index('disputes_team_match_idx').on(t.teamId, t.orderMatch, t.deadline),
    index('disputes_team_stage_deadline_idx').on(t.teamId, t.stage, t.status, t.deadline),
    index('disputes_team_status_deadline_idx').on(t.teamId, t.status, t.deadline),
    index('disputes_team_reason_outcome_idx').on(t.teamId, t.reason, t.outcome),
    index('disputes_team_order_idx').on(t.teamId, t.orderId),
    index('disputes_team_payment_idx').on(t.teamId, t.paymentRef),
  ],
);

/** One row per checklist item an agent completed (a value, a file, or "not applicable"); the latest wins. */
export const disputeEvidence = pgTable(
  'dispute_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label'),
    value: text('value'),
    notApplicable: boolean('not_applicable').notNull().default(false),
    attachmentId: uuid('attachment_id'),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dispute_evidence_team_dispute_key_idx').on(t.teamId, t.disputeId, t.key)],
);

/** Uploaded files, checked by magic bytes against an allowlist; the content is base64 text. */
export const disputeAttachments = pgTable(
  'dispute_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id, { onDelete: 'cascade' }),
    evidenceKey: text('evidence_key'),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    contentBase64: text('content_base64').notNull(),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('dispute_attachments_team_dispute_idx').on(t.teamId, t.disputeId, t.createdAt)],
);

/** A team's own argument per reason and language; without one, the engine's default is used. */
export const defenceTemplates = pgTable(
  'defence_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    language: text('language', { enum: ['en', 'de', 'fr', 'es', 'it'] }).notNull(),
    title: text('title').notNull(),
    argument: text('argument').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => agents.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('defence_templates_team_reason_language_idx').on(t.teamId, t.reason, t.language)],
);

/** A team's webhook signing secrets, one per processor. No route ever answers with the secret itself. */
export const processorSecrets = pgTable(
  'processor_secrets',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    processor: text('processor', { enum: ['stripe', 'adyen'] }).notNull(),
    secret: text('secret').notNull(),
    setBy: uuid('set_by').references(() => agents.id, { onDelete: 'set null' }),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'processor_secrets_pkey', columns: [t.teamId, t.processor] })],
);

/** Every processor event a team received (by the processor's event id): retries and replays apply once. */
export const processorEvents = pgTable(
  'processor_events',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** applied, stale (older than what is stored), ignored (a type this backend does not handle). */
    outcome: text('outcome', { enum: ['created', 'updated', 'stale', 'ignored', 'noted'] }).notNull(),
    disputeId: uuid('dispute_id').references(() => disputes.id, { onDelete: 'set null' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'processor_events_pkey', columns: [t.teamId, t.source, t.eventId] }),
    index('processor_events_team_received_idx').on(t.teamId, t.receivedAt),
  ],
);
