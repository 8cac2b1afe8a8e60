import { portalDefinition } from '../../utils/portals/catalogue';
import type { CaseRecord } from '../../utils/schemas/api';
import type { QueueItem, QueueList } from '../../utils/schemas/admin';
import { slaState } from '../../utils/sla/state';
import type { Database } from '../db/open';
import { listQueue } from '../repositories/case-clocks';
import { findOrderCases } from '../repositories/cases';
import { listOpenProcessorDisputes, type DisputeRow } from '../repositories/disputes';
import { findOrdersByIds } from '../repositories/orders';
import { snapshotOfClock } from './case-clock';
import { DEFAULT_POLICIES } from '../../utils/sla/policies';
import type { SlaSnapshot } from '../../utils/schemas/sla';

/**
 * Where to open a case: where its portal says (an order's own page, on the host the team last used for
 * it), else the page it was last seen on.
 */
export function portalUrlFor(caseRecord: CaseRecord, pageUrl: string | null): string | null {
  const caseUrl = portalDefinition(caseRecord.portal)?.caseUrl;
  return caseUrl?.(caseRecord, pageUrl ? safeHost(pageUrl) : undefined) ?? pageUrl;
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The team's open cases with a deadline and the card disputes and alerts still waiting for an answer,
 * least time left first (breached ones, most overdue first).
 */
export async function loadQueue(db: Database, teamId: string, limit: number, now = new Date()): Promise<QueueList> {
  const [rows, disputeItems] = await Promise.all([listQueue(db, teamId, limit, now), disputeQueueItems(db, teamId, limit, now)]);
  const items: QueueItem[] = [];
  for (const { clock, caseRecord, buyerName } of rows) {
    const sla = snapshotOfClock(clock, now);
    if (!sla) continue;
    const { state, remainingMs } = slaState(sla, now.getTime());
    items.push({
      case: caseRecord,
      sla,
      title: `${sla.label} · ${caseRecord.ref}`,
      url: portalUrlFor(caseRecord, clock.pageUrl),
      state,
      remainingMs: Math.round(remainingMs),
      buyerName,
      dispute: null,
    });
  }
  const merged = [...items, ...disputeItems].sort((a, b) => rankOf(a, now) - rankOf(b, now));
  return { items: merged.slice(0, limit), serverTime: now.toISOString() };
}

/** When an item runs out: a paused clock as if it ran on from now, else its deadline (the SQL's own order). */
function rankOf(item: QueueItem, now: Date): number {
  if (item.sla.paused && item.sla.remainingAtPauseMs !== undefined) return now.getTime() + item.sla.remainingAtPauseMs;
  return Date.parse(item.sla.deadline);
}

const PROVIDER_NAMES: Record<string, string> = { stripe: 'Stripe', adyen: 'Adyen', paypal: 'PayPal', ethoca: 'Ethoca', verifi: 'Verifi' };
const STAGE_NAMES: Record<NonNullable<DisputeRow['stage']>, string> = {
  alert: 'Pre-dispute alert',
  inquiry: 'Card inquiry',
  chargeback: 'Chargeback',
  pre_arbitration: 'Pre-arbitration',
};

/**
 * Processor disputes and alerts nobody has answered yet: no portal page runs a clock for them, so their
 * clock is the dispute's own deadline (the processor's due date, else the network's window). Each is
 * shown on its order's case (every processor event writes to it), which the row opens in the inbox.
 */
async function disputeQueueItems(db: Database, teamId: string, limit: number, now: Date): Promise<QueueItem[]> {
  const rows = await listOpenProcessorDisputes(db, teamId, limit);
  if (rows.length === 0) return [];
  const orderIds = rows.map((r) => r.orderId);
  const [casesByOrder, orders] = await Promise.all([findOrderCases(db, teamId, orderIds), findOrdersByIds(db, teamId, orderIds)]);
  const buyerByOrder = new Map(orders.map((o) => [o.orderId, o.buyerName || null]));
  const items: QueueItem[] = [];
  for (const row of rows) {
    const caseRecord = casesByOrder.get(row.orderId);
    // Every stored processor event writes the order case's history first; a dispute without one is mid-write.
    if (!caseRecord) continue;
    const sla: SlaSnapshot = {
      caseKind: 'card_dispute',
      label: `${row.stage ? STAGE_NAMES[row.stage] : 'Card dispute'} · ${PROVIDER_NAMES[row.source] ?? row.source}`,
      startedAt: row.filedAt.toISOString(),
      deadline: row.deadline.toISOString(),
      warningFraction: DEFAULT_POLICIES.policies.card_dispute.warningFraction,
      paused: false,
      policyVersion: 0,
      startedFrom: 'page',
      startSource: 'notice',
    };
    const { state, remainingMs } = slaState(sla, now.getTime());
    items.push({
      case: caseRecord,
      sla,
      title: `${sla.label} · ${row.orderMatch === 'unmatched' ? row.externalId : row.orderId}`,
      url: null,
      state,
      remainingMs: Math.round(remainingMs),
      buyerName: buyerByOrder.get(row.orderId) ?? null,
      dispute: {
        id: row.id,
        source: row.source,
        stage: row.stage,
        network: row.network,
        reasonGroup: row.reasonGroup,
        amount: { amountMinor: row.amountMinor, currency: row.currency },
        unmatched: row.orderMatch === 'unmatched',
      },
    });
  }
  return items;
}
