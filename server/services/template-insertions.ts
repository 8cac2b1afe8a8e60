import type { TemplateInsertionBody, TemplateInsertionResult } from '../../utils/schemas/admin';
import type { Database } from '../db/open';
import { notFound } from '../errors';
import { touchCase } from '../repositories/cases';
import { announceEvent, insertEvent } from '../repositories/events';
import { getVisibleTemplate } from '../repositories/templates';
import type { Caller } from '../repositories/tokens';
import { ensureOrderCase } from './case-writes';
import { clientTime, KeyAlreadyUsed, requestDigest, writeEventOnce, type EventWriteOutcome } from './idempotent-event';

/**
 * POST /v1/template-insertions: the outbox reports that an agent inserted a template into a reply box.
 * It lands in the order's case history as "Template inserted: <title> (v3)"; a replay counts once.
 */
export async function logTemplateInsertion(db: Database, caller: Caller, body: TemplateInsertionBody, now = new Date()): Promise<EventWriteOutcome<object>> {
  const teamId = caller.team.id;
  const at = clientTime(body.at, now);
  const digest = requestDigest('template_inserted', null, body);
  return writeEventOnce(
    db,
    teamId,
    body.idempotencyKey,
    digest,
    (event) => event.type === 'template_inserted' && event.orderId === body.orderId && event.data.templateId === body.templateId,
    async (tx) => {
      // The title is read now; an archived template was still inserted (the agent's panel had it cached).
      const template = await getVisibleTemplate(tx, teamId, caller.agent.id, body.templateId);
      if (!template) throw notFound('Template');
      const caseId = await ensureOrderCase(tx, teamId, body.orderId, at < now ? at : now);
      const id = await insertEvent(tx, teamId, {
        caseId,
        orderId: body.orderId,
        type: 'template_inserted',
        agentId: caller.agent.id,
        text: `Template inserted: ${template.title} (v${body.templateVersion})`,
        data: { templateId: template.id, version: body.templateVersion, agent: caller.agent.name },
        idempotencyKey: body.idempotencyKey,
        requestDigest: digest,
        createdAt: at,
      });
      if (!id) throw new KeyAlreadyUsed();
      await touchCase(tx, teamId, caseId, now);
      await announceEvent(tx, teamId, id);
      return id;
    },
    async () => ({}),
  ) satisfies Promise<{ result: TemplateInsertionResult }>;
}
