import type { DisputeReason, ReasonGroup } from '../schemas/disputes';
import type { CardNetwork } from '../schemas/sla';
import { networkFromCode } from './reasons';

/**
 * A reason code's family as the network itself groups it: fraud, authorisation, processing error or
 * consumer (cardholder) dispute. The family decides which rules apply (CE 3.0 only to fraud, alerts
 * mostly to fraud and consumer disputes) and is what reports compare across networks. Pure.
 */

/** The family our normalised reason falls in, for disputes that carry no usable code. */
export const GROUP_OF_REASON: Record<DisputeReason, ReasonGroup | undefined> = {
  fraud_card_absent: 'fraud',
  authorization: 'authorisation',
  processing_error: 'processing_error',
  duplicate: 'processing_error',
  not_received: 'consumer_dispute',
  not_as_described: 'consumer_dispute',
  credit_not_processed: 'consumer_dispute',
  cancelled_recurring: 'consumer_dispute',
  // "Other" says nothing about the family; guessing one would skew the per-family reports.
  other: undefined,
};

/** Visa numbers its families: 10 fraud, 11 authorisation, 12 processing errors, 13 consumer disputes. */
const VISA_FAMILIES: Record<string, ReasonGroup> = { '10': 'fraud', '11': 'authorisation', '12': 'processing_error', '13': 'consumer_dispute' };

/** Mastercard's four chargeback groups (Chargeback Guide): each code listed under its group. */
const MASTERCARD_GROUPS: Record<string, ReasonGroup> = {
  '4807': 'authorisation',
  '4808': 'authorisation',
  '4812': 'authorisation',
  '4837': 'fraud',
  '4840': 'fraud',
  '4849': 'fraud',
  '4863': 'fraud',
  '4870': 'fraud',
  '4871': 'fraud',
  '4831': 'processing_error',
  '4834': 'processing_error',
  '4842': 'processing_error',
  '4846': 'processing_error',
  '4841': 'consumer_dispute',
  '4853': 'consumer_dispute',
  '4854': 'consumer_dispute',
  '4855': 'consumer_dispute',
  '4859': 'consumer_dispute',
  '4860': 'consumer_dispute',
  '4999': 'consumer_dispute',
};

/** Amex prefixes its codes by category: A authorisation, C cardmember dispute, F/FR fraud, P processing. */
const AMEX_PREFIXES: [RegExp, ReasonGroup][] = [
  [/^FR\d$/, 'fraud'],
  [/^F\d\d$/, 'fraud'],
  [/^A\d\d$/, 'authorisation'],
  [/^C\d\d$/, 'consumer_dispute'],
  [/^P\d\d$/, 'processing_error'],
];

const DISCOVER_GROUPS: Record<string, ReasonGroup> = {
  '4534': 'processing_error',
  '4541': 'consumer_dispute',
  '4542': 'processing_error',
  '4550': 'processing_error',
  '4553': 'consumer_dispute',
  '4586': 'processing_error',
  '4755': 'consumer_dispute',
  '7030': 'fraud',
  '8002': 'consumer_dispute',
  AA: 'fraud',
  AP: 'consumer_dispute',
  AW: 'processing_error',
  CD: 'processing_error',
  DA: 'authorisation',
  DP: 'processing_error',
  EX: 'authorisation',
  IN: 'processing_error',
  LP: 'processing_error',
  NA: 'authorisation',
  PM: 'processing_error',
  RG: 'consumer_dispute',
  RM: 'consumer_dispute',
  RN2: 'consumer_dispute',
  UA01: 'fraud',
  UA02: 'fraud',
  UA05: 'fraud',
  UA06: 'fraud',
};

const compact = (code: string) => code.trim().toUpperCase().replace(/\s+/g, '');

/** The family of one network's code, when the code is one the network defines. */
export function groupOfCode(network: CardNetwork, code: string): ReasonGroup | undefined {
  const c = compact(code);
  switch (network) {
    case 'visa': {
      const family = /^(1[0-3])\.\d{1,2}(?:\.\d+)?$/.exec(c)?.[1];
      return family ? VISA_FAMILIES[family] : undefined;
    }
    case 'mastercard':
      return MASTERCARD_GROUPS[c];
    case 'amex':
      return AMEX_PREFIXES.find(([re]) => re.test(c))?.[1];
    case 'discover':
      return DISCOVER_GROUPS[c];
  }
}

/**
 * The family of a dispute: its code decides when the network (given, or read off the code's shape)
 * defines it; otherwise the normalised reason; undefined when neither says.
 */
export function reasonGroupOf(input: { network?: CardNetwork | null; code?: string | null; reason: DisputeReason }): ReasonGroup | undefined {
  const code = input.code?.trim();
  if (code) {
    const network = input.network ?? networkFromCode(code);
    const fromCode = network ? groupOfCode(network, code) : undefined;
    if (fromCode) return fromCode;
  }
  return GROUP_OF_REASON[input.reason];
}
