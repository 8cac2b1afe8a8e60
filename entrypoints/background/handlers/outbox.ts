import { z } from 'zod';
import { OutboxProblem, Queued } from '@/utils/messaging';
import type { OutboxItem } from '../db';
import { defineHandler } from './define';

/** The panel's requests about writes the outbox set aside: list them, send one again, or drop one. */

export const outboxProblems = defineHandler('outbox:problems', z.array(OutboxProblem), async (_req, { writes }) => ({
  ok: true,
  data: (await writes.outbox.setAside()).map(toProblem),
}));

export const outboxResend = defineHandler('outbox:resend', Queued, async (req, { writes, newKey }) => {
  const outbox = writes.outbox;
  const res = await outbox.resend(req.key, { newKey: newKey(), ...(req.text === undefined ? {} : { text: req.text }) });
  if (!res.ok) return { ok: false, error: { code: res.code, message: res.message } };
  await outbox.flush();
  const left = (await outbox.list()).find((i) => i.key === res.item.key);
  return { ok: true, data: { queued: left !== undefined && !left.failed, key: res.item.key } };
});

export const outboxDiscard = defineHandler('outbox:discard', z.null(), async (req, { writes }) =>
  (await writes.outbox.discard(req.key))
    ? { ok: true, data: null }
    : { ok: false, error: { code: 'not_found', message: 'This change is no longer set aside.' } },
);

export function toProblem(item: OutboxItem): OutboxProblem {
  const noteText = item.kind === 'note' && typeof item.body['text'] === 'string' ? item.body['text'] : undefined;
  return {
    key: item.key,
    kind: item.kind,
    orderId: item.orderId,
    text: item.summary,
    ...(noteText === undefined ? {} : { noteText }),
    createdAt: item.createdAt,
    failure: item.failure ?? { code: 'unknown', message: item.lastError ?? '', at: item.createdAt },
  };
}
