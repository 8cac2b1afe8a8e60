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

/** The order as stored under its unique key (the row an upsert of this snapshot would change). */
export async function findOrderByKey(db: Database, teamId: string, portal: string, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.teamId, teamId), eq(orders.portal, portal), eq(orders.orderId, orderId)))
    .limit(1);
  return row;
}

/**
 * Whether upserting `input` would leave `row` as it is (apart from the last-seen time): every value the
 * page shows is already stored, and every snapshot key it shows holds the same JSON. Lets a revisit of
 * an unchanged order skip the write.
 */
export function snapshotWouldChange(row: OrderRow, input: OrderSnapshotInput): boolean {
  if (row.redactedAt !== null) return true;
  const same = <T>(given: T | null, stored: T | null) => given === null || given === stored;
  if (
    !same(input.marketplace, row.marketplace) ||
    !same(input.buyerName, row.buyerName) ||
    !same(input.buyerKey, row.buyerKey) ||
    !same(input.addressKey, row.addressKey) ||
    !same(input.phoneKey, row.phoneKey) ||
    !same(input.country, row.country) ||
    !same(input.totalMinor, row.totalMinor) ||
    !same(input.currency, row.currency) ||
    !same(input.shipService, row.shipService) ||
    !same(input.purchasedAt?.getTime() ?? null, row.purchasedAt?.getTime() ?? null)
  ) {
    return true;
  }
  const stored = (row.snapshot ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(input.snapshot)) {
    if (value === undefined) continue;
    if (!sameJson(stored[key], value)) return true;
  }
  return false;
}

/** Equality as jsonb sees it: object key order does not matter, undefined members are absent. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((v, i) => sameJson(v, bs[i]));
  }
  const ae = Object.entries(a as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const bo = b as Record<string, unknown>;
  const bCount = Object.values(bo).filter((v) => v !== undefined).length;
  return ae.length === bCount && ae.every(([k, v]) => sameJson(v, bo[k]));
}

export interface OrderSeen {
  teamId: string;
  portal: string;
  orderId: string;
  at: Date;
}

/** Moves the orders' last-seen times forward (never back), many orders in one statement. */
export async function touchOrdersSeen(db: Database, seen: OrderSeen[]): Promise<void> {
  if (seen.length === 0) return;
  const rows = sql.join(
    seen.map((s) => sql`(${s.teamId}::uuid, ${s.portal}::text, ${s.orderId}::text, ${s.at.toISOString()}::timestamptz)`),
    sql`, `,
  );
  await db.execute(sql`
    update orders o set last_seen_at = v.at
    from (values ${rows}) as v(team_id, portal, order_id, at)
    where o.team_id = v.team_id and o.portal = v.portal and o.order_id = v.order_id and o.last_seen_at < v.at`);
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
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.teamId, teamId), inArray(orders.orderId, orderIds)));
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
