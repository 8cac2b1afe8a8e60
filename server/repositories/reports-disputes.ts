import { sql, type SQL } from 'drizzle-orm';
import type { DeadlineBucket } from '../../utils/schemas/reports';
import type { Database } from '../db/open';
import { marketplaceClause, num, queryRows, type ReportFilter } from './reports-scope';

/**
 * Dispute aggregates over the disputes tables. Open disputes use disputes_team_status_deadline_idx;
 * decided ones are found by decided_at (disputes_team_decided_idx, migration reports_indexes).
 * An agent's disputes are those whose case they wrote on.
 */

function agentClause(f: ReportFilter): SQL {
  return f.agentId === null
    ? sql``
    : sql` and exists (select 1 from events e where e.team_id = ${f.teamId} and e.case_id = d.case_id and e.agent_id = ${f.agentId})`;
}

export async function openDisputesByDeadline(
  db: Database,
  f: ReportFilter,
  now: Date,
): Promise<{ bucket: DeadlineBucket; currency: string; disputes: number; amountMinor: number }[]> {
  const nowIso = now.toISOString();
  const rows = await queryRows<{ bucket: DeadlineBucket; currency: string; disputes: unknown; amount: unknown }>(
    db,
    sql`select case when d.deadline < ${nowIso}::timestamptz then 'overdue'
                    when d.deadline < ${nowIso}::timestamptz + interval '2 days' then 'within_2_days'
                    when d.deadline < ${nowIso}::timestamptz + interval '7 days' then 'within_7_days'
                    else 'later' end as bucket,
               d.currency, count(*)::int as disputes, sum(d.amount_minor)::float8 as amount
        from disputes d
        where d.team_id = ${f.teamId} and d.status in ('open', 'responded')${marketplaceClause(sql`d.marketplace`, f.marketplace)}${agentClause(f)}
        group by 1, 2`,
  );
  const order: DeadlineBucket[] = ['overdue', 'within_2_days', 'within_7_days', 'later'];
  return rows
    .map((r) => ({ bucket: r.bucket, currency: r.currency, disputes: num(r.disputes), amountMinor: num(r.amount) }))
    .sort((a, b) => order.indexOf(a.bucket) - order.indexOf(b.bucket) || a.currency.localeCompare(b.currency));
}

function decidedInRange(f: ReportFilter): SQL {
  return sql`d.team_id = ${f.teamId} and d.outcome is not null and d.decided_at >= ${f.from.toISOString()} and d.decided_at < ${f.to.toISOString()}${marketplaceClause(sql`d.marketplace`, f.marketplace)}${agentClause(f)}`;
}

export async function winRateByReason(db: Database, f: ReportFilter): Promise<{ reason: string; won: number; lost: number }[]> {
  const rows = await queryRows<{ reason: string; won: unknown; lost: unknown }>(
    db,
    sql`select d.reason, count(*) filter (where d.outcome = 'won')::int as won, count(*) filter (where d.outcome = 'lost')::int as lost
        from disputes d where ${decidedInRange(f)} group by d.reason order by count(*) desc, d.reason`,
  );
  return rows.map((r) => ({ reason: r.reason, won: num(r.won), lost: num(r.lost) }));
}

export async function moneyRecovered(
  db: Database,
  f: ReportFilter,
): Promise<{ currency: string; decided: number; won: number; disputedMinor: number; recoveredMinor: number }[]> {
  const rows = await queryRows<{ currency: string; decided: unknown; won: unknown; disputed: unknown; recovered: unknown }>(
    db,
    sql`select d.currency, count(*)::int as decided, count(*) filter (where d.outcome = 'won')::int as won,
               sum(d.amount_minor)::float8 as disputed, coalesce(sum(d.recovered_minor), 0)::float8 as recovered
        from disputes d where ${decidedInRange(f)} group by d.currency order by d.currency`,
  );
  return rows.map((r) => ({
    currency: r.currency,
    decided: num(r.decided),
    won: num(r.won),
    disputedMinor: num(r.disputed),
    recoveredMinor: num(r.recovered),
  }));
}

/**
 * The rows that are, or began as, pre-dispute alerts and were received in the range. An alert is
 * prevented when the team refunded it or stopped the shipment and no chargeback followed on the same
 * payment or on the same matched order; it became a chargeback when one did, whatever the decision.
 */
export async function alertOutcomes(
  db: Database,
  f: ReportFilter,
): Promise<
  {
    source: string;
    currency: string;
    alerts: number;
    prevented: number;
    declined: number;
    undecided: number;
    becameChargeback: number;
    preventedMinor: number;
  }[]
> {
  const rows = await queryRows<{
    source: string;
    currency: string;
    alerts: unknown;
    prevented: unknown;
    declined: unknown;
    undecided: unknown;
    followed: unknown;
    prevented_minor: unknown;
  }>(
    db,
    sql`with a as (
          select d.source, d.currency, d.amount_minor, d.details ->> 'alertAction' as action,
                 (d.stage in ('chargeback', 'pre_arbitration') or exists (
                   select 1 from disputes c
                   where c.team_id = d.team_id and c.id <> d.id and c.stage in ('chargeback', 'pre_arbitration')
                     and ((d.payment_ref is not null and c.payment_ref = d.payment_ref) or (d.order_match <> 'unmatched' and c.order_id = d.order_id)))) as followed
          from disputes d
          where d.team_id = ${f.teamId} and (d.stage = 'alert' or (d.details ->> 'alertAction') is not null)
            and d.filed_at >= ${f.from.toISOString()} and d.filed_at < ${f.to.toISOString()}${marketplaceClause(sql`d.marketplace`, f.marketplace)}${agentClause(f)}
        )
        select source, currency, count(*)::int as alerts,
               count(*) filter (where action in ('refund', 'stop_fulfilment') and not followed)::int as prevented,
               count(*) filter (where action = 'decline')::int as declined,
               count(*) filter (where action is null)::int as undecided,
               count(*) filter (where followed)::int as followed,
               coalesce(sum(amount_minor) filter (where action in ('refund', 'stop_fulfilment') and not followed), 0)::float8 as prevented_minor
        from a group by source, currency order by source, currency`,
  );
  return rows.map((r) => ({
    source: r.source,
    currency: r.currency,
    alerts: num(r.alerts),
    prevented: num(r.prevented),
    declined: num(r.declined),
    undecided: num(r.undecided),
    becameChargeback: num(r.followed),
    preventedMinor: num(r.prevented_minor),
  }));
}

/**
 * Card chargebacks filed in the range by network and reason family and code, with the rate against the
 * own-shop orders the team saw in the same range (null when it saw none: there is nothing to divide by).
 */
export async function chargebacksByNetwork(
  db: Database,
  f: ReportFilter,
): Promise<{ network: string | null; reasonGroup: string | null; reasonCode: string | null; chargebacks: number; rate: number | null }[]> {
  const rows = await queryRows<{ network: string | null; reason_group: string | null; reason_code: string | null; chargebacks: unknown; orders: unknown }>(
    db,
    sql`select d.network, d.reason_group, d.reason_code, count(*)::int as chargebacks,
               (select count(*)::int from orders o where o.team_id = ${f.teamId} and o.portal = 'shop'
                  and coalesce(o.purchased_at, o.first_seen_at) >= ${f.from.toISOString()} and coalesce(o.purchased_at, o.first_seen_at) < ${f.to.toISOString()}) as orders
        from disputes d
        where d.team_id = ${f.teamId} and d.kind = 'card_dispute' and d.stage in ('chargeback', 'pre_arbitration')
          and d.filed_at >= ${f.from.toISOString()} and d.filed_at < ${f.to.toISOString()}${marketplaceClause(sql`d.marketplace`, f.marketplace)}${agentClause(f)}
        group by d.network, d.reason_group, d.reason_code
        order by count(*) desc, d.network nulls last, d.reason_code nulls last`,
  );
  return rows.map((r) => {
    const orders = num(r.orders);
    return {
      network: r.network,
      reasonGroup: r.reason_group,
      reasonCode: r.reason_code,
      chargebacks: num(r.chargebacks),
      rate: orders > 0 ? num(r.chargebacks) / orders : null,
    };
  });
}

/** Won and lost by where the dispute came from (a marketplace or a processor), decided in the range. */
export async function winRateBySource(db: Database, f: ReportFilter): Promise<{ source: string; won: number; lost: number }[]> {
  const rows = await queryRows<{ source: string; won: unknown; lost: unknown }>(
    db,
    sql`select d.source, count(*) filter (where d.outcome = 'won')::int as won, count(*) filter (where d.outcome = 'lost')::int as lost
        from disputes d where ${decidedInRange(f)} group by d.source order by count(*) desc, d.source`,
  );
  return rows.map((r) => ({ source: r.source, won: num(r.won), lost: num(r.lost) }));
}
