import type { PageContext } from '../schemas/page';
import type { CardNetwork, SlaCaseKind } from '../schemas/sla';

/**
 * `startedAt`: when the clock started as the page shows it; `endsAt`: a deadline the page itself shows
 * (a chargeback's respond-by date), which the backend turns into the start the policy implies.
 * Generic over the clock id so a portal folder can name its own clocks without importing the union of all.
 */
export type PageClock<Kind extends string = SlaCaseKind> = { caseKind: Kind; startedAt?: string; endsAt?: string; shipBy?: string; cardNetwork?: CardNetwork };

/**
 * The card network behind a dispute reason: by name when the text says it, else by the code's shape
 * (Visa "10.4"/"13.1", Mastercard "4853", Discover "UA02", Amex "C08"/"F29"/"FR2").
 */
export function cardNetworkForReason(reason: string): CardNetwork | undefined {
  const text = reason.toLowerCase();
  if (/\bvisa\b/.test(text)) return 'visa';
  if (/\bmaster ?card\b|\bmc\b/.test(text)) return 'mastercard';
  if (/\bamex\b|\bamerican express\b/.test(text)) return 'amex';
  if (/\bdiscover\b/.test(text)) return 'discover';
  if (/\b1[0-3]\.\d{1,2}\b/.test(text)) return 'visa';
  if (/\b48\d{2}\b/.test(text)) return 'mastercard';
  if (/\bua\d{2}\b/.test(text)) return 'discover';
  if (/\b(?:[acfmp]\d{2}|fr\d)\b/.test(text)) return 'amex';
  return undefined;
}

// Status text of orders that no longer need shipping (checked after the "unshipped" forms).
const STILL_TO_SHIP_RE = /unshipped|nicht versandt|non spedit|non exp[ée]di|no enviado|pending|ausstehend|en attente|pendiente|in sospeso/i;
const DONE_RE = /shipped|versandt|exp[ée]di|enviado|spedit|cancel|storniert|annul|anulad/i;

/** Whether an order's status text still asks for shipping (no status shown counts as still to ship). */
export function stillToShip(status: string | undefined): boolean {
  if (!status) return true;
  return STILL_TO_SHIP_RE.test(status) || !DONE_RE.test(status);
}

export function withStart<Kind extends string>(clock: PageClock<Kind>, startedAt: string | undefined, endsAt?: string): PageClock<Kind> {
  return { ...clock, ...(startedAt ? { startedAt } : {}), ...(endsAt ? { endsAt } : {}) };
}

/** A chargeback page with no clock of the portal's own runs on the card networks' dispute window. */
export function cardDisputeClock(ctx: PageContext): PageClock<'card_dispute'> {
  const network = ctx.chargeback?.reason ? cardNetworkForReason(ctx.chargeback.reason) : undefined;
  return withStart(network ? { caseKind: 'card_dispute', cardNetwork: network } : { caseKind: 'card_dispute' }, ctx.chargeback?.notifiedAt);
}
