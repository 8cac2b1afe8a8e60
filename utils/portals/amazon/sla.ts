import type { PageContext } from '../../schemas/page';
import type { SlaPolicy } from '../../schemas/sla';
import { stillToShip, withStart, type PageClock } from '../../sla/page-clock';

export type AmazonClock =
  | 'amazon_buyer_message'
  | 'amazon_atoz_info_request'
  | 'amazon_atoz_appeal'
  | 'amazon_chargeback'
  | 'amazon_return_authorization'
  | 'amazon_refund_after_return'
  | 'amazon_mfn_shipment';

const hours = (amount: number) => ({ amount, unit: 'hours' as const });
const days = (amount: number) => ({ amount, unit: 'days' as const });
const policy = (label: string, p: Pick<SlaPolicy, 'clock' | 'duration'>, notifyLeadMinutes: number): SlaPolicy => ({
  label,
  warningFraction: 0.25,
  notifyLeadMinutes,
  ...p,
});

/** Amazon's published deadlines (docs/portals.md). */
export const AMAZON_POLICIES: Record<AmazonClock, SlaPolicy> = {
  // Weekends and holidays included; "no response needed" removes the message from the metric.
  amazon_buyer_message: policy('Buyer message reply', { clock: 'calendar', duration: hours(24) }, 120),
  // Amazon's own pages say 48 h in some places and 72 h in others: the shorter is the safe default.
  amazon_atoz_info_request: policy('A-to-z information request', { clock: 'calendar', duration: hours(48) }, 240),
  amazon_atoz_appeal: policy('A-to-z appeal', { clock: 'calendar', duration: days(30) }, 3 * 24 * 60),
  amazon_chargeback: policy('Chargeback response', { clock: 'calendar', duration: days(7) }, 24 * 60),
  amazon_return_authorization: policy('Return authorization', { clock: 'calendar', duration: hours(24) }, 120),
  amazon_refund_after_return: policy('Refund after return received', { clock: 'business', duration: days(2) }, 240),
  amazon_mfn_shipment: { label: 'Ship by', clock: 'shipBy', warningFraction: 0.25, notifyLeadMinutes: 240 },
};

// Fulfilment channel text for Amazon-fulfilled (FBA) orders; everything else shown is the seller's own.
const AMAZON_FULFILLED_RE = /amazon|\bfba\b|\bafn\b/i;
const APPEAL_RE = /appeal|einspruch|recours|apelaci|ricorso/i;

/** Which of Amazon's clocks a page's case runs on, with the start the page shows. */
export function amazonClockFor(ctx: PageContext): PageClock<AmazonClock> | null {
  switch (ctx.pageKind) {
    case 'message':
      return withStart({ caseKind: 'amazon_buyer_message' }, ctx.clockStart?.at ?? ctx.message?.receivedAt, ctx.clockStart?.endsAt);
    case 'claim': {
      const appeal = APPEAL_RE.test(`${ctx.claim?.stage ?? ''} ${ctx.claim?.status ?? ''}`);
      return withStart(
        { caseKind: appeal ? 'amazon_atoz_appeal' : 'amazon_atoz_info_request' },
        ctx.clockStart?.at ?? ctx.claim?.filedAt,
        ctx.clockStart?.endsAt,
      );
    }
    case 'chargeback':
      return withStart(
        { caseKind: 'amazon_chargeback' },
        ctx.clockStart?.at ?? ctx.chargeback?.notifiedAt,
        ctx.clockStart?.endsAt ?? ctx.chargeback?.respondBy,
      );
    case 'return':
    case 'refund':
      if (ctx.return?.receivedAt) return { caseKind: 'amazon_refund_after_return', startedAt: ctx.return.receivedAt };
      return ctx.pageKind === 'return' ? withStart({ caseKind: 'amazon_return_authorization' }, ctx.clockStart?.at ?? ctx.return?.requestedAt) : null;
    case 'order': {
      const mfn = !ctx.fulfilmentChannel || !AMAZON_FULFILLED_RE.test(ctx.fulfilmentChannel);
      if (!mfn || !ctx.shipBy || !stillToShip(ctx.orderStatus)) return null;
      return withStart({ caseKind: 'amazon_mfn_shipment', shipBy: ctx.shipBy }, ctx.purchasedAt);
    }
    default:
      return null;
  }
}
