import type { CaseEvent, CaseRecord, PanelData } from '../../utils/schemas/api';
import type { PageContext } from '../../utils/schemas/page';
import type { Database } from '../db/open';
import { getCase, listCasesByBuyer, upsertCase } from '../repositories/cases';
import { insertEvent, listEventsByCase, listEventsByOrder } from '../repositories/events';
import { upsertOrderSnapshot, type OrderRow } from '../repositories/orders';
import { recordPageHealth } from '../repositories/page-health';
import { listUsableTemplates } from '../repositories/templates';
import type { Caller } from '../repositories/tokens';
import { buildInsights } from './insights';
import { recordFraudSignals } from './reports-signals';
import { buyerKeyOf, caseKeyOf, orderKeyOf, orderSnapshotOf } from './page-keys';
import { loadTeamSettings } from './settings';

/**
 * POST /v1/panel: records what the agent is looking at (order snapshot, the page's case) and returns
 * everything the side panel shows. A list page or a non-work page records nothing.
 */
export async function loadPanel(db: Database, caller: Caller, ctx: PageContext, now = new Date()): Promise<PanelData> {
  const teamId = caller.team.id;
  const snapshot = orderSnapshotOf(ctx);
  const caseKey = caseKeyOf(ctx);
  const orderId = orderKeyOf(ctx) ?? null;

  let order: OrderRow | undefined;
  let caseRecord: CaseRecord | null = null;
  if (caseKey) {
    const written = await db.transaction(async (tx) => {
      const row = snapshot ? await upsertOrderSnapshot(tx, teamId, snapshot, now) : undefined;
      const { id, created } = await upsertCase(tx, teamId, caseKey, now);
      if (created) {
        await insertEvent(tx, teamId, { caseId: id, orderId: caseKey.orderId, type: 'created', agentId: caller.agent.id, text: 'Case opened', createdAt: now });
      }
      return { row, caseId: id };
    });
    order = written.row;
    caseRecord = (await getCase(db, teamId, written.caseId)) ?? null;
  }

  const [history, buyerCases, settings, templates] = await Promise.all([
    loadHistory(db, teamId, caseRecord, orderId),
    loadBuyerCases(db, teamId, ctx, caseRecord),
    loadTeamSettings(db, teamId),
    listUsableTemplates(db, teamId, caller.agent.id),
    recordPageHealth(db, teamId, ctx, now),
  ]);
  const insights = await buildInsights(db, teamId, { ctx, order, caseRecord, settings, templates, now });
  // The fraud report counts which indicators fire; one row per order and indicator, updated in place.
  if (insights.fraud && order) await recordFraudSignals(db, teamId, order.orderId, insights.fraud, now);

  return {
    case: caseRecord,
    history,
    buyerCases,
    fraud: insights.fraud,
    sla: insights.sla,
    templates: insights.templates,
    agent: { id: caller.agent.id, name: caller.agent.name, role: caller.agent.role },
    serverTime: now.toISOString(),
  };
}

async function loadHistory(db: Database, teamId: string, caseRecord: CaseRecord | null, orderId: string | null): Promise<CaseEvent[]> {
  if (!caseRecord) return [];
  // About an order: the story of every case on that order (the order, its claim, its return ...).
  return orderId ? listEventsByOrder(db, teamId, orderId) : listEventsByCase(db, teamId, caseRecord.id);
}

async function loadBuyerCases(db: Database, teamId: string, ctx: PageContext, caseRecord: CaseRecord | null): Promise<CaseRecord[]> {
  const buyerKey = buyerKeyOf(ctx);
  if (!buyerKey || !caseRecord) return [];
  return listCasesByBuyer(db, teamId, buyerKey, caseRecord.id);
}
