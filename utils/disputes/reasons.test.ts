import { describe, expect, it } from 'vitest';
import type { DisputeReason } from '../schemas/disputes';
import type { CardNetwork } from '../schemas/sla';
import { classifyReason, networkFromCode } from './reasons';

const card = (network: CardNetwork | undefined, code: string, text?: string) => classifyReason({ kind: 'card_dispute', network, code, text });

describe('card reason codes', () => {
  it.each<[string, DisputeReason]>([
    ['10.4', 'fraud_card_absent'],
    ['10.1', 'other'],
    ['11.2', 'authorization'],
    ['11.3', 'authorization'],
    ['12.5', 'processing_error'],
    ['12.6', 'duplicate'],
    ['12.6.1', 'duplicate'],
    ['12.6.2', 'duplicate'],
    ['13.1', 'not_received'],
    ['13.2', 'cancelled_recurring'],
    ['13.3', 'not_as_described'],
    ['13.6', 'credit_not_processed'],
  ])('Visa %s is %s', (code, reason) => {
    expect(card('visa', code)).toBe(reason);
    expect(card(undefined, code)).toBe(reason);
  });

  it.each<[string, DisputeReason]>([
    ['4837', 'fraud_card_absent'],
    ['4863', 'fraud_card_absent'],
    ['4808', 'authorization'],
    ['4834', 'processing_error'],
    ['4855', 'not_received'],
    ['4860', 'credit_not_processed'],
    ['4841', 'cancelled_recurring'],
  ])('Mastercard %s is %s', (code, reason) => {
    expect(card('mastercard', code)).toBe(reason);
  });

  it('Mastercard 4834 is a duplicate when the text says so', () => {
    expect(card('mastercard', '4834', 'Duplicate transaction')).toBe('duplicate');
    expect(card('mastercard', '4834', 'Incorrect amount')).toBe('processing_error');
  });

  it('Mastercard 4853 uses the text to tell not received from not as described', () => {
    expect(card('mastercard', '4853', 'Goods or services not provided')).toBe('not_received');
    expect(card('mastercard', '4853', 'Not as described or defective merchandise')).toBe('not_as_described');
    expect(card('mastercard', '4853', 'Credit not processed')).toBe('credit_not_processed');
    expect(card('mastercard', '4853')).toBe('other');
    // A fraud word cannot turn a cardholder dispute into a fraud dispute.
    expect(card('mastercard', '4853', 'Cardholder says fraud')).toBe('other');
  });

  it.each<[string, DisputeReason]>([
    ['F29', 'fraud_card_absent'],
    ['C08', 'not_received'],
    ['C31', 'not_as_described'],
    ['C05', 'credit_not_processed'],
    ['C02', 'credit_not_processed'],
    ['C28', 'cancelled_recurring'],
    ['P08', 'duplicate'],
    ['A02', 'authorization'],
  ])('Amex %s is %s', (code, reason) => {
    expect(card('amex', code)).toBe(reason);
    expect(card(undefined, code.toLowerCase())).toBe(reason);
  });

  it.each<[string, DisputeReason]>([
    ['4755', 'not_received'],
    ['4553', 'not_as_described'],
    ['4534', 'duplicate'],
    ['UA02', 'fraud_card_absent'],
    ['RG', 'not_received'],
    ['AP', 'cancelled_recurring'],
  ])('Discover %s is %s', (code, reason) => {
    expect(card('discover', code)).toBe(reason);
  });

  it('a code the network does not have falls back to the text, then to other', () => {
    expect(card('visa', '99.9', 'Merchandise not received')).toBe('not_received');
    expect(card('visa', '99.9')).toBe('other');
  });

  it('finds a code written inside the reason text', () => {
    expect(classifyReason({ kind: 'card_dispute', text: 'Visa 10.4 Other Fraud - Card-Absent Environment' })).toBe('fraud_card_absent');
    expect(classifyReason({ kind: 'amazon_chargeback', text: 'Reason code 13.6.' })).toBe('credit_not_processed');
    expect(classifyReason({ kind: 'card_dispute', text: 'C08 - Goods/Services Not Received' })).toBe('not_received');
  });
});

describe('networkFromCode', () => {
  it.each<[string, CardNetwork | undefined]>([
    ['10.4', 'visa'],
    ['13.1', 'visa'],
    ['12.6.1', 'visa'],
    ['4853', 'mastercard'],
    ['4837', 'mastercard'],
    ['4755', 'discover'],
    ['UA02', 'discover'],
    ['RN2', 'discover'],
    ['F29', 'amex'],
    ['c08', 'amex'],
    ['FR2', 'amex'],
    ['9.9', undefined],
    ['Item not received', undefined],
    ['', undefined],
  ])('%s -> %s', (code, network) => {
    expect(networkFromCode(code)).toBe(network);
  });
});

describe('Amazon chargeback and A-to-z reason texts', () => {
  it.each<[string, DisputeReason]>([
    ['Item not received', 'not_received'],
    ['Artikel nicht erhalten', 'not_received'],
    ['Article non reçu', 'not_received'],
    ['Producto no recibido', 'not_received'],
    ['Articolo non ricevuto', 'not_received'],
    ['Item not as described', 'not_as_described'],
    ['Item significantly different from what was ordered', 'not_as_described'],
    ['Artikel nicht wie beschrieben', 'not_as_described'],
    ['Article non conforme à la description', 'not_as_described'],
    ['El artículo no es como se describe', 'not_as_described'],
    ['Articolo non conforme alla descrizione', 'not_as_described'],
    ['Item returned but not refunded', 'credit_not_processed'],
    ['Rückerstattung nicht erhalten', 'credit_not_processed'],
    ['Remboursement non reçu', 'credit_not_processed'],
    ['Reembolso no recibido', 'credit_not_processed'],
    ['Rimborso non ricevuto', 'credit_not_processed'],
    ['Unauthorized transaction', 'fraud_card_absent'],
    ['Charged twice', 'duplicate'],
    ['Something else entirely', 'other'],
  ])('%s -> %s', (text, reason) => {
    expect(classifyReason({ kind: 'amazon_atoz', text })).toBe(reason);
    expect(classifyReason({ kind: 'amazon_chargeback', text })).toBe(reason);
  });

  it('an A-to-z text never reads a number in it as a card code', () => {
    expect(classifyReason({ kind: 'amazon_atoz', text: 'Claim 4837 for order 302-1234567-1234567' })).toBe('other');
  });
});
