import type { CaseEvent, CaseRecord, OrderDispute, PanelData } from '../../utils/schemas/api';
import type { PageContext } from '../../utils/schemas/page';
import { handleOf, type Database } from '../db/open';
import { findCaseByKey, getCase, listCasesByBuyer, upsertCase } from '../repositories/cases';
import { listOrderDisputes, type DisputeRow } from '../repositories/disputes';
import { insertEvent, listEventsByCase, listEventsByOrder } from '../repositories/events';
import { findOrderByKey, snapshotWouldChange, upsertOrderSnapshot, type OrderRow } from '../repositories/orders';
import type { Caller } from '../repositories/tokens';
import { storedAlertAnswer } from './dispute-alerts';
import { buildInsights } from './insights';
import { pageKeysOf, type PageKeys } from './page-keys';
import { PanelBookkeeping, panelBookkeeping } from './panel-bookkeeping';
import { isTransaction, readTogether } from './parallel-reads';
import { loadTeamConfig, teamConfigCache, templatesFor, type TeamConfig } from './team-config-cache';

/**
 * POST /v1/panel: records what the agent is looking at (order snapshot, the page's case) and returns
 * everything the side panel shows. A list page or a non-work page records nothing.
 *
 * A revisit of a page that shows nothing new writes nothing: the order and case are read, compared with
 * what the page shows, and upserted only when something differs. The team's settings and templates come
 * from memory (services/team-config-cache.ts); page health, fired fraud indicators and the order's
 * last-seen time are noted for a batched write (services/panel-bookkeeping.ts).
 */
export async function loadPanel(db: Database, caller: Caller, ctx: PageContext, now = new Date()): Promise<PanelData> {
  const teamId = caller.team.id;
  const keys = pageKeysOf(ctx);
  // Inside a caller's transaction (the demo seed) the bookkeeping is written in that transaction.
  const inTransaction = isTransaction(db);
  const book = inTransaction ? new PanelBookkeeping(db) : panelBookkeeping(db);
  const config: TeamConfig = inTransaction ? await loadTeamConfig(db, teamId) : await teamConfigCache(db, handleOf(db).listen).get(teamId);
  book.notePage(teamId, ctx, now);

  const { order, caseRecord } = await recordPage(db, caller, keys, now, book);

  const [history, buyerCases, disputeRows, insights] = await readTogether(db, [
    () => loadHistory(db, teamId, caseRecord, keys.orderId),
    () => (keys.buyerKey && caseRecord ? listCasesByBuyer(db, teamId, keys.buyerKey, caseRecord.id) : Promise.resolve([])),
    () => (keys.orderId && caseRecord ? listOrderDisputes(db, teamId, keys.orderId) : Promise.resolve([])),
    () =>
      buildInsights(db, teamId, {
        ctx,
        order,
        caseRecord,
        settings: config.settings,
        matrix: config.matrix,
        policies: config.policies,
        templates: templatesFor(config, caller.agent.id),
        matching: { context: keys.matching, keys: keys.keys },
        now,
      }),
  ] as const);
  // The fraud report counts which indicators fire; one row per order and indicator, updated in place.
  if (insights.fraud && order) book.noteFraud(teamId, order.orderId, insights.fraud, now);
  if (inTransaction) await book.close();

  return {
    case: caseRecord,
    history,
    buyerCases,
    fraud: insights.fraud,
    sla: insights.sla,
    templates: insights.templates,
    agent: { id: caller.agent.id, name: caller.agent.name, role: caller.agent.role },
    serverTime: now.toISOString(),
    disputes: disputeRows.map(orderDispute),
  };
}

function orderDispute(row: DisputeRow): OrderDispute {
  return {
    id: row.id,
    externalId: row.externalId,
    kind: row.kind,
    source: row.source,
    stage: row.stage,
    status: row.status,
    network: row.network,
    reasonCode: row.reasonCode,
    amount: { amountMinor: row.amountMinor, currency: row.currency },
    deadline: row.deadline.toISOString(),
    ...storedAlertAnswer(row),
  };
}

/** The page's order and case as stored after this load; written only when the page shows something new. */
async function recordPage(
  db: Database,
  caller: Caller,
  keys: PageKeys,
  now: Date,
  book: PanelBookkeeping,
): Promise<{ order: OrderRow | undefined; caseRecord: CaseRecord | null }> {
  const teamId = caller.team.id;
  const { snapshot, caseKey } = keys;
  if (!caseKey) return { order: undefined, caseRecord: null };
  const [storedOrder, storedCase] = await readTogether(db, [
    () => (snapshot ? findOrderByKey(db, teamId, snapshot.portal, snapshot.orderId) : Promise.resolve(undefined)),
    () => findCaseByKey(db, teamId, caseKey),
  ] as const);
  const orderCurrent = !snapshot || (storedOrder !== undefined && !snapshotWouldChange(storedOrder, snapshot));
  if (orderCurrent && storedCase && !storedCase.wouldChange) {
    if (storedOrder) book.noteOrderSeen(teamId, storedOrder.portal, storedOrder.orderId, now);
    return { order: storedOrder, caseRecord: storedCase.record };
  }
  const written = await db.transaction(async (tx) => {
    const row = snapshot ? await upsertOrderSnapshot(tx, teamId, snapshot, now) : undefined;
    const { id, created } = await upsertCase(tx, teamId, caseKey, now);
    if (created) {
      await insertEvent(tx, teamId, { caseId: id, orderId: caseKey.orderId, type: 'created', agentId: caller.agent.id, text: 'Case opened', createdAt: now });
    }
    return { row, caseId: id };
  });
  return { order: written.row, caseRecord: (await getCase(db, teamId, written.caseId)) ?? null };
}

async function loadHistory(db: Database, teamId: string, caseRecord: CaseRecord | null, orderId: string | null): Promise<CaseEvent[]> {
  if (!caseRecord) return [];
  // About an order: the story of every case on that order (the order, its claim, its return ...).
  return orderId ? listEventsByOrder(db, teamId, orderId) : listEventsByCase(db, teamId, caseRecord.id);
}
