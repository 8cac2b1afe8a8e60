import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintTemplate } from './lint';
import { fill, sentenceOf } from '../../tests/helpers/templates/sentences';
import {
  amazonOrderId,
  amountIn,
  dateIn,
  LANGS,
  postalAddress,
  postcode,
  sku,
  timeIn,
  trackingNumber,
  zDirectOrder,
  type Lang,
} from '../../tests/helpers/templates/values';
import {
  email,
  externalLink,
  LINK_SENTENCES,
  MARKETING,
  NEUTRAL,
  phoneByShape,
  phoneNeedingWord,
  WITH_PHONE_WORD,
} from '../../tests/helpers/templates/violations';

/**
 * The lint must never refuse a reply for the values every reply carries, and must catch every contact
 * detail, off-Amazon link and marketing phrase, in all five template languages.
 */
const RUNS = 10_000;
const lang = fc.constantFrom(...LANGS);
const findings = (text: string) => lintTemplate(text, { portal: 'amazon' });
const inSentence = (kind: Parameters<typeof sentenceOf>[1], value: (l: Lang) => fc.Arbitrary<string>) =>
  lang.chain((l) => fc.tuple(sentenceOf(l, kind), value(l)).map(([s, v]) => fill(s, v)));

// 10,000 runs take seconds on a loaded machine.
describe('lint: no false positives on the values replies carry (10,000 each)', { timeout: 120_000 }, () => {
  it.each([
    ['Amazon order ids', inSentence('order', () => amazonOrderId)],
    ['zDirect order numbers and UUIDs', inSentence('order', () => zDirectOrder)],
    ['tracking numbers of the main carriers', inSentence('tracking', () => trackingNumber)],
    ['dates', inSentence('date', dateIn)],
    ['times', inSentence('time', timeIn)],
    ['amounts with currencies', inSentence('amount', amountIn)],
    ['postcodes', inSentence('postcode', () => fc.oneof(postcode, postalAddress))],
    ['SKUs and ASINs', inSentence('sku', () => sku)],
  ] as const)('%s', (_name, sentences) => {
    fc.assert(
      fc.property(sentences, (text) => {
        expect(findings(text), text).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('a whole reply mixing them all', () => {
    const reply = lang.chain((l) =>
      fc
        .tuple(
          fc.tuple(sentenceOf(l, 'order'), amazonOrderId),
          fc.tuple(sentenceOf(l, 'tracking'), trackingNumber),
          fc.tuple(sentenceOf(l, 'date'), dateIn(l)),
          fc.tuple(sentenceOf(l, 'time'), timeIn(l)),
          fc.tuple(sentenceOf(l, 'amount'), amountIn(l)),
          fc.tuple(sentenceOf(l, 'postcode'), postalAddress),
          fc.tuple(sentenceOf(l, 'sku'), sku),
        )
        .map((parts) => parts.map(([s, v]) => fill(s, v)).join(' ')),
    );
    fc.assert(
      fc.property(reply, (text) => {
        expect(findings(text), text).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('the order id of the sandbox message, and the 2,000 random ids of the report', () => {
    expect(findings('Your order 204-3456789-0123456 is on its way.')).toEqual([]);
    fc.assert(
      fc.property(amazonOrderId, (id) => {
        expect(findings(`Your order ${id} is on its way.`)).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('lint: every real violation is flagged', { timeout: 120_000 }, () => {
  const rulesOf = (text: string) => findings(text).map((f) => f.rule);
  const phoneSentence = (phones: fc.Arbitrary<string>, sentences: Record<Lang, string[]>) =>
    lang.chain((l) => fc.tuple(fc.constantFrom(...sentences[l]), phones).map(([s, p]) => fill(s, p)));

  it('phone numbers by their shape, in neutral sentences', () => {
    fc.assert(
      fc.property(phoneSentence(phoneByShape, NEUTRAL), (text) => {
        expect(rulesOf(text), text).toContain('contact-details');
      }),
      { numRuns: RUNS },
    );
  });

  it('phone numbers introduced as such, whatever their shape', () => {
    fc.assert(
      fc.property(phoneSentence(fc.oneof(phoneByShape, phoneNeedingWord), WITH_PHONE_WORD), (text) => {
        expect(rulesOf(text), text).toContain('contact-details');
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['+44 20 7946 0958'],
    ['030 12345678'],
    ['01 23 45 67 89'],
    ['(555) 123-4567'],
    ['+49 (0)30 1234567'],
    ['+33 1 23 45 67 89'],
    ['0049 30 1234567'],
    ['06.12.34.56.78'],
    ['+34 912 345 678'],
    ['347 123 4567'],
  ])('the examples: %s', (phone) => {
    expect(rulesOf(`Questions? ${phone}`)).toContain('contact-details');
  });

  it('e-mail addresses', () => {
    fc.assert(
      fc.property(phoneSentence(email, NEUTRAL), (text) => {
        expect(rulesOf(text), text).toContain('contact-details');
      }),
      { numRuns: RUNS },
    );
  });

  it('links outside Amazon: http, www. and bare domains', () => {
    fc.assert(
      fc.property(phoneSentence(externalLink, LINK_SENTENCES), (text) => {
        expect(rulesOf(text), text).toContain('external-link');
      }),
      { numRuns: RUNS },
    );
  });

  it('review incentives and marketing in the five languages, next to ordinary text', () => {
    const text = lang.chain((l) =>
      fc.tuple(sentenceOf(l, 'order'), amazonOrderId, fc.constantFrom(...MARKETING[l])).map(([s, id, m]) => `${fill(s, id)} ${m}`),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(rulesOf(t), t).toContain('marketing');
      }),
      { numRuns: 2_000 },
    );
  });
});
