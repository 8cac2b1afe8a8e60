import type { CardTransaction, Ce3Field, PriorTransaction } from '../schemas/disputes';
import { foldReasonText } from './reasons';

/**
 * Visa Compelling Evidence 3.0 (reason 10.4, since April 2023): the issuer must accept liability when
 * the merchant shows at least two earlier payments on the same card that were never disputed or
 * reported as fraud, settled 120 to 365 days before the dispute date, each matching the disputed
 * payment on at least two of IP address, device ID, shipping address and account ID, one of the two
 * being the IP address or the device ID (Visa CE 3.0 merchant readiness rules, as processors publish them).
 */
export const CE3_RULES = {
  minTransactions: 2,
  minAgeDays: 120,
  maxAgeDays: 365,
  minMatchingFields: 2,
  /** At least one match must be one of these (address and account alone can be copied by a fraudster). */
  strongFields: ['ipAddress', 'deviceId'] as readonly Ce3Field[],
} as const;

export const CE3_FIELD_LABELS: Record<Ce3Field, string> = {
  ipAddress: 'IP address',
  deviceId: 'device ID',
  shippingAddress: 'shipping address',
  accountId: 'account ID',
};

const FIELDS: readonly Ce3Field[] = ['ipAddress', 'deviceId', 'shippingAddress', 'accountId'];
const DAY_MS = 86_400_000;

/** The disputed payment and the day the dispute was filed (CE 3.0 counts the age from the dispute). */
export type DisputedTransaction = CardTransaction & { disputeFiledAt: string };

export type Ce3Qualifying = { transaction: PriorTransaction; matched: Ce3Field[]; ageDays: number };
export type Ce3Rejected = { transaction: PriorTransaction; why: string[] };
export type Ce3Result = {
  eligible: boolean;
  qualifying: Ce3Qualifying[];
  rejected: Ce3Rejected[];
  /** One plain sentence for the checklist and the defence. */
  summary: string;
};

function comparable(field: Ce3Field, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Addresses are typed differently from order to order ("Hauptstr. 5" vs "hauptstr 5"); ids are not.
  const v = field === 'shippingAddress' ? foldReasonText(value).trim() : value.trim().toLowerCase();
  return v === '' ? undefined : v;
}

export function matchingFields(disputed: CardTransaction, prior: CardTransaction): Ce3Field[] {
  return FIELDS.filter((field) => {
    const a = comparable(field, disputed[field]);
    return a !== undefined && a === comparable(field, prior[field]);
  });
}

function listFields(fields: readonly Ce3Field[]): string {
  const labels = fields.map((f) => CE3_FIELD_LABELS[f]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

function whyNot(disputed: DisputedTransaction, prior: PriorTransaction, filedMs: number): { why: string[]; matched: Ce3Field[]; ageDays: number } {
  const why: string[] = [];
  const ageDays = Math.floor((filedMs - Date.parse(prior.at)) / DAY_MS);
  if (prior.id === disputed.id) why.push('is the disputed payment itself');
  if (prior.disputed) why.push('was disputed');
  if (prior.fraudReported) why.push('was reported as fraud');
  // Without fingerprints the caller's selection by card is trusted; with both, they must agree.
  if (disputed.cardFingerprint && prior.cardFingerprint && disputed.cardFingerprint !== prior.cardFingerprint) {
    why.push('was paid with a different card');
  }
  if (Number.isNaN(ageDays)) why.push('has no valid date');
  else if (ageDays < CE3_RULES.minAgeDays) {
    why.push(`is only ${ageDays} days before the dispute (needs ${CE3_RULES.minAgeDays} to ${CE3_RULES.maxAgeDays})`);
  } else if (ageDays > CE3_RULES.maxAgeDays) {
    why.push(`is ${ageDays} days before the dispute (needs ${CE3_RULES.minAgeDays} to ${CE3_RULES.maxAgeDays})`);
  }
  const matched = matchingFields(disputed, prior);
  if (matched.length < CE3_RULES.minMatchingFields) {
    const on = matched.length === 0 ? 'matches on none of the data elements' : `matches on ${listFields(matched)} only`;
    why.push(`${on} (needs ${CE3_RULES.minMatchingFields} of IP address, device ID, shipping address, account ID)`);
  } else if (!matched.some((f) => CE3_RULES.strongFields.includes(f))) {
    why.push(`matches on ${listFields(matched)}, but neither IP address nor device ID`);
  }
  return { why, matched, ageDays };
}

/**
 * Which earlier payments qualify for CE 3.0 and, for every other one, why not. Pure: the same
 * transactions give the same answer; the disputed payment's own data must be present to match on.
 */
export function ce3Eligibility(disputed: DisputedTransaction, prior: readonly PriorTransaction[]): Ce3Result {
  const filedMs = Date.parse(disputed.disputeFiledAt);
  const qualifying: Ce3Qualifying[] = [];
  const rejected: Ce3Rejected[] = [];
  for (const transaction of prior) {
    const { why, matched, ageDays } = whyNot(disputed, transaction, filedMs);
    if (why.length === 0) qualifying.push({ transaction, matched, ageDays });
    else rejected.push({ transaction, why });
  }
  const eligible = qualifying.length >= CE3_RULES.minTransactions;
  return { eligible, qualifying, rejected, summary: summarise(eligible, qualifying, rejected) };
}

function summarise(eligible: boolean, qualifying: Ce3Qualifying[], rejected: Ce3Rejected[]): string {
  const described = qualifying.map((q) => `${q.transaction.id} (${q.ageDays} days earlier, same ${listFields(q.matched)})`);
  if (eligible) return `${qualifying.length} earlier undisputed payments on the same card qualify: ${described.join('; ')}`;
  const head =
    qualifying.length === 0
      ? `No earlier payment qualifies; ${CE3_RULES.minTransactions} are needed`
      : `Only 1 earlier payment qualifies, ${CE3_RULES.minTransactions} are needed: ${described.join('; ')}`;
  const tail = rejected.map((r) => `${r.transaction.id} ${r.why.join(', ')}`);
  return tail.length === 0 ? head : `${head}. ${tail.join('. ')}`;
}
