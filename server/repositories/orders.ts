import { and, count, desc, eq, gte, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/open';
import { orders } from '../db/schema';

export type OrderRow = typeof orders.$inferSelect;

export interface OrderSnapshotInput {
  portal: string;
  marketplace: string | null;
  orderId: string;
  buyerName: string | null;
  buyerKey: string | null;
  addressKey: string | null;
  phoneKey: string | null;
  country: string | null;
  totalMinor: number | null;
  currency: string | null;
  purchasedAt: Date | null;
  shipService: string | null;
  snapshot: Record<string, unknown>;
}

/**
 * Inserts or refreshes the team's snapshot of an order. A page that does not show a value (a claim page
 * has no address) keeps what an earlier page showed, so values are coalesced rather than overwritten.
 */
export async function upsertOrderSnapshot(db: Database, teamId: string, input: OrderSnapshotInput, now = new Date()): Promise<OrderRow> {
  const keep = (column: string) => sql.raw(`coalesce(excluded.${column}, orders.${column})`);
  const [row] = await db
    .insert(orders)
    .values({ teamId, ...input, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({
      target: [orders.teamId, orders.portal, orders.orderId],
      set: {
        marketplace: keep('marketplace'),
        buyerName: keep('buyer_name'),
        buyerKey: keep('buyer_key'),
        addressKey: keep('address_key'),
        phoneKey: keep('phone_key'),
        country: keep('country'),
        totalMinor: keep('total_minor'),
        currency: keep('currency'),
        purchasedAt: keep('purchased_at'),
        shipService: keep('ship_service'),
        snapshot: sql`orders.snapshot || excluded.snapshot`,
        addressChangedAt: sql`case
          when orders.address_key is not null and excluded.address_key is not null and orders.address_key <> excluded.address_key
            then coalesce(orders.address_changed_at, ${now.toISOString()}::timestamptz)
          else orders.address_changed_at end`,
        redactedAt: null,
        lastSeenAt: now,
      },
    })
    .returning();
  return row!;
}

export async function findOrder(db: Database, teamId: string, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.teamId, teamId), eq(orders.orderId, orderId)))
    .orderBy(desc(orders.lastSeenAt))
    .limit(1);
  return row;
}

/** The team's other orders sharing the address, buyer or phone key, placed within [from, to]. */
export async function findRelatedOrders(
  db: Database,
  teamId: string,
  keys: { addressKey: string | null; buyerKey: string | null; phoneKey: string | null },
  options: { excludeOrderId: string | null; from: Date; to: Date; limit?: number },
): Promise<OrderRow[]> {
  const matches: SQL[] = [];
  if (keys.addressKey) matches.push(eq(orders.addressKey, keys.addressKey));
  if (keys.buyerKey) matches.push(eq(orders.buyerKey, keys.buyerKey));
  if (keys.phoneKey) matches.push(eq(orders.phoneKey, keys.phoneKey));
  if (matches.length === 0) return [];
  const placedAt = sql`coalesce(${orders.purchasedAt}, ${orders.firstSeenAt})`;
  return db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.teamId, teamId),
        or(...matches),
        gte(placedAt, options.from),
        lte(placedAt, options.to),
        options.excludeOrderId ? ne(orders.orderId, options.excludeOrderId) : undefined,
      ),
    )
    .orderBy(desc(placedAt))
    .limit(options.limit ?? 200);
}

/** How many other orders this buyer placed with the team before `before`. */
export async function countEarlierBuyerOrders(db: Database, teamId: string, buyerKey: string, excludeOrderId: string | null, before: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(orders)
    .where(
      and(
        eq(orders.teamId, teamId),
        eq(orders.buyerKey, buyerKey),
        lt(sql`coalesce(${orders.purchasedAt}, ${orders.firstSeenAt})`, before),
        excludeOrderId ? ne(orders.orderId, excludeOrderId) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export async function findOrdersByIds(db: Database, teamId: string, orderIds: string[]): Promise<OrderRow[]> {
  if (orderIds.length === 0) return [];
  return db.select().from(orders).where(and(eq(orders.teamId, teamId), inArray(orders.orderId, orderIds)));
}

/**
 * Retention: blanks the buyer's personal data (name, address/phone keys, snapshot) of the team's orders
 * placed (or first seen) before `cutoff`. The order id, totals and dates stay for statistics. Returns
 * the order ids it blanked.
 */
export async function redactOrdersBefore(db: Database, teamId: string, cutoff: Date, now = new Date()): Promise<string[]> {
  const rows = await db
    .update(orders)
    .set({ buyerName: null, buyerKey: null, addressKey: null, phoneKey: null, snapshot: {}, redactedAt: now })
    .where(and(eq(orders.teamId, teamId), isNull(orders.redactedAt), lt(sql`coalesce(${orders.purchasedAt}, ${orders.firstSeenAt})`, cutoff)))
    .returning({ orderId: orders.orderId });
  return rows.map((r) => r.orderId);
}
