import type { PortalId } from '../../utils/schemas/common';
import type { DecisionKind, FiredIndicator } from '../../utils/schemas/fraud';
import type { Database } from '../db/open';
import { upsertCase } from '../repositories/cases';
import { insertDecision } from '../repositories/decisions';
import { insertEvent } from '../repositories/events';
import { upsertOrderSnapshot } from '../repositories/orders';
import { setCaseStatus } from '../repositories/reports-history';
import { recordFraudSignals } from './reports-signals';

/**
 * Writes a finished piece of case history (order, case, agent events, decisions, resolution, fired
 * indicators) with explicit times, through the same repositories the live write paths use. The demo
 * seed uses it for weeks of history; the report tests use it for data with hand-computed answers.
 */

export type HistoryEvent =
  | { type: 'note'; agentId: string; at: Date; text?: string }
  | { type: 'template_inserted'; agentId: string; at: Date; templateId: string; title: string }
  | { type: 'decision'; agentId: string; at: Date; decision: DecisionKind; score?: number }
  | { type: 'status'; agentId: string | null; at: Date; status: 'waiting' | 'resolved' | 'closed' };

export interface HistoryCase {
  kind: 'order' | 'claim' | 'chargeback' | 'return' | 'message' | 'refund';
  portal: PortalId;
  marketplace: string | null;
  ref: string;
  orderId: string;
  openedAt: Date;
  events: HistoryEvent[];
  /** Indicators that fired on the order when it was scored (at the opening). */
  fired?: Pick<FiredIndicator, 'indicator' | 'points'>[];
  score?: number;
}

const WORDS = { hold: 'Held', release: 'Released', fraud: 'Marked as fraud' } as const;

export async function writeHistoryCase(db: Database, teamId: string, spec: HistoryCase): Promise<string> {
  await upsertOrderSnapshot(
    db,
    teamId,
    {
      portal: spec.portal,
      marketplace: spec.marketplace,
      orderId: spec.orderId,
      buyerName: null,
      buyerKey: null,
      addressKey: null,
      phoneKey: null,
      country: null,
      totalMinor: null,
      currency: null,
      purchasedAt: spec.openedAt,
      shipService: null,
      snapshot: {},
    },
    spec.openedAt,
  );
  const { id: caseId, created } = await upsertCase(
    db,
    teamId,
    { kind: spec.kind, portal: spec.portal, marketplace: spec.marketplace, ref: spec.ref, orderId: spec.orderId, buyerKey: null },
    spec.openedAt,
  );
  if (!created) return caseId;
  await insertEvent(db, teamId, { caseId, orderId: spec.orderId, type: 'created', agentId: null, text: 'Case opened', createdAt: spec.openedAt });
  for (const e of [...spec.events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (e.type === 'note') {
      await insertEvent(db, teamId, { caseId, orderId: spec.orderId, type: 'note', agentId: e.agentId, text: e.text ?? 'Checked the order.', createdAt: e.at });
    } else if (e.type === 'template_inserted') {
      await insertEvent(db, teamId, {
        caseId,
        orderId: spec.orderId,
        type: 'template_inserted',
        agentId: e.agentId,
        text: `Template inserted: ${e.title}`,
        data: { templateId: e.templateId, title: e.title },
        createdAt: e.at,
      });
    } else if (e.type === 'decision') {
      const eventId = await insertEvent(db, teamId, {
        caseId,
        orderId: spec.orderId,
        type: 'decision',
        agentId: e.agentId,
        text: WORDS[e.decision],
        decision: e.decision,
        data: e.score === undefined ? {} : { score: e.score },
        createdAt: e.at,
      });
      await insertDecision(db, teamId, {
        orderId: spec.orderId,
        eventId: eventId!,
        kind: e.decision,
        reason: '',
        agentId: e.agentId,
        score: e.score ?? null,
        createdAt: e.at,
      });
    } else {
      await insertEvent(db, teamId, {
        caseId,
        orderId: spec.orderId,
        type: 'status',
        agentId: e.agentId,
        text: `Case ${e.status}`,
        data: { status: e.status },
        createdAt: e.at,
      });
      await setCaseStatus(db, teamId, caseId, e.status, e.at);
    }
  }
  if (spec.fired?.length) await recordFraudSignals(db, teamId, spec.orderId, { score: spec.score ?? 0, fired: spec.fired }, spec.openedAt);
  return caseId;
}
