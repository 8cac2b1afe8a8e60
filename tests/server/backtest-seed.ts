import { PageContext } from '../../utils/schemas/page';
import type { Database } from '../../server/db/open';
import { cases, decisions, orders } from '../../server/db/schema';
import { newOrderId, orderPage } from './harness';

const HOUR = 3_600_000;
/** Real time, so a back-test through the API (which uses the server's clock) sees the same orders. */
export const BACKTEST_NOW = new Date();
const NOW = BACKTEST_NOW;

/**
 * `count` decided orders, spread over the last days, sharing buyer, address and phone keys in a few
 * groups (one buyer with many orders is the case that took 81 s), with claims, returns and fraud flags.
 */
export async function seedDecidedOrders(db: Database, teamId: string, count: number, groups: number) {
  const orderRows = [];
  const decisionRows = [];
  const caseRows = [];
  for (let i = 0; i < count; i++) {
    const orderId = newOrderId();
    const placed = new Date(NOW.getTime() - (i * 1.5 + 1) * HOUR);
    const g = i % groups;
    const snapshot = PageContext.parse(orderPage({ orderId, purchasedAt: placed.toISOString() }));
    orderRows.push({
      teamId,
      portal: 'amazon',
      marketplace: 'DE',
      orderId,
      buyerKey: `buyer-${g}`,
      addressKey: `addr-${i % (groups + 1)}`,
      phoneKey: i % 3 === 0 ? `phone-${g}` : null,
      totalMinor: 1000 + i,
      currency: 'EUR',
      purchasedAt: i % 10 === 0 ? null : placed,
      firstSeenAt: placed,
      snapshot: snapshot as unknown as Record<string, unknown>,
      addressChangedAt: i % 11 === 0 ? placed : null,
    });
    const kind = (['hold', 'release', 'fraud'] as const)[i % 3]!;
    decisionRows.push({ teamId, orderId, kind: i % 5 === 0 ? 'hold' : kind, createdAt: new Date(placed.getTime() + HOUR) });
    // A later change of mind on some: the last decision counts.
    if (i % 4 === 0)
      decisionRows.push({
        teamId,
        orderId,
        kind: kind === 'fraud' ? ('release' as const) : ('fraud' as const),
        createdAt: new Date(placed.getTime() + 2 * HOUR),
      });
    if (i % 6 === 0) {
      const caseKind = (['claim', 'return', 'chargeback'] as const)[i % 3]!;
      caseRows.push({
        teamId,
        kind: caseKind,
        portal: 'amazon' as const,
        ref: `${caseKind}-${orderId}`,
        orderId,
        buyerKey: i % 12 === 0 ? `buyer-${g}` : null,
        openedAt: new Date(placed.getTime() + i),
      });
    }
  }
  for (let i = 0; i < orderRows.length; i += 500) await db.insert(orders).values(orderRows.slice(i, i + 500));
  for (let i = 0; i < decisionRows.length; i += 1000) await db.insert(decisions).values(decisionRows.slice(i, i + 1000));
  for (let i = 0; i < caseRows.length; i += 1000) await db.insert(cases).values(caseRows.slice(i, i + 1000));
}
