import type { PageContext } from '../schemas/page';
import type { CardNetwork, SlaCaseKind } from '../schemas/sla';

/**
 * `startedAt`: when the clock started as the page shows it; `endsAt`: a deadline the page itself shows
 * (a chargeback's respond-by date), which the backend turns into the start the policy implies.
 */
export type PageClock = { caseKind: SlaCaseKind; startedAt?: string; endsAt?: string; shipBy?: string; cardNetwork?: CardNetwork };

/**
 * The card network behind a dispute reason: by name when the text says it, else by the code's shape
 * (Visa "10.4"/"13.1", Mastercard "4853", Discover "UA02", Amex "C08"/"F29"/"FR2").
 */
export function cardNetworkForReason(reason: string): CardNetwork | undefined {
  const text = reason.toLowerCase();
  if (/\bvisa\b/.test(text)) return 'visa';
  if (/\bmaster ?card\b|\bmc\b/.test(text)) return 'mastercard';
  if (/\bamex\b|\bamerican express\b/.test(text)) return 'amex';
  if (/\bdiscover\b/.test(text)) return 'discover';
  if (/\b1[0-3]\.\d{1,2}\b/.test(text)) return 'visa';
  if (/\b48\d{2}\b/.test(text)) return 'mastercard';
  if (/\bua\d{2}\b/.test(text)) return 'discover';
  if (/\b(?:[acfmp]\d{2}|fr\d)\b/.test(text)) return 'amex';
  return undefined;
}

// Fulfilment channel text for Amazon-fulfilled (FBA) orders; everything else shown is the seller's own.
const AMAZON_FULFILLED_RE = /amazon|\bfba\b|\bafn\b/i;
// Status text of orders that no longer need shipping (checked after the "unshipped" forms).
const STILL_TO_SHIP_RE = /unshipped|nicht versandt|non spedit|non exp[ée]di|no enviado|pending|ausstehend|en attente|pendiente|in sospeso/i;
const DONE_RE = /shipped|versandt|exp[ée]di|enviado|spedit|cancel|storniert|annul|anulad/i;

function stillToShip(status: string | undefined): boolean {
  if (!status) return true;
  return STILL_TO_SHIP_RE.test(status) || !DONE_RE.test(status);
}

/**
 * Which clock the page's case runs on, with the start instant when the page shows it (the backend
 * falls back to when the case was first seen). Null for pages without a deadline.
 */
export function caseKindForPage(ctx: PageContext): PageClock | null {
  const amazon = ctx.portal === 'amazon';
  switch (ctx.pageKind) {
    case 'message': {
      const caseKind: SlaCaseKind = amazon ? 'amazon_buyer_message' : 'zalando_customer_care';
      return withStart({ caseKind }, ctx.clockStart?.at ?? ctx.message?.receivedAt, ctx.clockStart?.endsAt);
    }
    case 'claim': {
      if (!amazon) return null;
      const appeal = /appeal|einspruch|recours|apelaci|ricorso/i.test(`${ctx.claim?.stage ?? ''} ${ctx.claim?.status ?? ''}`);
      return withStart({ caseKind: appeal ? 'amazon_atoz_appeal' : 'amazon_atoz_info_request' }, ctx.clockStart?.at ?? ctx.claim?.filedAt, ctx.clockStart?.endsAt);
    }
    case 'chargeback': {
      if (amazon) return withStart({ caseKind: 'amazon_chargeback' }, ctx.clockStart?.at ?? ctx.chargeback?.notifiedAt, ctx.clockStart?.endsAt ?? ctx.chargeback?.respondBy);
      const network = ctx.chargeback?.reason ? cardNetworkForReason(ctx.chargeback.reason) : undefined;
      return withStart(network ? { caseKind: 'card_dispute', cardNetwork: network } : { caseKind: 'card_dispute' }, ctx.chargeback?.notifiedAt);
    }
    case 'return':
    case 'refund': {
      if (!amazon) return null;
      if (ctx.return?.receivedAt) return { caseKind: 'amazon_refund_after_return', startedAt: ctx.return.receivedAt };
      return ctx.pageKind === 'return' ? withStart({ caseKind: 'amazon_return_authorization' }, ctx.clockStart?.at ?? ctx.return?.requestedAt) : null;
    }
    case 'order': {
      if (amazon) {
        const mfn = !ctx.fulfilmentChannel || !AMAZON_FULFILLED_RE.test(ctx.fulfilmentChannel);
        if (!mfn || !ctx.shipBy || !stillToShip(ctx.orderStatus)) return null;
        return withStart({ caseKind: 'amazon_mfn_shipment', shipBy: ctx.shipBy }, ctx.purchasedAt);
      }
      // zDirect: an approved order must be exported within hours; the approval time is not on the page.
      return ctx.orderStatus && /\bapproved\b/i.test(ctx.orderStatus) ? { caseKind: 'zalando_order_export' } : null;
    }
    default:
      return null;
  }
}

function withStart(clock: PageClock, startedAt: string | undefined, endsAt?: string): PageClock {
  return { ...clock, ...(startedAt ? { startedAt } : {}), ...(endsAt ? { endsAt } : {}) };
}
