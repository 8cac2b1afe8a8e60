import { describe, expect, test } from 'vitest';
import { currencyMinorDigits } from '../money';
import { parseMoney } from './money';

describe('parseMoney', () => {
  test.each([
    ['$1,234.56', 123456, 'USD'],
    ['1.234,56 €', 123456, 'EUR'],
    ['€ 1.234,56', 123456, 'EUR'],
    ['£12.00', 1200, 'GBP'],
    ['EUR 12,50', 1250, 'EUR'],
    ['12,50 EUR', 1250, 'EUR'],
    ['CA$1,234.56', 123456, 'CAD'],
    ['¥1,234', 1234, 'JPY'],
    ['￥1,234', 1234, 'JPY'],
    ['1\u00a0234,56 €', 123456, 'EUR'],
    ['1\u202f234,56 €', 123456, 'EUR'],
    ["CHF 1'234.50", 123450, 'CHF'],
    ['-$5.00', -500, 'USD'],
    ['($5.00)', -500, 'USD'],
    ['−12,00 €', -1200, 'EUR'],
    ['R$ 1.234,56', 123456, 'BRL'],
    ['MX$1,299.00', 129900, 'MXN'],
    ['A$12.95', 1295, 'AUD'],
    ['SEK 129,00', 12900, 'SEK'],
    ['129,00 kr', 12900, 'SEK'],
    ['49,99 zł', 4999, 'PLN'],
    ['1.234 €', 123400, 'EUR'],
    ['$0.5', 50, 'USD'],
    ['₹1,499.00', 149900, 'INR'],
    ['Item total: $12.00 (incl. tax)', 1200, 'USD'],
    ['VAT 19,00 €', 1900, 'EUR'],
  ])('%s', (text, amountMinor, currency) => {
    expect(parseMoney(text)).toEqual({ amountMinor, currency });
  });

  test('a bare dollar sign takes the marketplace currency', () => {
    expect(parseMoney('$5.00', { currency: 'CAD' })).toEqual({ amountMinor: 500, currency: 'CAD' });
    expect(parseMoney('$5.00', { locale: 'en-AU' })).toEqual({ amountMinor: 500, currency: 'AUD' });
    expect(parseMoney('$5.00', { currency: 'EUR' })).toEqual({ amountMinor: 500, currency: 'USD' });
    expect(parseMoney('99,00 kr', { currency: 'DKK' })).toEqual({ amountMinor: 9900, currency: 'DKK' });
  });

  test('a number without currency needs the hint', () => {
    expect(parseMoney('12,50')).toBeUndefined();
    expect(parseMoney('12,50', { currency: 'EUR' })).toEqual({ amountMinor: 1250, currency: 'EUR' });
  });

  test('JPY has no minor digits, EUR two', () => {
    expect(currencyMinorDigits('JPY')).toBe(0);
    expect(currencyMinorDigits('EUR')).toBe(2);
    expect(parseMoney('¥1,234,567')).toEqual({ amountMinor: 1234567, currency: 'JPY' });
  });

  test.each(['', 'abc', 'free', '$', '€ ,', '1,23,4 €', '$1 € 2', 'x'.repeat(500)])('unparseable %j gives undefined', (text) => {
    expect(parseMoney(text)).toBeUndefined();
  });

  test('never throws on odd input', () => {
    expect(parseMoney(undefined as unknown as string)).toBeUndefined();
  });
});
