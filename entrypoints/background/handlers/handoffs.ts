import { routePath } from '@/utils/api-routes';
import { Queued } from '@/utils/messaging';
import { HandoffList, HandoffTeamList } from '@/utils/schemas/handoffs';
import { defineHandler } from './define';

/**
 * The panel's hand-offs: the internal teams and an order's hand-offs are read at once; a new hand-off goes
 * through the outbox like every panel write (idempotency key, delivered in order, kept while offline).
 */

export const handoffTeams = defineHandler('handoff:teams', HandoffTeamList, (_req, { session }) =>
  session.call({ method: 'GET', path: routePath('handoffTeams.list'), schema: HandoffTeamList }),
);

export const handoffList = defineHandler('handoff:list', HandoffList, (req, { session }) =>
  session.call({ method: 'GET', path: routePath('handoffs.byOrder', {}, { orderId: req.orderId }), schema: HandoffList }),
);

export const handoffCreate = defineHandler('handoff:create', Queued, (req, { writes }) =>
  writes.queue({
    kind: 'handoff',
    path: routePath('handoffs.create'),
    orderId: req.orderId,
    summary: `${req.escalation ? 'Escalation' : 'Hand-off'} to ${req.teamName}: ${req.question}`,
    body: {
      orderId: req.orderId,
      ...(req.caseId ? { caseId: req.caseId } : {}),
      handoffTeamId: req.handoffTeamId,
      question: req.question,
      dueAt: req.dueAt,
      ...(req.escalation ? { escalation: req.escalation } : {}),
    },
  }),
);
