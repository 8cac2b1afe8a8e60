import type { FieldTier } from '../../schemas';
import { deepText } from '../deep-dom';
import { textLines } from '../dom';
import type { AmazonPageReader } from './read';
import { SENDER_WORDS } from './labels';
import { MESSAGE } from './selectors';

/**
 * A buyer-message thread as the agent reads it: who wrote each message and when. The clock of a
 * thread starts at the buyer's oldest message that no reply of the seller's follows (the message that
 * has waited longest), and the text to answer is the buyer's latest.
 */
export interface ThreadMessage {
  from: 'buyer' | 'seller';
  at?: string;
  body?: string;
}

export interface BuyerThread {
  messages: ThreadMessage[];
  lastBuyerMessage?: ThreadMessage;
  firstUnanswered?: ThreadMessage;
  senderName?: string;
  threadId?: string;
  tier: FieldTier;
}

const MESSAGE_CANDIDATES =
  '[data-test-id^="message"], [class*="message"], [class*="msg"], [class*="bubble"], [data-sender], [data-author], article, [role="article"], [role="listitem"], li, kat-box, div, p, section';
const BUYER_MARK = /buyer|customer|incoming|inbound|received|from-them|käufer|acheteur|acquirente|comprador/i;
const SELLER_MARK = /seller|merchant|outgoing|outbound|\bsent\b|from-you|from-me|\bself\b|\bmine\b|verkäufer|vendeur|venditore|vendedor/i;

export function readBuyerThread(reader: AmazonPageReader, buyerName?: string): BuyerThread {
  const byHook = hookMessages(reader);
  const tier: FieldTier = byHook.length ? 'hook' : 'label';
  const messages = byHook.length ? byHook : structuralMessages(reader, buyerName);
  const buyer = messages.filter((m) => m.from === 'buyer');
  const lastSeller = messages.map((m) => m.from).lastIndexOf('seller');
  const unanswered = messages.slice(lastSeller + 1).filter((m) => m.from === 'buyer');
  return {
    messages,
    lastBuyerMessage: buyer[buyer.length - 1],
    firstUnanswered: unanswered.find((m) => m.at) ?? undefined,
    tier,
  };
}

function hookMessages(reader: AmazonPageReader): ThreadMessage[] {
  return reader.all('[data-test-id="message-buyer"], [data-test-id="message-seller"]').map((el) => ({
    from: el.getAttribute('data-test-id') === 'message-buyer' ? 'buyer' : 'seller',
    at: timeOf(reader, el),
    body: deepText(el.querySelector(MESSAGE.messageBody)) ?? undefined,
  }));
}

/** Without hooks: elements that carry a time and a text, with the sender told by marks or words. */
function structuralMessages(reader: AmazonPageReader, buyerName?: string): ThreadMessage[] {
  const candidates = reader.all(MESSAGE_CANDIDATES).filter((el) => !el.closest('nav, header, footer, [role="navigation"], [role="tablist"], [role="listbox"]'));
  // A message shows a time and some text besides it; the innermost such element is one message.
  const withTime = candidates.filter((el) => textLines(el).length >= 2 && timeOf(reader, el) !== undefined);
  const innermost = withTime.filter((el) => !withTime.some((other) => other !== el && el.contains(other)));
  const read = innermost.map((el) => bubbleOf(reader, el)).map((el) => ({ el, from: senderOf(el, buyerName) }));
  // A thread has two parties: when only one side is marked (the seller's bubbles), the rest is the other.
  const marked = new Set(read.map((m) => m.from).filter(Boolean));
  const other = marked.size === 1 ? (marked.has('seller') ? 'buyer' : 'seller') : undefined;
  return read.flatMap(({ el, from }): ThreadMessage[] => {
    const sender = from ?? other;
    return sender ? [{ from: sender, at: timeOf(reader, el), body: bodyOf(el) }] : [];
  });
}

/**
 * A bubble's header ("Chloé Lefèvre · Di., 17. Nov. 2026, 19:47") holds a time and a name but not the
 * message: when the element found is only that, the message is its parent (header plus text), as long
 * as the parent holds no other message's time.
 */
function bubbleOf(reader: AmazonPageReader, el: Element): Element {
  const lines = textLines(el);
  const headerOnly = lines.length <= 3 && lines.every((line) => line.length <= 60) && Boolean(el.nextElementSibling && textLines(el.nextElementSibling).length);
  const parent = el.parentElement;
  if (!headerOnly || !parent) return el;
  const timesInParent = textLines(parent).filter((line) => line.length <= 60 && /\d/.test(line) && reader.instant(line.replace(/^[·•|\s]+/, '')));
  return timesInParent.length <= 1 ? parent : el;
}

function senderOf(el: Element, buyerName?: string): 'buyer' | 'seller' | undefined {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    const marks = `${node.className} ${node.getAttribute('data-sender') ?? ''} ${node.getAttribute('data-author') ?? ''} ${node.getAttribute('data-test-id') ?? ''} ${node.getAttribute('aria-label') ?? ''}`;
    if (SELLER_MARK.test(marks)) return 'seller';
    if (BUYER_MARK.test(marks)) return 'buyer';
  }
  const lines = textLines(el).slice(0, 3).join(' ');
  if (buyerName && lines.includes(buyerName)) return 'buyer';
  if (SENDER_WORDS.seller.test(lines)) return 'seller';
  if (SENDER_WORDS.buyer.test(lines)) return 'buyer';
  return undefined;
}

function timeOf(reader: AmazonPageReader, el: Element): string | undefined {
  const hooked = el.querySelector(`${MESSAGE.messageTime}, time[datetime], time, [class*="time"], [class*="when"], [class*="date"]`);
  if (hooked) {
    const at = reader.instant(hooked.getAttribute('datetime') ?? deepText(hooked));
    if (at) return at;
  }
  for (const line of textLines(el).slice(0, 4)) {
    if (line.length > 60 || !/\d/.test(line)) continue;
    const at = reader.instant(line);
    if (at) return at;
  }
  return undefined;
}

function bodyOf(el: Element): string | undefined {
  const hooked = el.querySelector(`${MESSAGE.messageBody}, [class*="body"], [class*="text"], p`);
  if (hooked) return deepText(hooked);
  // The longest line that is not the header's time.
  const lines = textLines(el).filter((line) => !/^[·•|]/.test(line));
  return lines.sort((a, b) => b.length - a.length)[0];
}
