import { sql } from 'drizzle-orm';
import type { Database } from '../db/open';

/** What the fraud score reads about a buyer or an address: their dispute cases and fraud-flagged orders. */
export interface PartyRecords {
  /** Claim, return and chargeback cases, newest first. */
  cases: Array<{ kind: 'claim' | 'return' | 'chargeback'; ref: string }>;
  /** Orders whose latest decision is `fraud` (a flag later released does not count), in order id order. */
  flagged: string[];
}

type Row = { party: 'buyer' | 'address'; what: 'case' | 'flag'; kind: string | null; ref: string };

/**
 * The buyer's and the address's dispute cases and fraud-flagged orders, other than `excludeOrderId`'s,
 * in one statement (they were four round trips per panel load). The buyer's cases are those carrying
 * their buyer key; the address's are the cases of the orders shipped there; fraud flags are the latest
 * decision of each of the party's orders.
 */
export async function readPartyRecords(
  db: Database,
  teamId: string,
  parties: { buyerKey: string | null; addressKey: string | null },
  excludeOrderId: string,
): Promise<{ buyer?: PartyRecords; address?: PartyRecords }> {
  const { buyerKey, addressKey } = parties;
  if (!buyerKey && !addressKey) return {};
  const result = await db.execute(sql`
    with party_orders as (
      select 'buyer'::text as party, o.order_id from orders o where o.team_id = ${teamId} and o.buyer_key = ${buyerKey}
      union all
      select 'address'::text, o.order_id from orders o where o.team_id = ${teamId} and o.address_key = ${addressKey}
    ),
    latest as (
      select distinct on (p.party, d.order_id) p.party, d.order_id, d.kind
      from party_orders p join decisions d on d.team_id = ${teamId} and d.order_id = p.order_id
      where d.order_id <> ${excludeOrderId}
      order by p.party, d.order_id, d.created_at desc, d.id desc
    ),
    party_cases as (
      select 'buyer'::text as party, c.kind, c.ref, c.opened_at from cases c
      where c.team_id = ${teamId} and c.buyer_key = ${buyerKey} and c.kind in ('claim', 'return', 'chargeback')
        and c.order_id is distinct from ${excludeOrderId}
      union all
      select 'address'::text, c.kind, c.ref, c.opened_at from cases c
      where c.team_id = ${teamId} and c.kind in ('claim', 'return', 'chargeback') and c.order_id is distinct from ${excludeOrderId}
        and c.order_id in (select p.order_id from party_orders p where p.party = 'address')
    )
    select party, 'flag' as what, null as kind, order_id as ref, null::timestamptz as opened_at from latest where kind = 'fraud'
    union all
    select party, 'case', kind, ref, opened_at from party_cases
    order by what, opened_at desc, ref`);
  const rows = ((result as { rows?: Row[] }).rows ?? (result as unknown as Row[])) as Row[];
  const empty = (): PartyRecords => ({ cases: [], flagged: [] });
  const out: { buyer?: PartyRecords; address?: PartyRecords } = {};
  if (buyerKey) out.buyer = empty();
  if (addressKey) out.address = empty();
  for (const row of rows) {
    const records = out[row.party];
    if (!records) continue;
    if (row.what === 'flag') records.flagged.push(row.ref);
    else records.cases.push({ kind: row.kind as PartyRecords['cases'][number]['kind'], ref: row.ref });
  }
  return out;
}
