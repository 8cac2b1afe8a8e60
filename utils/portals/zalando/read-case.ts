import type { PageContextInput } from '../../schemas';
import { deepText } from '../deep-dom';
import { compact, textLines } from '../dom';
import type { ZalandoReader } from './read';
import { HOOKS, LABELS } from './selectors';

/**
 * Returns and Customer Care requests. A request's clock starts when Customer Care's last message that
 * the partner has not answered arrived: the page's "Received" time, or, on a request thread, the last
 * Customer Care message after the partner's last answer.
 */
type Fields = Partial<PageContextInput>;

export function readReturn(reader: ZalandoReader): Fields {
  const text = (name: string, hooks: readonly string[], labels?: readonly string[]) =>
    reader.read(name, { hook: () => reader.hook(hooks), ...(labels ? { label: () => reader.label(labels) } : {}) });
  return {
    return: compact({
      id: reader.read('return.id', { hook: () => reader.hook(HOOKS.returnId), url: () => /\/returns\/([^/?#]+)/.exec(reader.url.pathname)?.[1] }),
      reason: text('return.reason', HOOKS.returnReason, LABELS.returnReason),
      requestedAt: reader.instant(text('return.requestedAt', HOOKS.returnRequestedAt, LABELS.returnRequestedAt)),
      receivedAt: reader.instant(text('return.receivedAt', HOOKS.returnReceivedAt, LABELS.returnReceivedAt)),
      status: text('return.status', HOOKS.returnStatus),
      amount: reader.money(text('return.amount', HOOKS.returnAmount, LABELS.returnAmount)),
    }),
  };
}

interface ThreadMessage {
  from: 'customer-care' | 'partner';
  at: string;
  body?: string;
}

const senderOf = (text: string | undefined): ThreadMessage['from'] | undefined => {
  const folded = (text ?? '').trim().toLowerCase();
  if (LABELS.customerCareSender.some((l) => l.toLowerCase() === folded)) return 'customer-care';
  if (LABELS.partnerSender.some((l) => l.toLowerCase() === folded)) return 'partner';
  return undefined;
};

/** Messages of a request thread: blocks that start with their sender's name and carry a date. */
function threadMessages(reader: ZalandoReader): ThreadMessage[] {
  const messages: ThreadMessage[] = [];
  for (const senderEl of Array.from(reader.scope.querySelectorAll('strong, b'))) {
    const from = senderOf(deepText(senderEl));
    const block = senderEl.parentElement;
    if (!from || !block || block === reader.scope) continue;
    const lines = textLines(block).slice(1);
    const dateIndex = lines.findIndex((line) => reader.instant(line.replace(/^[·\s-]+/, '')) !== undefined);
    if (dateIndex < 0) continue;
    const at = reader.instant(lines[dateIndex]!.replace(/^[·\s-]+/, ''))!;
    const body = lines
      .slice(dateIndex + 1)
      .join(' ')
      .trim();
    messages.push({ from, at, ...(body ? { body } : {}) });
  }
  return messages;
}

/** Customer Care's messages since the partner's last answer; the first of them starts the clock. */
function unanswered(messages: readonly ThreadMessage[]): ThreadMessage[] {
  const lastAnswer = messages.map((m) => m.from).lastIndexOf('partner');
  return messages.slice(lastAnswer + 1).filter((m) => m.from === 'customer-care');
}

/** The text right under the heading that introduces Customer Care's message. */
function bodyUnderHeading(reader: ZalandoReader): string | undefined {
  for (const heading of reader.labelElements(LABELS.requestMessageHeading)) {
    const next = heading.nextElementSibling;
    const text = deepText(next);
    if (text) return text;
  }
  return undefined;
}

export function readCustomerCareRequest(reader: ZalandoReader): Fields {
  const thread = threadMessages(reader);
  const open = unanswered(thread);
  const last = open[open.length - 1];
  const receivedAt = reader.read(
    'clockStart',
    {
      hook: () => reader.instant(reader.hook(HOOKS.requestReceivedAt)),
      label: () => reader.instant(reader.label(LABELS.requestReceivedAt)),
      structure: () => last?.at,
    },
    { required: true },
  );
  const body = reader.read('message.body', {
    hook: () => reader.hook(HOOKS.requestBody),
    label: () => bodyUnderHeading(reader),
    structure: () => last?.body,
  });
  const subject = reader.read('message.subject', {
    hook: () => reader.hook(HOOKS.requestSubject),
    label: () => reader.label(LABELS.requestTopic),
    structure: () => deepText(reader.scope.querySelector('h2')),
  });
  return {
    message: compact({
      threadId: reader.hook(HOOKS.requestId) ?? /\/requests\/([^/?#]+)/.exec(reader.url.pathname)?.[1],
      subject,
      body,
      receivedAt,
      from: reader.hook(HOOKS.requestFrom) ?? 'Zalando Customer Care',
    }),
    ...(receivedAt ? { clockStart: { at: receivedAt, source: 'customer-care-request' as const } } : {}),
  };
}
