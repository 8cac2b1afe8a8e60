import { amazonMarketplaceFor } from '../../utils/portals/amazon/marketplaces';
import type { CaseRecord } from '../../utils/schemas/api';
import type { QueueItem, QueueList } from '../../utils/schemas/admin';
import { slaState } from '../../utils/sla/state';
import type { Database } from '../db/open';
import { listQueue } from '../repositories/case-clocks';
import { snapshotOfClock } from './case-clock';

const SELLER_CENTRAL_HOST = /^sellercentral(?:-europe|-japan)?\.amazon\.[a-z.]+$/;

/**
 * Where to open a case: Amazon order cases open on their order page, on the Seller Central host the
 * team last used for it (sellercentral-europe.amazon.com for a unified EU account) or else the
 * marketplace's own; every other case opens on the page it was last seen on.
 */
export function portalUrlFor(caseRecord: CaseRecord, pageUrl: string | null): string | null {
  if (caseRecord.portal === 'amazon' && caseRecord.kind === 'order' && caseRecord.orderId) {
    const seenHost = pageUrl ? safeHost(pageUrl) : undefined;
    const tld = amazonMarketplaceFor(caseRecord.marketplace ?? undefined)?.tld;
    const host = seenHost && SELLER_CENTRAL_HOST.test(seenHost) ? seenHost : tld ? `sellercentral.amazon.${tld}` : undefined;
    if (host) return `https://${host}/orders-v3/order/${encodeURIComponent(caseRecord.orderId)}`;
  }
  return pageUrl;
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** The team's open cases with a deadline, least time left first (breached ones, most overdue first). */
export async function loadQueue(db: Database, teamId: string, limit: number, now = new Date()): Promise<QueueList> {
  const rows = await listQueue(db, teamId, limit, now);
  const items: QueueItem[] = [];
  for (const { clock, caseRecord, buyerName } of rows) {
    const sla = snapshotOfClock(clock, now);
    if (!sla) continue;
    const { state, remainingMs } = slaState(sla, now.getTime());
    items.push({ case: caseRecord, sla, title: `${sla.label} · ${caseRecord.ref}`, url: portalUrlFor(caseRecord, clock.pageUrl), state, remainingMs: Math.round(remainingMs), buyerName });
  }
  return { items, serverTime: now.toISOString() };
}
