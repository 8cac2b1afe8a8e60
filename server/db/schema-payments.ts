import { bigint, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { teams } from './schema';

/**
 * The team's own card payments, imported from the processor's payments export (or the documented
 * layout), kept for Visa Compelling Evidence 3.0: earlier undisputed payments on the same card that
 * match a disputed one. The card is known only by the processor's fingerprint or token (`card_ref`),
 * never by its number; IP, device, address, account and e-mail are personal data and go with the
 * team's retention setting.
 */
export const cardPayments = pgTable(
  'card_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    /** The processor's payment id (Stripe ch_/py_, Adyen PSP reference): the disputes' payment_ref. */
    paymentId: text('payment_id').notNull(),
    /** stripe, or the layout's own (any processor). */
    format: text('format', { enum: ['stripe', 'payments'] }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    cardRef: text('card_ref').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    currency: text('currency'),
    ipAddress: text('ip_address'),
    deviceId: text('device_id'),
    shippingAddress: text('shipping_address'),
    accountId: text('account_id'),
    email: text('email'),
    orderId: text('order_id'),
    disputed: boolean('disputed').notNull().default(false),
    fraudReported: boolean('fraud_reported').notNull().default(false),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('card_payments_team_payment_idx').on(t.teamId, t.paymentId),
    index('card_payments_team_card_idx').on(t.teamId, t.cardRef, t.paidAt),
    index('card_payments_team_paid_idx').on(t.teamId, t.paidAt),
  ],
);
