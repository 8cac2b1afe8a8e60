import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAddress, normalizeEmail, normalizeName, normalizePhone } from './normalize';

/**
 * The matching keys must let every spelling of one buyer, address or phone meet, and be stable: a key
 * run through its normaliser again is the same key.
 */
const RUNS = 2_000;
const LOWER = 'abcdefghijklmnopqrstuvwxyzäöüßéèêàâçñíóúøłåæœ'.split('');
const word = fc.array(fc.constantFrom(...LOWER), { minLength: 2, maxLength: 10 }).map((l) => l.join(''));
const capitalised = word.map((w) => w[0]!.toUpperCase() + w.slice(1));
const nameWords = fc.array(capitalised, { minLength: 1, maxLength: 4 });
const SPACES = fc.constantFrom(' ', '  ', '\t', ' \u00A0');

describe('normalizeName (property)', { timeout: 60_000 }, () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        expect(normalizeName(normalizeName(s))).toBe(normalizeName(s));
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(nameWords, (w) => {
        const key = normalizeName(w.join(' '));
        expect(normalizeName(key)).toBe(key);
      }),
      { numRuns: RUNS },
    );
  });

  it('ignores case, accents, spacing, word order, punctuation and honorifics', () => {
    fc.assert(
      fc.property(nameWords, SPACES, fc.constantFrom('', 'Herr ', 'Frau ', 'Mr. ', 'Mme ', 'Sra. ', 'Sig. ', 'Dr. '), (w, gap, honorific) => {
        const key = normalizeName(w.join(' '));
        expect(normalizeName(w.join(' ').toUpperCase())).toBe(key);
        expect(normalizeName(w.join(' ').normalize('NFD').replace(/\p{M}/gu, ''))).toBe(key);
        expect(normalizeName(`  ${w.join(gap)} `)).toBe(key);
        expect(normalizeName([...w].reverse().join(', '))).toBe(key);
        expect(normalizeName(honorific + w.join(' '))).toBe(key);
      }),
      { numRuns: RUNS },
    );
  });
});

const STREET_FORMS = [
  ['straße', 'str.', 'strasse', 'STRASSE', '-Straße', ' Str'],
  ['weg', 'weg', ' Weg'],
  ['platz', 'pl.', ' Platz'],
] as const;
const COUNTRY_FORMS = [
  ['DE', 'de', 'Deutschland', 'Germany', 'Allemagne'],
  ['FR', 'France', 'Frankreich'],
  ['IT', 'Italia', 'Italy'],
  ['ES', 'España', 'Spain', 'Spanien'],
  ['GB', 'United Kingdom', 'UK'],
] as const;

// Street names as they are: real stems, or invented words of four letters or more.
const STEM = fc.oneof(
  fc.constantFrom(
    'Haupt',
    'Bahnhof',
    'Garten',
    'Schiller',
    'Goethe',
    'Linden',
    'Berliner',
    'Kirch',
    'Schul',
    'Mühlen',
    'Rosen',
    'Königs',
    'Friedrich-Ebert-',
    'Am Markt',
  ),
  fc
    .array(fc.constantFrom(...'bcdfghklmnrstäöüéß'.split('')), { minLength: 2, maxLength: 4 })
    .chain((cons) =>
      fc.array(fc.constantFrom(...'aeiou'.split('')), { minLength: cons.length, maxLength: cons.length }).map((vow) => cons.map((c, i) => c + vow[i]).join('')),
    )
    .map((w) => w[0]!.toUpperCase() + w.slice(1) + 'n'),
);

describe('normalizeAddress (property)', { timeout: 60_000 }, () => {
  const address = fc.record({
    stem: STEM,
    kind: fc.nat(STREET_FORMS.length - 1),
    house: fc.integer({ min: 1, max: 300 }),
    letter: fc.constantFrom('', 'a', 'b'),
    apt: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    postal: fc.integer({ min: 1000, max: 99999 }).map((n) => String(n).padStart(5, '0')),
    city: capitalised,
    country: fc.nat(COUNTRY_FORMS.length - 1),
  });

  it('gives one key for one address, however it is written', () => {
    fc.assert(
      fc.property(address, fc.nat(), fc.nat(), fc.nat(), fc.boolean(), fc.boolean(), (a, formA, formB, countryPick, splitLines, repeatCity) => {
        const forms = STREET_FORMS[a.kind]!;
        const countries = COUNTRY_FORMS[a.country]!;
        const street = (form: string, nr: boolean) =>
          `${a.stem}${form.startsWith(' ') || form.startsWith('-') ? form : form.toLowerCase()} ${nr ? 'Nr. ' : ''}${a.house}${a.letter}`;
        const canonical = normalizeAddress({
          lines: [street(forms[0], false) + (a.apt ? `, Apt ${a.apt}` : '')],
          postalCode: a.postal,
          city: a.city,
          country: countries[0],
        });
        const lines = [street(forms[formA % forms.length]!, formB % 2 === 0)];
        if (a.apt) {
          if (splitLines) lines.push(`Apartment ${a.apt}`);
          else lines[0] += ` Apt. ${a.apt}`;
        }
        if (repeatCity) lines.push(`${a.postal} ${a.city.toUpperCase()}`);
        const other = normalizeAddress({
          lines: lines.map((l) => (formB % 3 === 0 ? l.toUpperCase() : l)),
          postalCode: ` ${a.postal} `,
          city: a.city.toLowerCase(),
          country: countries[countryPick % countries.length],
        });
        expect(other).toBe(canonical);
      }),
      { numRuns: RUNS },
    );
  });

  it('is stable: the key read back as an address gives the same key', () => {
    fc.assert(
      fc.property(address, (a) => {
        const key = normalizeAddress({
          lines: [`${a.stem}${STREET_FORMS[a.kind]![0]} ${a.house}${a.letter}`],
          postalCode: a.postal,
          city: a.city,
          country: COUNTRY_FORMS[a.country]![0],
        });
        const [street, postal, city, country] = key.split('|');
        expect(normalizeAddress({ lines: [street!], postalCode: postal!, city: city!, country: country! })).toBe(key);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps different houses apart', () => {
    fc.assert(
      fc.property(address, fc.integer({ min: 1, max: 300 }), (a, other) => {
        fc.pre(other !== a.house);
        const of = (house: number) => normalizeAddress({ lines: [`${a.stem}straße ${house}`], postalCode: a.postal, city: a.city, country: 'DE' });
        expect(of(other)).not.toBe(of(a.house));
      }),
      { numRuns: RUNS },
    );
  });
});

const NATIONAL: Record<string, { code: string; trunk: boolean }> = {
  DE: { code: '49', trunk: true },
  FR: { code: '33', trunk: true },
  GB: { code: '44', trunk: true },
  IT: { code: '39', trunk: false },
  ES: { code: '34', trunk: false },
};
const digitString = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: min, maxLength: max }).map((d) => d.join(''));

describe('normalizePhone (property)', { timeout: 60_000 }, () => {
  // National significant numbers at their real lengths: ES 9, FR 9, GB 10, DE 7-11, IT landlines 9-11 with the 0.
  const LENGTHS: Record<string, [number, number]> = { ES: [8, 8], FR: [8, 8], GB: [9, 9], DE: [6, 10], IT: [7, 9] };
  const number = fc.constantFrom(...Object.keys(NATIONAL)).chain((country) =>
    fc.record({
      country: fc.constant(country),
      first: fc.constantFrom(...'123456789'.split('')),
      rest: digitString(...LENGTHS[country]!),
      sep: fc.constantFrom(' ', '-', '/', '.', ''),
    }),
  );

  it('gives one key for the national and every international way of writing a number', () => {
    fc.assert(
      fc.property(number, ({ country, first, rest, sep }) => {
        const { code, trunk } = NATIONAL[country]!;
        // Italy and Spain keep their leading digit after the country code; the others drop the trunk 0.
        const national = trunk ? `0${first}${rest}` : country === 'IT' ? `0${first}${rest}` : `${first}${rest}`;
        const afterCode = trunk ? national.slice(1) : national;
        const key = normalizePhone(`+${code} ${afterCode}`);
        expect(key).toBe(`${code}${afterCode}`);
        const split = (s: string) => `${s.slice(0, 3)}${sep}${s.slice(3)}`;
        for (const written of [
          `+${code}${sep}${split(afterCode)}`,
          `00${code} ${split(afterCode)}`,
          split(national),
          `(${national.slice(0, 3)}) ${national.slice(3)}`,
          `+${code} ${split(afterCode)} ext. 12`,
        ]) {
          expect(normalizePhone(written, country), `${written} (${country})`).toBe(key);
        }
        if (trunk) expect(normalizePhone(`+${code} (0)${split(afterCode)}`)).toBe(key);
        expect(normalizePhone(key, country), 'idempotent').toBe(key);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives US numbers one key in every usual form', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'23456789'.split('')), digitString(2, 2), fc.constantFrom(...'23456789'.split('')), digitString(6, 6), (a, b, c, d) => {
        const [area, exchange, line] = [`${a}${b}`, `${c}${d.slice(0, 2)}`, d.slice(2)];
        const key = `1${area}${exchange}${line}`;
        for (const written of [
          `(${area}) ${exchange}-${line}`,
          `${area}.${exchange}.${line}`,
          `1-${area}-${exchange}-${line}`,
          `+1 ${area} ${exchange} ${line}`,
          `${area}-${exchange}-${line} x204`,
        ]) {
          expect(normalizePhone(written, 'US'), written).toBe(key);
        }
        expect(normalizePhone(key, 'US')).toBe(key);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('normalizeEmail (property)', () => {
  it('is idempotent and ignores case and surrounding spaces', () => {
    fc.assert(
      fc.property(fc.emailAddress(), SPACES, (email, gap) => {
        const key = normalizeEmail(email);
        expect(normalizeEmail(key)).toBe(key);
        expect(normalizeEmail(`${gap}${email.toUpperCase()}${gap}`)).toBe(key);
      }),
      { numRuns: RUNS },
    );
  });
});
