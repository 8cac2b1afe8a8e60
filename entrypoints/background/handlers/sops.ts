import { routePath } from '@/utils/api-routes';
import { SopMatchResult } from '@/utils/schemas/sops';
import { Queued } from '@/utils/messaging';
import { callRoute } from '../api';
import { defineHandler } from './define';

/**
 * SOPs beside the case. The matching SOPs are answered at once (the panel shows them); views and
 * proposals go through the outbox like every panel write, so nothing is lost offline. They are filed
 * under `sop:<id>` rather than the order, so they do not show as pending entries of the case history.
 */

export const sopMatch = defineHandler('sop:match', SopMatchResult, (req, { session }) =>
  session.authorised((creds, f) => callRoute(creds, 'sops.match', { body: req.query }, f)),
);

export const sopViewed = defineHandler('sop:viewed', Queued, (req, { writes }) =>
  writes.queue({
    kind: 'sop',
    path: routePath('sops.view', { id: req.sopId }),
    orderId: `sop:${req.sopId}`,
    summary: 'SOP viewed',
    body: { ...(req.orderId ? { orderId: req.orderId } : {}), ...(req.caseKind ? { caseKind: req.caseKind } : {}) },
  }),
);

export const sopPropose = defineHandler('sop:propose', Queued, (req, { writes }) =>
  writes.queue({
    kind: 'sop',
    path: routePath('sops.propose', { id: req.sopId }),
    orderId: `sop:${req.sopId}`,
    summary: `SOP change proposed: ${req.sopTitle}`,
    body: { language: req.language, baseVersion: req.baseVersion, body: req.body, note: req.note },
  }),
);
