import { sql } from 'drizzle-orm';
import type { CasePortal } from '../../utils/schemas/common';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The backend's tables. Every row belongs to a team and every index starts with team_id, because every
 * query is scoped by the caller's team (one team never sees another's data).
 * Changing this file means generating a NEW migration (`npx drizzle-kit generate`); committed
 * migrations are never edited.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    role: text('role', { enum: ['agent', 'lead', 'receiver'] })
      .notNull()
      .default('agent'),
    createdAt: createdAt(),
    /** Set when a lead deactivates the agent: every token of theirs stops working at once. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (t) => [index('agents_team_idx').on(t.teamId, t.createdAt)],
);

/** Only the sha-256 of a token is stored; the secret is shown once, at creation. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /** Optional end of life given by the lead at creation; null never expires. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    // The auth lookup comes before the team is known, so this one index cannot start with team_id.
    uniqueIndex('api_tokens_hash_idx').on(t.tokenHash),
    index('api_tokens_team_agent_idx').on(t.teamId, t.agentId),
  ],
);

/** A snapshot of what agents saw of an order, plus normalised keys for history and fraud lookups. */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    portal: text('portal').notNull(),
    marketplace: text('marketplace'),
    orderId: text('order_id').notNull(),
    buyerName: text('buyer_name'),
    buyerKey: text('buyer_key'),
    addressKey: text('address_key'),
    phoneKey: text('phone_key'),
    country: text('country'),
    totalMinor: bigint('total_minor', { mode: 'number' }),
    currency: text('currency'),
    purchasedAt: timestamp('purchased_at', { withTimezone: true }),
    shipService: text('ship_service'),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull().default({}),
    /** When a page first showed a different shipping address than an earlier page (fraud: address changed). */
    addressChangedAt: timestamp('address_changed_at', { withTimezone: true }),
    /** Set by retention once the buyer's personal data was blanked. */
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_team_portal_order_idx').on(t.teamId, t.portal, t.orderId),
    index('orders_team_order_idx').on(t.teamId, t.orderId),
    index('orders_team_address_idx').on(t.teamId, t.addressKey, t.purchasedAt),
    index('orders_team_buyer_idx').on(t.teamId, t.buyerKey, t.purchasedAt),
    index('orders_team_phone_idx').on(t.teamId, t.phoneKey, t.purchasedAt),
    index('orders_team_first_seen_idx').on(t.teamId, t.firstSeenAt),
    // Migration 0020: processor disputes find a buyer's orders by the e-mail a page showed.
    index('orders_team_page_email_idx').on(t.teamId, sql`lower((${t.snapshot} -> 'buyer') ->> 'email')`),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['order', 'claim', 'chargeback', 'return', 'message', 'refund'] }).notNull(),
    // Plain text: the registry's portals or 'shop', checked at the boundary (utils/schemas/common.ts).
    portal: text('portal').$type<CasePortal>().notNull(),
    marketplace: text('marketplace'),
    ref: text('ref').notNull(),
    orderId: text('order_id'),
    buyerKey: text('buyer_key'),
    status: text('status', { enum: ['open', 'waiting', 'resolved', 'closed'] })
      .notNull()
      .default('open'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // Kept by the events_case_metrics trigger (migration 0006): the first agent answer and the first
    // resolution, so the service report over a year of cases needs no per-case lookups.
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    firstResponderId: uuid('first_responder_id'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('cases_team_portal_kind_ref_idx').on(t.teamId, t.portal, t.kind, t.ref),
    index('cases_team_order_idx').on(t.teamId, t.orderId),
    index('cases_team_buyer_idx').on(t.teamId, t.buyerKey, t.updatedAt),
    // Reports: cases opened in a date range.
    index('cases_team_opened_idx').on(t.teamId, t.openedAt),
    // Reports: an agent's own numbers (the cases they answered first) in a date range.
    index('cases_team_responder_opened_idx').on(t.teamId, t.firstResponderId, t.openedAt),
  ],
);

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    orderId: text('order_id'),
    type: text('type', { enum: ['note', 'decision', 'template_inserted', 'status', 'sla', 'created', 'handoff', 'handoff_answer'] }).notNull(),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    text: text('text').notNull().default(''),
    decision: text('decision', { enum: ['hold', 'release', 'fraud'] }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    idempotencyKey: text('idempotency_key'),
    /** Digest of the write the key was first used for (a reuse with another body answers 409). */
    requestDigest: text('request_digest'),
    createdAt: createdAt(),
    /** Insertion order: breaks ties between events with the same time (a case's `created` and its first note). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    // NULLs are distinct, so events written without a key (case creation) never collide.
    uniqueIndex('events_team_idempotency_idx').on(t.teamId, t.idempotencyKey),
    index('events_team_case_idx').on(t.teamId, t.caseId, t.createdAt, t.seq),
    index('events_team_order_idx').on(t.teamId, t.orderId, t.createdAt, t.seq),
    // Reports: template insertions (and other event kinds) in a date range.
    index('events_team_type_created_idx').on(t.teamId, t.type, t.createdAt),
  ],
);

export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['hold', 'release', 'fraud'] }).notNull(),
    reason: text('reason').notNull().default(''),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    scoreSeen: integer('score_seen'),
    createdAt: createdAt(),
  },
  (t) => [
    index('decisions_team_order_idx').on(t.teamId, t.orderId, t.createdAt),
    index('decisions_team_event_idx').on(t.teamId, t.eventId),
    // Reports: decisions over a date range.
    index('decisions_team_created_idx').on(t.teamId, t.createdAt),
  ],
);

/** One row per team: the fraud matrix, SLA policies and retention, validated by the app on read. */
export const settings = pgTable('settings', {
  teamId: uuid('team_id')
    .primaryKey()
    .references(() => teams.id, { onDelete: 'cascade' }),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: ['team', 'personal'] }).notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    language: text('language', { enum: ['en', 'de', 'fr', 'es', 'it'] }).notNull(),
    marketplaces: text('marketplaces')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    pageKinds: text('page_kinds')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    shortcut: text('shortcut'),
    version: integer('version').notNull().default(1),
    archived: boolean('archived').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who wrote the current version (template_versions.edited_by keeps the authors of earlier ones). */
    updatedBy: uuid('updated_by').references(() => agents.id, { onDelete: 'set null' }),
  },
  (t) => [index('templates_team_scope_idx').on(t.teamId, t.scope, t.archived), index('templates_team_owner_idx').on(t.teamId, t.ownerId)],
);

/** Every earlier body of a template, so an edit can be undone and audited. */
export const templateVersions = pgTable(
  'template_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    editedBy: uuid('edited_by').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('template_versions_team_template_version_idx').on(t.teamId, t.templateId, t.version)],
);

/** Requests per rate-limit key (token or client address) and one-minute window, shared across instances. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ name: 'rate_limit_hits_pkey', columns: [t.key, t.windowStart] }), index('rate_limit_hits_window_idx').on(t.windowStart)],
);
