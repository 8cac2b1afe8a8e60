import { portalDefinition } from '../../utils/portals/catalogue';
import type { CaseRecord } from '../../utils/schemas/api';
import type { QueueItem, QueueList } from '../../utils/schemas/admin';
import { slaState } from '../../utils/sla/state';
import type { Database } from '../db/open';
import { listQueue } from '../repositories/case-clocks';
import { snapshotOfClock } from './case-clock';

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

/** The team's open cases with a deadline, least time left first (breached ones, most overdue first). */
export async function loadQueue(db: Database, teamId: string, limit: number, now = new Date()): Promise<QueueList> {
  const rows = await listQueue(db, teamId, limit, now);
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
    });
  }
  return { items, serverTime: now.toISOString() };
}
