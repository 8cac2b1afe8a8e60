import { isMarketplaceClaim } from '../portals/catalogue';
import type { DisputeKind, DisputeReason } from '../schemas/disputes';
import type { CardNetwork } from '../schemas/sla';
import { CODES_BY_NETWORK, DISCOVER_CODES, type CodeRule } from './card-codes';
import { REASON_PHRASES } from './reason-texts';

/** How a reason reads in the sentences an analyst sees ("Won 7 of 9 'not received' disputes"). */
export const REASON_LABELS: Record<DisputeReason, string> = {
  not_received: 'not received',
  not_as_described: 'not as described',
  credit_not_processed: 'credit not processed',
  fraud_card_absent: 'card-absent fraud',
  authorization: 'authorization',
  processing_error: 'processing error',
  duplicate: 'duplicate or paid by other means',
  cancelled_recurring: 'cancelled recurring payment',
  other: 'other',
};

/** Lower case, accents removed, everything but letters and digits a single space, padded for word matching. */
export function foldReasonText(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words === '' ? '' : ` ${words} `;
}

const FOLDED_PHRASES = REASON_PHRASES.map(([reason, phrases]) => [reason, phrases.map(foldReasonText)] as const);

/** The reason a free text names, if any; `among` limits the answer to the categories a card code allows. */
export function reasonFromText(text: string, among?: readonly DisputeReason[]): DisputeReason | undefined {
  const folded = foldReasonText(text);
  if (folded === '') return undefined;
  for (const [reason, phrases] of FOLDED_PHRASES) {
    if (among && !among.includes(reason)) continue;
    if (phrases.some((p) => folded.includes(p))) return reason;
  }
  return undefined;
}

/** A code as the networks write it: upper case, no spaces, Visa sub-conditions (12.6.1) cut to their condition. */
function normaliseCode(code: string): string {
  const compact = code.trim().toUpperCase().replace(/\s+/g, '');
  const visa = /^(1[0-3]\.\d{1,2})(?:\.\d+)?$/.exec(compact);
  return visa?.[1] ?? compact;
}

/**
 * The network a reason code belongs to, from its shape alone: Visa "10.4"/"13.1", Mastercard 48xx,
 * Discover's own numbers and letter codes (4755, UA02, RG), Amex letter + two digits (C08, F29, FR2).
 * Undefined when the shape is not one of these (Amazon's reason texts have no code).
 */
export function networkFromCode(code: string): CardNetwork | undefined {
  const c = normaliseCode(code);
  if (/^1[0-3]\.\d{1,2}$/.test(c)) return 'visa';
  if (DISCOVER_CODES[c] !== undefined) return 'discover';
  if (/^48\d\d$/.test(c) || c === '4999') return 'mastercard';
  if (/^UA\d\d$/.test(c)) return 'discover';
  if (/^[ACFMPR]\d\d$/.test(c) || /^FR\d$/.test(c)) return 'amex';
  return undefined;
}

// A code written inside a reason text: "Visa 13.1 Merchandise not received", "Reason 4853", "C08 - Goods not received".
const CODE_IN_TEXT_RE = /(?<!\w|\d\.)(1[0-3]\.\d{1,2}(?:\.\d)?|48\d\d|4999|45\d\d|4755|7030|8002|UA0\d|FR\d|[ACFMPR]\d\d)(?!\w|\.\d)/i;

function codeInText(text: string): string | undefined {
  return CODE_IN_TEXT_RE.exec(text)?.[1];
}

function applyRule(rule: CodeRule, text: string | undefined): DisputeReason {
  if (typeof rule === 'string') return rule;
  return (text ? reasonFromText(text, rule.among) : undefined) ?? rule.text;
}

/**
 * The normalised reason of a dispute. A known card code decides (with the text for codes that cover
 * several categories, such as Mastercard 4853); otherwise the text decides; `other` when neither says.
 * Marketplace chargebacks and claims usually come with text only, in the marketplace's language.
 */
export function classifyReason(input: { network?: CardNetwork; code?: string; text?: string; kind: DisputeKind }): DisputeReason {
  const text = input.text?.trim() || undefined;
  // Marketplace claims carry no network code; a number in their text is an order or claim id.
  const code = input.code?.trim() || (text && !isMarketplaceClaim(input.kind) ? codeInText(text) : undefined);
  if (code) {
    const normalised = normaliseCode(code);
    const network = input.network ?? networkFromCode(normalised);
    const rule = network ? CODES_BY_NETWORK[network][normalised] : undefined;
    if (rule) return applyRule(rule, text);
  }
  return (text ? reasonFromText(text) : undefined) ?? 'other';
}
