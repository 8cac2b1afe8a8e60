import { and, desc, eq, gte, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { CardPaymentInput } from '../../utils/disputes/payment-import';
import type { Database } from '../db/open';
import { disputes } from '../db/schema-disputes';
import { cardPayments } from '../db/schema-payments';

export type CardPaymentRow = typeof cardPayments.$inferSelect;

/** The stored columns an import writes, from one read row (absent values are stored as null). */
function columnsOf(p: CardPaymentInput) {
  return {
    format: p.format,
    paidAt: p.paidAt,
    cardRef: p.cardRef,
    amountMinor: p.amountMinor ?? null,
    currency: p.currency ?? null,
    ipAddress: p.ipAddress ?? null,
    deviceId: p.deviceId ?? null,
    shippingAddress: p.shippingAddress ?? null,
    accountId: p.accountId ?? null,
    email: p.email ?? null,
    orderId: p.orderId ?? null,
    disputed: p.disputed,
    fraudReported: p.fraudReported,
  };
}

/** Whether importing `p` would change the stored row. */
export function sameAsStored(stored: CardPaymentRow, p: CardPaymentInput): boolean {
  const next = columnsOf(p);
  return (Object.keys(next) as (keyof typeof next)[]).every((k) => {
    const a = stored[k];
    const b = next[k];
    return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
  });
}

const UPDATED = [
  'format',
  'paidAt',
  'cardRef',
  'amountMinor',
  'currency',
  'ipAddress',
  'deviceId',
  'shippingAddress',
  'accountId',
  'email',
  'orderId',
  'disputed',
  'fraudReported',
] as const;

/**
 * Inserts or updates one batch (payment ids unique within it) in one statement. A row whose values are
 * all unchanged is not touched, so importing a file again changes nothing; the answer counts both kinds.
 */
export async function upsertCardPayments(
  db: Database,
  teamId: string,
  batch: readonly CardPaymentInput[],
  now: Date,
): Promise<{ created: number; updated: number }> {
  if (batch.length === 0) return { created: 0, updated: 0 };
  const set = Object.fromEntries(UPDATED.map((k) => [k, sql.raw(`excluded."${cardPayments[k].name}"`)]));
  const distinct = sql.join(
    UPDATED.map((k) => sql`${cardPayments[k]} IS DISTINCT FROM ${sql.raw(`excluded."${cardPayments[k].name}"`)}`),
    sql` OR `,
  );
  const rows = await db
    .insert(cardPayments)
    .values(batch.map((p) => ({ teamId, paymentId: p.paymentId, importedAt: now, ...columnsOf(p) })))
    .onConflictDoUpdate({ target: [cardPayments.teamId, cardPayments.paymentId], set: { ...set, importedAt: now }, setWhere: distinct })
    .returning({ created: sql<boolean>`(xmax = 0)` });
  const created = rows.filter((r) => r.created).length;
  return { created, updated: rows.length - created };
}

export async function findCardPayments(db: Database, teamId: string, paymentIds: readonly string[]): Promise<CardPaymentRow[]> {
  if (paymentIds.length === 0) return [];
  return db
    .select()
    .from(cardPayments)
    .where(and(eq(cardPayments.teamId, teamId), inArray(cardPayments.paymentId, [...paymentIds])));
}

/** The payments on one card between two instants (newest first, at most `limit`), other than `except`. */
export async function paymentsOnCard(
  db: Database,
  teamId: string,
  cardRef: string,
  from: Date,
  to: Date,
  except: string,
  limit: number,
): Promise<CardPaymentRow[]> {
  return db
    .select()
    .from(cardPayments)
    .where(
      and(
        eq(cardPayments.teamId, teamId),
        eq(cardPayments.cardRef, cardRef),
        gte(cardPayments.paidAt, from),
        lt(cardPayments.paidAt, to),
        ne(cardPayments.paymentId, except),
      ),
    )
    .orderBy(desc(cardPayments.paidAt))
    .limit(limit);
}

/** Which of these payments the team holds a dispute on (from any source). */
export async function disputedPayments(db: Database, teamId: string, paymentIds: readonly string[]): Promise<Set<string>> {
  if (paymentIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ paymentRef: disputes.paymentRef })
    .from(disputes)
    .where(and(eq(disputes.teamId, teamId), isNotNull(disputes.paymentRef), inArray(disputes.paymentRef, [...paymentIds])));
  return new Set(rows.map((r) => r.paymentRef!));
}

/** Retention: the team's payments older than the cutoff go (they carry IP, e-mail and address). */
export async function deleteCardPaymentsBefore(db: Database, teamId: string, cutoff: Date): Promise<number> {
  const rows = await db
    .delete(cardPayments)
    .where(and(eq(cardPayments.teamId, teamId), lt(cardPayments.paidAt, cutoff)))
    .returning({ id: cardPayments.id });
  return rows.length;
}
