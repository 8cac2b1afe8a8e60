import { portalDefinition } from '../../utils/portals/catalogue';
import type { DisputeHistory, DisputeLike, HistoryMessage, ProvidedEvidence } from '../../utils/disputes';
import type { CaseEvent } from '../../utils/schemas/api';
import { PageContext } from '../../utils/schemas/page';
import type { DisputeRow, EvidenceRow } from '../repositories/disputes';
import type { OrderRow } from '../repositories/orders';

/**
 * What the team's records know about a dispute's order, in the shapes the disputes engine reads: the
 * order snapshot as a page context, the case history, messages and tracking. Pure.
 */

/** Events this feature wrote itself (evidence added, status changed) are bookkeeping, not history. */
export const isDisputeEvent = (e: CaseEvent) => typeof e.data?.['disputeId'] === 'string';

/** When an agent first opened a case in Caseside says nothing about the order, so a defence leaves it out. */
const isEvidenceOfOrder = (e: CaseEvent) => !isDisputeEvent(e) && e.type !== 'created';

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The order as the team has seen it: the stored snapshot (every page's facts merged) under the current
 * page, whose non-empty values win. A snapshot that no longer parses is ignored rather than failing.
 */
export function contextFor(order: OrderRow | undefined, page?: PageContext): PageContext | undefined {
  const parsed = order ? PageContext.safeParse({ ...order.snapshot, recognition: { status: 'full', missing: [] } }) : undefined;
  const stored = parsed?.success ? parsed.data : undefined;
  if (!stored) return page;
  if (!page) return stored;
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(page)) if (!isEmpty(value)) merged[key] = value;
  const checked = PageContext.safeParse(merged);
  return checked.success ? checked.data : page;
}

function messagesOf(ctx: PageContext | undefined): HistoryMessage[] {
  const m = ctx?.message;
  if (!m?.body || !m.receivedAt) return [];
  const from: HistoryMessage['from'] = (ctx ? portalDefinition(ctx.portal)?.messagesFrom : undefined) ?? 'buyer';
  return [{ at: m.receivedAt, from, text: m.body }];
}

export function historyFor(events: CaseEvent[], ctx: PageContext | undefined): DisputeHistory {
  const history: DisputeHistory = {
    events: events.filter(isEvidenceOfOrder).map((e) => ({ type: e.type, text: e.text, createdAt: e.createdAt, agentName: e.agentName, data: e.data })),
    messages: messagesOf(ctx),
  };
  if (ctx?.trackingNumber) history.trackingNumber = ctx.trackingNumber;
  if (ctx?.shippingService) history.carrier = ctx.shippingService;
  return history;
}

export function disputeLike(row: DisputeRow): DisputeLike {
  return {
    id: row.externalId,
    kind: row.kind,
    orderId: row.orderId,
    reason: row.reason as DisputeLike['reason'],
    amount: { amountMinor: row.amountMinor, currency: row.currency },
    filedAt: row.filedAt.toISOString(),
    deadline: row.deadline.toISOString(),
    status: row.status,
    ...(row.network ? { network: row.network } : {}),
    ...(row.reasonCode ? { reasonCode: row.reasonCode } : {}),
    ...(row.reasonText ? { reasonText: row.reasonText } : {}),
    source: row.source,
    ...(row.stage ? { stage: row.stage } : {}),
    ...(row.reasonGroup ? { reasonGroup: row.reasonGroup } : {}),
    orderMatch: row.orderMatch,
    ...(row.processorStatus ? { processorStatus: row.processorStatus } : {}),
  };
}

export function providedOf(rows: EvidenceRow[]): ProvidedEvidence[] {
  return rows.map((r) => ({
    key: r.key,
    ...(r.label ? { label: r.label } : {}),
    ...(r.value ? { value: r.value } : {}),
    ...(r.attachmentId ? { attachmentId: r.attachmentId } : {}),
    ...(r.notApplicable ? { notApplicable: true } : {}),
  }));
}
