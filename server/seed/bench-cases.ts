import type { caseClocks } from '../db/schema-admin';
import type { disputes } from '../db/schema-disputes';
import type { PageContextInput } from '../../utils/schemas/page';
import type { SlaCaseKind } from '../../utils/schemas/sla';
import { computeSlaDeadline } from '../../utils/sla/deadline';
import { DEFAULT_POLICIES } from '../../utils/sla/policies';

/**
 * What the bench year keeps beside a case besides its events: the dispute behind a claim or chargeback,
 * and the SLA clock the panel stores when it opens a case (server/services/case-clock.ts). Both take
 * the seed's PRNG so the year stays the same from run to run.
 */

const DAY_MS = 86_400_000;

const DISPUTE_REASONS = [
  ['not_received', 0.45],
  ['not_as_described', 0.3],
  ['fraud_card_absent', 0.1],
  ['credit_not_processed', 0.1],
  ['other', 0.05],
] as const;

/**
 * The dispute behind a claim or chargeback case, as the panel records it: A-to-z claims (48 h to answer)
 * and chargebacks (7 days) on Amazon, card disputes on Zalando orders. Older ones are decided (fought and
 * won or lost, refunded, accepted); the last weeks' are still open or answered.
 */
export function benchDispute(
  r: () => number,
  teamId: string,
  caseId: string,
  context: PageContextInput,
  kind: 'claim' | 'chargeback',
  filedAt: number,
  end: number,
): typeof disputes.$inferInsert {
  const amazon = context.portal === 'amazon';
  const disputeKind = !amazon ? 'card_dispute' : kind === 'claim' ? 'amazon_atoz' : 'amazon_chargeback';
  const deadline = filedAt + (disputeKind === 'amazon_atoz' ? 2 : 7) * DAY_MS;
  let x = r();
  let reason: (typeof DISPUTE_REASONS)[number][0] = 'other';
  for (const [name, share] of DISPUTE_REASONS) {
    if (x < share) {
      reason = name;
      break;
    }
    x -= share;
  }
  const amountMinor = context.totals!.total!.amountMinor;
  const y = r();
  const decidedAt = deadline + Math.floor((3 + r() * 40) * DAY_MS);
  const fought = y < 0.6;
  const won = r() < 0.55;
  const decided = decidedAt < end;
  const status = !decided ? (y < 0.3 ? 'open' : 'responded') : fought ? (won ? 'won' : 'lost') : y < 0.85 ? 'refunded' : 'accepted';
  return {
    teamId,
    kind: disputeKind,
    portal: amazon ? 'amazon' : 'zalando',
    source: amazon ? 'amazon' : 'zalando',
    marketplace: context.marketplace!.code,
    externalId: `${disputeKind}-${context.orderId!}`,
    orderId: context.orderId!,
    caseId,
    ...(amazon ? {} : { network: 'visa' as const }),
    reason,
    amountMinor,
    currency: context.totals!.total!.currency,
    filedAt: new Date(filedAt),
    deadline: new Date(deadline),
    status,
    ...(decided && fought
      ? { outcome: won ? ('won' as const) : ('lost' as const), decidedAt: new Date(decidedAt), recoveredMinor: won ? amountMinor : 0 }
      : {}),
    ...(status !== 'open' ? { respondedAt: new Date(filedAt + Math.floor(r() * (deadline - filedAt))) } : {}),
  };
}

/**
 * The clock the panel stores for a case, as it would have on its pages: message threads, claims
 * (information requests), chargebacks and returns get theirs when opened; an order keeps a ship-by clock
 * only while it is still to ship (the panel removes it once the page shows the order shipped), so only
 * open Amazon orders of the last days have one. Some buyer messages need no response.
 */
export function benchClock(
  r: () => number,
  teamId: string,
  caseId: string,
  context: PageContextInput,
  kind: 'order' | 'claim' | 'return' | 'chargeback' | 'message',
  status: 'open' | 'closed',
  openedAt: number,
  end: number,
): typeof caseClocks.$inferInsert | undefined {
  const amazon = context.portal === 'amazon';
  let caseKind: SlaCaseKind | undefined;
  if (kind === 'message') caseKind = amazon ? 'amazon_buyer_message' : 'zalando_customer_care';
  else if (kind === 'claim') caseKind = amazon ? 'amazon_atoz_info_request' : undefined;
  else if (kind === 'chargeback') caseKind = amazon ? 'amazon_chargeback' : 'card_dispute';
  else if (kind === 'return') caseKind = amazon ? 'amazon_return_authorization' : undefined;
  else if (amazon && status === 'open' && openedAt > end - 3 * DAY_MS) caseKind = 'amazon_mfn_shipment';
  if (!caseKind) return undefined;
  const policy = DEFAULT_POLICIES.policies[caseKind]!;
  const calendar = DEFAULT_POLICIES.calendar;
  const shipBy = caseKind === 'amazon_mfn_shipment' ? new Date(openedAt + 2 * DAY_MS) : null;
  const cardNetwork = caseKind === 'card_dispute' ? ('visa' as const) : null;
  const deadline = shipBy ?? computeSlaDeadline(new Date(openedAt), policy, calendar, cardNetwork ? { cardNetwork } : {});
  return {
    teamId,
    caseId,
    caseKind,
    startedAt: new Date(openedAt),
    shipBy,
    cardNetwork,
    marketplaceTimeZone: context.marketplace?.timeZone ?? null,
    policyVersion: DEFAULT_POLICIES.version,
    policy: { ...policy },
    calendar: { ...calendar },
    deadline,
    noResponseNeeded: caseKind === 'amazon_buyer_message' && r() < 0.05,
    pageUrl: context.url,
  };
}
