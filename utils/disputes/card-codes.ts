import type { DisputeReason } from '../schemas/disputes';
import type { CardNetwork } from '../schemas/sla';

/**
 * Card network reason codes to our reason categories. `text` means the code covers several
 * categories (`among`) and the reason text decides, with `text` as the fallback when it says nothing.
 * Sources: Visa Dispute Management Guidelines families (10 fraud, 11 authorization, 12 processing,
 * 13 consumer), Mastercard Chargeback Guide, and the Amex / Discover code lists processors publish.
 * Card-present fraud codes map to `other`: an online seller should never see them, and calling them
 * card-absent fraud would ask for the wrong evidence.
 */
export type CodeRule = DisputeReason | { text: DisputeReason; among: readonly DisputeReason[] };

const POI_ERRORS = ['duplicate', 'processing_error'] as const;
const CARDHOLDER_DISPUTES = ['not_received', 'not_as_described', 'credit_not_processed', 'cancelled_recurring'] as const;

export const VISA_CODES: Record<string, CodeRule> = {
  '10.1': 'other', // EMV liability shift counterfeit (card present)
  '10.2': 'other', // EMV liability shift non-counterfeit (card present)
  '10.3': 'other', // other fraud, card present
  '10.4': 'fraud_card_absent',
  '10.5': 'fraud_card_absent', // Visa Fraud Monitoring Program: card-absent merchants only
  '11.1': 'authorization', // card recovery bulletin
  '11.2': 'authorization', // declined authorization
  '11.3': 'authorization', // no authorization
  '12.1': 'processing_error', // late presentment
  '12.2': 'processing_error', // incorrect transaction code
  '12.3': 'processing_error', // incorrect currency
  '12.4': 'processing_error', // incorrect account number
  '12.5': 'processing_error', // incorrect amount
  '12.6': 'duplicate', // 12.6.1 duplicate processing, 12.6.2 paid by other means
  '12.7': 'processing_error', // invalid data
  '13.1': 'not_received',
  '13.2': 'cancelled_recurring',
  '13.3': 'not_as_described',
  '13.4': 'not_as_described', // counterfeit merchandise
  '13.5': 'not_as_described', // misrepresentation
  '13.6': 'credit_not_processed',
  '13.7': 'credit_not_processed', // cancelled merchandise or services: the refund is what is disputed
  '13.8': 'other', // original credit transaction not accepted
  '13.9': 'other', // non-receipt of cash at an ATM
};

export const MASTERCARD_CODES: Record<string, CodeRule> = {
  '4807': 'authorization', // warning bulletin file
  '4808': 'authorization',
  '4812': 'authorization', // account number not on file
  '4831': 'processing_error', // transaction amount differs
  '4834': { text: 'processing_error', among: POI_ERRORS }, // point-of-interaction error: duplicate, wrong amount, paid by other means ...
  '4837': 'fraud_card_absent', // no cardholder authorization
  '4840': 'fraud_card_absent', // fraudulent processing of transactions
  '4841': 'cancelled_recurring',
  '4842': 'processing_error', // late presentment
  '4846': 'processing_error', // correct transaction currency code not provided
  '4849': 'fraud_card_absent', // questionable merchant activity
  '4853': { text: 'other', among: CARDHOLDER_DISPUTES }, // cardholder dispute: not provided, not as described, counterfeit, credit ...
  '4854': { text: 'other', among: CARDHOLDER_DISPUTES }, // cardholder dispute, not elsewhere classified (US)
  '4855': 'not_received',
  '4859': 'not_received', // addendum, no-show or ATM dispute (legacy: services not rendered)
  '4860': 'credit_not_processed',
  '4863': 'fraud_card_absent', // cardholder does not recognize
  '4870': 'other', // chip liability shift (card present)
  '4871': 'other', // chip/PIN liability shift (card present)
  '4999': 'other', // domestic chargeback dispute (Europe)
};

export const AMEX_CODES: Record<string, CodeRule> = {
  A01: 'authorization', // charge amount exceeds authorization amount
  A02: 'authorization', // no valid authorization
  A08: 'authorization', // authorization approval expired
  C02: 'credit_not_processed',
  C04: 'credit_not_processed', // goods/services returned or refused
  C05: 'credit_not_processed', // goods/services cancelled
  C08: 'not_received', // goods/services not received or only partially received
  C14: 'duplicate', // paid by other means
  C18: 'other', // "no show" or CARDeposit cancelled
  C28: 'cancelled_recurring',
  C31: 'not_as_described',
  C32: 'not_as_described', // damaged or defective
  F10: 'other', // missing imprint (card present)
  F14: 'other', // missing signature (card present)
  F24: 'fraud_card_absent', // no card member authorization
  F29: 'fraud_card_absent', // card not present
  F30: 'other', // EMV counterfeit (card present)
  F31: 'other', // EMV lost/stolen/non-received (card present)
  FR2: 'fraud_card_absent', // fraud full recourse program
  FR4: 'other', // immediate chargeback program
  FR6: 'other', // partial immediate chargeback program
  M01: 'other', // chargeback authorization
  P01: 'processing_error', // unassigned card number
  P03: 'processing_error', // credit processed as charge
  P04: 'processing_error', // charge processed as credit
  P05: 'processing_error', // incorrect charge amount
  P07: 'processing_error', // late submission
  P08: 'duplicate',
  P22: 'processing_error', // non-matching card number
  P23: 'processing_error', // currency discrepancy
  R03: 'other', // insufficient reply to an inquiry
  R13: 'other', // no reply to an inquiry
};

export const DISCOVER_CODES: Record<string, CodeRule> = {
  // Numeric codes
  '4534': 'duplicate',
  '4541': 'cancelled_recurring', // automatic payment
  '4542': 'processing_error', // late presentment
  '4550': 'processing_error', // credit/debit posted incorrectly
  '4553': 'not_as_described',
  '4586': 'processing_error', // altered amount
  '4755': 'not_received',
  '7030': 'fraud_card_absent',
  '8002': 'credit_not_processed',
  // Letter codes
  AA: 'fraud_card_absent', // cardholder does not recognize
  AP: 'cancelled_recurring',
  AW: 'processing_error', // altered amount
  CD: 'processing_error', // credit posted as card sale
  DA: 'authorization', // declined authorization
  DP: 'duplicate',
  EX: 'authorization', // expired card
  IN: 'processing_error', // invalid card number
  LP: 'processing_error', // late presentment
  NA: 'authorization', // no authorization
  PM: 'duplicate', // paid by other means
  RG: 'not_received',
  RM: 'not_as_described', // quality dispute
  RN2: 'credit_not_processed',
  UA01: 'other', // fraud, card present
  UA02: 'fraud_card_absent',
  UA05: 'other', // fraud, chip counterfeit
  UA06: 'other', // fraud, chip and PIN
};

export const CODES_BY_NETWORK: Record<CardNetwork, Record<string, CodeRule>> = {
  visa: VISA_CODES,
  mastercard: MASTERCARD_CODES,
  amex: AMEX_CODES,
  discover: DISCOVER_CODES,
};
