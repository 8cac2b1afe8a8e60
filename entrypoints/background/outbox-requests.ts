import type { ContentRequest, OutboxProblem, ResponseMap, Result } from '@/utils/messaging';
import type { OutboxItem } from './db';
import type { Outbox } from './outbox';

/** The panel's requests about writes the outbox set aside: list them, send one again, or drop one. */
export type OutboxRequest = Extract<ContentRequest, { type: 'outbox:problems' | 'outbox:resend' | 'outbox:discard' }>;

export function isOutboxRequest(req: ContentRequest): req is OutboxRequest {
  return req.type === 'outbox:problems' || req.type === 'outbox:resend' || req.type === 'outbox:discard';
}

export async function handleOutboxRequest(req: OutboxRequest, outbox: Outbox, newKey: () => string): Promise<Result<ResponseMap[OutboxRequest['type']]>> {
  switch (req.type) {
    case 'outbox:problems':
      return { ok: true, data: (await outbox.setAside()).map(toProblem) };
    case 'outbox:resend': {
      const res = await outbox.resend(req.key, { newKey: newKey(), ...(req.text === undefined ? {} : { text: req.text }) });
      if (!res.ok) return { ok: false, error: { code: res.code, message: res.message } };
      await outbox.flush();
      const left = (await outbox.list()).find((i) => i.key === res.item.key);
      return { ok: true, data: { queued: left !== undefined && !left.failed, key: res.item.key } };
    }
    case 'outbox:discard':
      return (await outbox.discard(req.key))
        ? { ok: true, data: null }
        : { ok: false, error: { code: 'not_found', message: 'This change is no longer set aside.' } };
  }
}

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
