import { describe, expect, it } from 'vitest';
import { foldAccents, normalizeAddress, normalizeName, normalizePhone } from './normalize';

describe('normalizeName', () => {
  it('lets case, spacing, accents, order and honorifics meet', () => {
    const key = normalizeName('Max Mustermann');
    for (const variant of ['MAX  MUSTERMANN', 'Max Müstermann', 'Mustermann, Max', ' max\tmustermann ', 'Herr Max Mustermann', 'Dr. Max Mustermann']) {
      expect(normalizeName(variant), variant).toBe(key);
    }
  });

  it('folds typed-out umlauts and special letters', () => {
    expect(normalizeName('Jürgen Müller')).toBe(normalizeName('Juergen Mueller'));
    expect(normalizeName('Gießler')).toBe(normalizeName('Giessler'));
    expect(normalizeName('Søren Łukasz')).toBe('lukasz soren');
    expect(normalizeName('Anna-Lena Schmidt')).toBe(normalizeName('Anna Lena Schmidt'));
  });

  it('keeps different people apart', () => {
    expect(normalizeName('Max Mustermann')).not.toBe(normalizeName('Erika Mustermann'));
    expect(normalizeName('Max J. Mustermann')).not.toBe(normalizeName('Max Mustermann'));
  });

  it('gives an empty key for no letters', () => {
    expect(normalizeName(' -- ')).toBe('');
  });
});

describe('normalizeAddress', () => {
  const base = { city: 'Berlin', postalCode: '10115', country: 'DE' };

  it('puts German street abbreviations and spellings in one form', () => {
    const key = normalizeAddress({ lines: ['Hauptstraße 5'], ...base });
    for (const line of ['Hauptstr. 5', 'HAUPTSTRASSE 5', 'Haupt-Straße 5', 'Haupt Str 5', 'Hauptstrasse Nr. 5']) {
      expect(normalizeAddress({ lines: [line], ...base }), line).toBe(key);
    }
    expect(key).toBe('haupt strasse 5|10115|berlin|de');
  });

  it('meets across line splits, repeated city lines and country names', () => {
    const key = normalizeAddress({ lines: ['Hauptstr. 5', 'Apt 3'], ...base });
    expect(normalizeAddress({ lines: ['Hauptstraße 5, Apartment 3'], ...base })).toBe(key);
    expect(normalizeAddress({ lines: ['Hauptstraße 5', 'Apt. 3', '10115 Berlin', 'Deutschland'], ...base })).toBe(key);
    expect(normalizeAddress({ lines: ['Hauptstr 5 Apt 3', 'Germany'], city: 'berlin', postalCode: '10115' })).toBe(key);
  });

  it('handles English, French, Spanish and Italian street words', () => {
    expect(normalizeAddress({ lines: ['12 Main St.'], city: 'Springfield', postalCode: '12345', country: 'US' })).toBe(
      normalizeAddress({ lines: ['12 MAIN STREET'], city: 'springfield', postalCode: '12345', country: 'US' }),
    );
    expect(normalizeAddress({ lines: ['5 Oak Ave, Apt 2'], country: 'US' })).toBe(normalizeAddress({ lines: ['5 Oak Avenue Apartment 2'], country: 'US' }));
    expect(normalizeAddress({ lines: ['3 Elm Rd'], country: 'GB' })).toBe(normalizeAddress({ lines: ['3 Elm Road'], country: 'GB' }));
    expect(normalizeAddress({ lines: ['12 Bd Haussmann'], country: 'FR' })).toBe(normalizeAddress({ lines: ['12 Boulevard Haussmann'], country: 'FR' }));
    expect(normalizeAddress({ lines: ['c/ Mayor 7'], country: 'ES' })).toBe(normalizeAddress({ lines: ['Calle Mayor 7'], country: 'ES' }));
    expect(normalizeAddress({ lines: ['V. Roma 1'], country: 'IT' })).toBe(normalizeAddress({ lines: ['Via Roma 1'], country: 'IT' }));
    expect(normalizeAddress({ lines: ['Marienpl. 1'], country: 'DE' })).toBe(normalizeAddress({ lines: ['Marienplatz 1'], country: 'DE' }));
    expect(normalizeAddress({ lines: ['Birkenweg 4a'], country: 'DE' })).toBe(normalizeAddress({ lines: ['Birken Weg 4 A'], country: 'DE' }));
  });

  it('folds postal code spacing and keeps different houses apart', () => {
    expect(normalizeAddress({ lines: ['1 High St'], postalCode: 'SW1A 1AA', country: 'GB' })).toBe(
      normalizeAddress({ lines: ['1 High Street'], postalCode: 'sw1a1aa', country: 'GB' }),
    );
    expect(normalizeAddress({ lines: ['Hauptstr. 5'], ...base })).not.toBe(normalizeAddress({ lines: ['Hauptstr. 7'], ...base }));
    expect(normalizeAddress({ lines: ['Hauptstr. 5'], ...base })).not.toBe(normalizeAddress({ lines: ['Hauptstr. 5'], ...base, postalCode: '10117' }));
  });
});

describe('normalizePhone', () => {
  it('keeps the country code where given', () => {
    expect(normalizePhone('+49 (0)30 1234567')).toBe('49301234567');
    expect(normalizePhone('0049 30 1234567')).toBe('49301234567');
    expect(normalizePhone('+1 (206) 555-0100')).toBe('12065550100');
  });

  it('leaves national numbers as digits, or makes them international with a country', () => {
    expect(normalizePhone('030 / 123 45 67')).toBe('0301234567');
    expect(normalizePhone('030 1234567', 'DE')).toBe('49301234567');
    expect(normalizePhone('(206) 555-0100', 'US')).toBe('12065550100');
    expect(normalizePhone('06 1234 5678', 'IT')).toBe('390612345678');
    expect(normalizePhone('+39 06 1234 5678')).toBe('390612345678');
  });

  it('drops extensions and gives empty for no digits', () => {
    expect(normalizePhone('+44 20 7946 0000 ext. 12')).toBe('442079460000');
    expect(normalizePhone('n/a')).toBe('');
  });
});

describe('foldAccents', () => {
  it('lower-cases and drops accents', () => {
    expect(foldAccents('Ÿvès Straße ÉTÉ')).toBe('yves strasse ete');
  });
});
