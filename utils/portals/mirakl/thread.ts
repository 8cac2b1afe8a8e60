import { deepText } from '../deep-dom';
import { ROLES } from './labels';
import { stateOf, type MiraklReader } from './read';

/**
 * A message thread as the back office shows it: each message headed by its author in bold, then the
 * author's role ("(Customer)", "· Cliente ·"), the recipients and the date. Mirakl's threads have three
 * kinds of participant (messages API: CUSTOMER, OPERATOR, SHOP); the shop owes a reply from the customer's
 * oldest message after the shop last wrote (`shop_reply_needed_since`): an operator's note is not an answer.
 */
export type Role = keyof typeof ROLES;

export interface ThreadMessage {
  author: string;
  role: Role;
  at?: string;
  /** Plain text, as shown; never markup. */
  body?: string;
  header: Element;
}

const ROLE_AFTER_AUTHOR = /^(?:\(([^)]{2,30})\)|[·•|]\s*([^·•|]{2,30}?)\s*(?:[·•|]|$))/;

function messageOf(header: Element, reader: MiraklReader): ThreadMessage | undefined {
  const strong = header.firstElementChild;
  if (!strong || !/^(STRONG|B)$/.test(strong.tagName)) return undefined;
  const author = deepText(strong);
  const text = deepText(header);
  if (!author || !text || text.length > 400 || !text.startsWith(author)) return undefined;
  const rest = text.slice(author.length).trim();
  const m = ROLE_AFTER_AUTHOR.exec(rest);
  const role = stateOf(ROLES, m?.[1] ?? m?.[2]);
  if (!role) return undefined;
  let bodyEl = header.nextElementSibling;
  while (bodyEl && !deepText(bodyEl)) bodyEl = bodyEl.nextElementSibling;
  const body = bodyEl && bodyEl.tagName !== 'FORM' && !bodyEl.querySelector('textarea') ? deepText(bodyEl) : undefined;
  return { author, role, at: reader.instant(rest), body, header };
}

/** The messages of the thread in scope, page order (oldest first, as the back office lists them). */
export function readThread(reader: MiraklReader): ThreadMessage[] {
  const out: ThreadMessage[] = [];
  for (const scope of reader.scopes) {
    for (const el of Array.from(scope.querySelectorAll('div, p, header, span'))) {
      if (out.some((m) => m.header.contains(el) || el.contains(m.header))) continue;
      const message = messageOf(el, reader);
      if (message) out.push(message);
    }
  }
  return out;
}

/** Since when the shop owes the customer a reply: undefined when the shop wrote after the customer. */
export function replyNeededSince(messages: readonly ThreadMessage[]): string | undefined {
  let lastShop = -1;
  messages.forEach((m, i) => {
    if (m.role === 'SHOP') lastShop = i;
  });
  return messages.slice(lastShop + 1).find((m) => m.role === 'CUSTOMER' && m.at)?.at;
}

/** The element holding every message of the thread (its heading names the thread's topic). */
export function threadRoot(messages: readonly ThreadMessage[]): Element | undefined {
  if (messages.length === 0) return undefined;
  let root: Element | null = messages[0]!.header.parentElement;
  while (root && !messages.every((m) => root!.contains(m.header))) root = root.parentElement;
  return root ?? undefined;
}
