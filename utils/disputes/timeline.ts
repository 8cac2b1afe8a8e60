import type { PageContext } from '../schemas/page';
import type { DisputeHistory, DisputeLike, HistoryMessage } from './case-history';
import { formatMoney } from '../money';
import { snippet } from './format';
import { REASON_LABELS } from './reasons';

/** One dated line of a defence's chronology. Plain text. */
export type TimelineEntry = { at: string; text: string };

const SNIPPET = 140;
const AUTHOR: Record<HistoryMessage['from'], string> = {
  buyer: 'Buyer wrote',
  seller: 'We wrote to the buyer',
  customer_care: 'Customer Care wrote',
  marketplace: 'The marketplace wrote',
};

/**
 * The chronology of an order and its dispute, oldest first: purchase, shipment, delivery, returns,
 * messages, refunds, case status changes, the dispute itself. Case notes, fraud decisions and SLA
 * events are the team's internal record and stay out unless `includeNotes` asks for the notes.
 */
export function buildTimeline(input: { dispute: DisputeLike; context?: PageContext; history: DisputeHistory; includeNotes?: boolean }): TimelineEntry[] {
  const { dispute, context, history } = input;
  const out: TimelineEntry[] = [];
  const add = (at: string | undefined, text: string) => {
    if (at && !Number.isNaN(Date.parse(at))) out.push({ at, text });
  };

  add(context?.purchasedAt, `Order ${dispute.orderId} placed`);
  const tracking = history.trackingNumber ?? context?.trackingNumber;
  const carrier = history.carrier ?? context?.shippingService;
  add(history.shippedAt, `Shipped${carrier ? ` with ${carrier}` : ''}${tracking ? ` (tracking ${tracking})` : ''}`);
  add(history.deliveredAt, 'Delivered, confirmed by the carrier');
  add(context?.return?.requestedAt, 'Return requested');
  add(context?.return?.receivedAt, 'Return received');
  for (const m of history.messages ?? []) add(m.at, `${AUTHOR[m.from]}: "${snippet(m.text, SNIPPET)}"`);
  for (const r of history.refunds ?? []) add(r.at, `Refund of ${formatMoney(r.amount)} issued${r.reference ? ` (reference ${r.reference})` : ''}`);
  for (const e of history.events) {
    if (e.type === 'created') add(e.createdAt, 'Case opened');
    else if (e.type === 'status') add(e.createdAt, `Case status: ${snippet(e.text, SNIPPET)}`);
    else if (e.type === 'note' && input.includeNotes) add(e.createdAt, `Note${e.agentName ? ` by ${e.agentName}` : ''}: ${snippet(e.text, SNIPPET)}`);
  }
  add(dispute.filedAt, `Dispute filed: ${dispute.reasonText ? snippet(dispute.reasonText, SNIPPET) : REASON_LABELS[dispute.reason]}`);

  const seen = new Set<string>();
  return out
    .filter((e) => {
      const key = `${Date.parse(e.at)}|${e.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
