import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isAmazonOrderId, ORDER_ID_IN_TEXT } from '../portals/amazon/pages';
import { parseAddressLines } from './address';
import { parsePortalDate } from './dates';
import { parseMoney } from './money';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

describe('parsers, for every generated input', () => {
  test('order ids: 3-digit, 000-, D01- and S01- prefixes are ids and are found in text', () => {
    fc.assert(
      fc.property(fc.oneof(digits(3), fc.constantFrom('000', 'D01', 'S01')), digits(7), digits(7), fc.string({ maxLength: 10 }), (prefix, a, b, noise) => {
        const id = `${prefix}-${a}-${b}`;
        expect(isAmazonOrderId(id)).toBe(true);
        expect(ORDER_ID_IN_TEXT.exec(`Order ID: ${id} ${noise.replace(/[\w-]/g, '')}`)?.[0]).toBe(id);
        expect(isAmazonOrderId(`${id}9`)).toBe(false);
      }),
    );
  });

  test('money: an amount written in any supported locale reads back as the same minor units', () => {
    const locales = [
      ['en-US', 'USD'],
      ['de-DE', 'EUR'],
      ['fr-FR', 'EUR'],
      ['it-IT', 'EUR'],
      ['es-ES', 'EUR'],
      ['ja-JP', 'JPY'],
      ['nl-NL', 'EUR'],
      ['pl-PL', 'PLN'],
      ['sv-SE', 'SEK'],
      ['en-GB', 'GBP'],
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...locales), fc.integer({ min: 0, max: 99_999_999 }), ([locale, currency], minor) => {
        const factor = currency === 'JPY' ? 1 : 100;
        const text = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / factor);
        expect(parseMoney(text, { currency, locale })).toEqual({ amountMinor: minor, currency });
      }),
    );
  });

  test('dates: an instant written as ISO with offset, or as a Japanese date, reads back to the same minute', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const minute = new Date(Math.floor(date.getTime() / 60_000) * 60_000);
        expect(parsePortalDate(minute.toISOString())?.instant).toBe(minute.toISOString());
        const tokyo = new Date(minute.getTime() + 9 * 3_600_000);
        const ja = `${tokyo.getUTCFullYear()}年${tokyo.getUTCMonth() + 1}月${tokyo.getUTCDate()}日 ${String(tokyo.getUTCHours()).padStart(2, '0')}:${String(tokyo.getUTCMinutes()).padStart(2, '0')} JST`;
        expect(parsePortalDate(ja)?.instant).toBe(minute.toISOString());
      }),
    );
  });

  test('addresses: US spans per component give city, state, ZIP+4 and the country', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{2,10}$/);
    fc.assert(
      fc.property(word, word, fc.constantFrom('WA', 'NY', 'CA', 'TX'), digits(5), fc.option(digits(4), { nil: undefined }), (name, city, state, zip, plus4) => {
        const postal = plus4 ? `${zip}-${plus4}` : zip;
        const address = parseAddressLines([`${name} Doe`, '1 Main St', `${city},`, state, postal]);
        expect(address).toMatchObject({ city, region: state, postalCode: postal, country: 'US' });
      }),
    );
  });

  test('addresses: DE spans with ZIP and city apart, ending with the country', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{3,10}$/);
    fc.assert(
      fc.property(word, digits(5), (city, zip) => {
        expect(parseAddressLines(['Max Muster', 'Hauptstraße 1', zip, city, 'Deutschland'])).toMatchObject({ city, postalCode: zip, country: 'DE' });
      }),
    );
  });
});
