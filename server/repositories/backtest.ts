import { sql } from 'drizzle-orm';
import type { DecisionKind } from '../../utils/schemas/fraud';
import type { Database } from '../db/open';

export interface FinalDecision {
  orderId: string;
  kind: DecisionKind;
  decidedAt: Date;
}

/**
 * Each order's last decision made since `from` (the agents' final word is what a matrix is measured
 * against), newest first, at most `limit` orders. Uses the decisions (team_id, created_at) index.
 */
export async function listFinalDecisions(db: Database, teamId: string, from: Date, limit: number): Promise<FinalDecision[]> {
  const result = await db.execute(sql`
    select order_id, kind, created_at from (
      select distinct on (d.order_id) d.order_id, d.kind, d.created_at
      from decisions d
      where d.team_id = ${teamId} and d.created_at >= ${from.toISOString()}::timestamptz
      order by d.order_id, d.created_at desc, d.id desc
    ) last order by created_at desc limit ${limit}`);
  const rows = (result as unknown as { rows: Array<{ order_id: string; kind: DecisionKind; created_at: string | Date }> }).rows;
  return rows.map((r) => ({ orderId: r.order_id, kind: r.kind, decidedAt: new Date(r.created_at) }));
}

/** An order as the fraud engine's related-order and count rules see it. */
export interface PartyOrder {
  orderId: string;
  buyerKey: string | null;
  addressKey: string | null;
  phoneKey: string | null;
  placedAt: Date;
  totalMinor: number | null;
  currency: string | null;
}

export interface PartyCase {
  kind: 'claim' | 'return' | 'chargeback';
  ref: string;
  orderId: string | null;
  /** The case's own buyer key, and the address key of its order (cases are matched to addresses through orders). */
  buyerKey: string | null;
  addressKey: string | null;
}

export interface PartyDecision {
  orderId: string;
  kind: DecisionKind;
  buyerKey: string | null;
  addressKey: string | null;
}

type Keys = { buyerKeys: string[]; addressKeys: string[]; phoneKeys: string[] };

const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/**
 * Everything the back-test needs about the parties of its decided orders, in three set-based queries
 * instead of six per decision: every order sharing a buyer, address or phone key; their claim, return
 * and chargeback cases; and each of their orders' last decision.
 */
export async function loadPartyData(db: Database, teamId: string, keys: Keys): Promise<{ orders: PartyOrder[]; cases: PartyCase[]; decisions: PartyDecision[] }> {
  const { buyerKeys, addressKeys, phoneKeys } = keys;
  if (buyerKeys.length + addressKeys.length + phoneKeys.length === 0) return { orders: [], cases: [], decisions: [] };
  const B = textArray(buyerKeys);
  const A = textArray(addressKeys);
  const P = textArray(phoneKeys);
  const [orderRows, caseRows, decisionRows] = await Promise.all([
    db.execute(sql`
      select o.order_id, o.buyer_key, o.address_key, o.phone_key, coalesce(o.purchased_at, o.first_seen_at) as placed_at, o.total_minor, o.currency
      from orders o
      where o.team_id = ${teamId} and (o.buyer_key = any(${B}) or o.address_key = any(${A}) or o.phone_key = any(${P}))`),
    db.execute(sql`
      select c.kind, c.ref, c.order_id, c.buyer_key, o.address_key
      from cases c
      left join lateral (
        select o.address_key from orders o where o.team_id = c.team_id and o.order_id = c.order_id and o.address_key = any(${A}) limit 1
      ) o on true
      where c.team_id = ${teamId} and c.kind in ('claim', 'return', 'chargeback')
        and (c.buyer_key = any(${B}) or o.address_key is not null)
      order by c.opened_at desc`),
    db.execute(sql`
      select distinct on (d.order_id) d.order_id, d.kind, po.buyer_key, po.address_key
      from decisions d
      join (
        select o.order_id, max(o.buyer_key) filter (where o.buyer_key = any(${B})) as buyer_key,
               max(o.address_key) filter (where o.address_key = any(${A})) as address_key
        from orders o
        where o.team_id = ${teamId} and (o.buyer_key = any(${B}) or o.address_key = any(${A}))
        group by o.order_id
      ) po on po.order_id = d.order_id
      where d.team_id = ${teamId}
      order by d.order_id, d.created_at desc, d.id desc`),
  ]);
  type Row = Record<string, unknown>;
  const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    orders: rowsOf(orderRows).map((r) => ({
      orderId: String(r.order_id),
      buyerKey: str(r.buyer_key),
      addressKey: str(r.address_key),
      phoneKey: str(r.phone_key),
      placedAt: new Date(r.placed_at as string | Date),
      totalMinor: r.total_minor === null ? null : Number(r.total_minor),
      currency: str(r.currency),
    })),
    cases: rowsOf(caseRows).map((r) => ({
      kind: r.kind as PartyCase['kind'],
      ref: String(r.ref),
      orderId: str(r.order_id),
      buyerKey: str(r.buyer_key),
      addressKey: str(r.address_key),
    })),
    decisions: rowsOf(decisionRows).map((r) => ({ orderId: String(r.order_id), kind: r.kind as DecisionKind, buyerKey: str(r.buyer_key), addressKey: str(r.address_key) })),
  };
}
