import { routePath } from '@/utils/api-routes';
import { Queued } from '@/utils/messaging';
import { defineHandler } from './define';

/** The panel's writes: queued in the outbox with an idempotency key, delivered in order. */

export const decisionRecord = defineHandler('decision:record', Queued, (req, { writes }) =>
  writes.queue({
    kind: 'decision',
    path: routePath('decisions.record'),
    orderId: req.orderId,
    summary: req.reason ? `${req.decision}: ${req.reason}` : req.decision,
    body: { orderId: req.orderId, decision: req.decision, reason: req.reason, ...(req.score === undefined ? {} : { score: req.score }) },
  }),
);

export const noteAdd = defineHandler('note:add', Queued, (req, { writes }) =>
  writes.queue({ kind: 'note', path: routePath('notes.add'), orderId: req.orderId, summary: req.text, body: { orderId: req.orderId, text: req.text } }),
);

export const templateInserted = defineHandler('template:inserted', Queued, (req, { writes }) =>
  writes.queue({
    kind: 'template',
    path: routePath('insertions.record'),
    orderId: req.orderId,
    summary: req.templateTitle,
    body: { orderId: req.orderId, templateId: req.templateId, templateVersion: req.templateVersion },
  }),
);

export const caseStatus = defineHandler('case:status', Queued, (req, { writes }) =>
  writes.queue({
    kind: 'status',
    path: routePath('cases.status', { id: req.caseId }),
    orderId: req.orderId ?? req.caseId,
    summary: `Status: ${req.status}`,
    body: { status: req.status },
  }),
);

export const caseSla = defineHandler('case:sla', Queued, (req, { writes }) =>
  writes.queue({
    kind: 'sla',
    path: routePath('cases.sla', { id: req.caseId }),
    orderId: req.orderId ?? req.caseId,
    summary: req.reason ? `SLA ${req.action} (${req.reason})` : `SLA ${req.action}`,
    body: { action: req.action, ...(req.reason ? { reason: req.reason } : {}) },
  }),
);
