import fc from 'fast-check';

/**
 * Generators of the values a filled-in reply really contains, in the shapes each carrier, marketplace and
 * language writes them. Used by the lint's property tests: none of these may be taken for contact details.
 */
export type Lang = 'en' | 'de' | 'fr' | 'es' | 'it';
export const LANGS: Lang[] = ['en', 'de', 'fr', 'es', 'it'];

const DIGIT = fc.constantFrom(...'0123456789'.split(''));
// Zeros weighted up: a leading or repeated 0 is what makes a number look like a phone's trunk prefix.
const BIASED_DIGIT = fc.oneof({ weight: 3, arbitrary: DIGIT }, { weight: 1, arbitrary: fc.constant('0') });
export const digits = (min: number, max = min) => fc.array(BIASED_DIGIT, { minLength: min, maxLength: max }).map((d) => d.join(''));
const UPPER = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const ALNUM = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
const letters = (n: number) => fc.array(UPPER, { minLength: n, maxLength: n }).map((d) => d.join(''));
const alnum = (n: number) => fc.array(ALNUM, { minLength: n, maxLength: n }).map((d) => d.join(''));
const cat = (...parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((p) => p.join(''));
const lit = (s: string) => fc.constant(s);
const grouped = (s: string, size: number, sep = ' ') => s.match(new RegExp(`.{1,${size}}`, 'g'))!.join(sep);

export const amazonOrderId = cat(fc.oneof(digits(3), lit('000'), lit('D01'), lit('S01'), cat(UPPER, digits(2))), lit('-'), digits(7), lit('-'), digits(7));
export const zDirectOrder = fc.oneof(digits(16), fc.uuid(), digits(10));

export const trackingNumber = fc.oneof(
  cat(lit('1Z'), alnum(6), digits(2), digits(8)), // UPS
  fc.tuple(alnum(3), alnum(3), digits(2), digits(4), digits(4)).map((g) => `1Z ${g.join(' ')}`), // UPS as printed on the label
  digits(10), // DHL Express waybill
  cat(lit('JJD'), digits(18)), // DHL Express
  fc.oneof(digits(12), digits(20)), // DHL Paket
  digits(14), // DPD
  cat(letters(2), digits(9), lit('GB')), // Royal Mail (UPU S10)
  fc.oneof(digits(20), digits(22)), // USPS
  fc.oneof(digits(20), digits(22)).map((s) => grouped(s, 4)), // USPS as printed on the label
  fc.oneof(digits(12), digits(15)), // FedEx
  fc.oneof(digits(14), digits(16), cat(lit('H'), digits(19))), // Hermes
  fc.oneof(digits(11), digits(12), cat(letters(2), digits(7), letters(1))), // GLS
  fc.oneof(cat(DIGIT, UPPER, digits(11)), cat(lit('CB'), digits(9), lit('FR'))), // Colissimo
);

const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
};
const pad = (n: number) => String(n).padStart(2, '0');
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });

export const dateIn = (lang: Lang) =>
  fc.tuple(instant, fc.nat(6)).map(([d, style]) => {
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    const month = MONTHS[lang][m - 1]!;
    const iso = `${y}-${pad(m)}-${pad(day)}`;
    const numeric: Record<Lang, string[]> = {
      en: [`${pad(day)}/${pad(m)}/${y}`, `${m}/${day}/${y}`, `${pad(m)}/${pad(day)}/${String(y).slice(2)}`],
      de: [`${pad(day)}.${pad(m)}.${y}`, `${day}.${m}.${String(y).slice(2)}`, `${pad(day)}.${pad(m)}.`],
      fr: [`${pad(day)}/${pad(m)}/${y}`, `${pad(day)}.${pad(m)}.${y}`, `${pad(day)}-${pad(m)}-${y}`],
      es: [`${pad(day)}/${pad(m)}/${y}`, `${day}/${m}/${y}`, `${pad(day)}-${pad(m)}-${y}`],
      it: [`${pad(day)}/${pad(m)}/${y}`, `${pad(day)}.${pad(m)}.${y}`, `${pad(day)}-${pad(m)}-${y}`],
    };
    const words: Record<Lang, string[]> = {
      en: [`${month} ${day}, ${y}`, `${day} ${month} ${y}`, `${day} ${month.slice(0, 3)} ${y}`],
      de: [`${day}. ${month} ${y}`, `${pad(day)}. ${month}`],
      fr: [`${day === 1 ? '1er' : day} ${month} ${y}`],
      es: [`${day} de ${month} de ${y}`],
      it: [`${day === 1 ? '1°' : day} ${month} ${y}`],
    };
    const all = [...numeric[lang], ...words[lang], iso, `${iso}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00Z`];
    return all[style % all.length]!;
  });

export const timeIn = (lang: Lang) =>
  fc
    .tuple(fc.nat(23), fc.nat(59), fc.nat(59))
    .map(([h, min, s]) => {
      const h12 = ((h + 11) % 12) + 1;
      const styles: Record<Lang, string[]> = {
        en: [`${h12}:${pad(min)} ${h < 12 ? 'am' : 'pm'}`, `${pad(h)}:${pad(min)}`, `${h}:${pad(min)}:${pad(s)}`],
        de: [`${pad(h)}:${pad(min)} Uhr`, `${h}.${pad(min)} Uhr`, `${pad(h)}:${pad(min)}`],
        fr: [`${h}h${pad(min)}`, `${h} h ${pad(min)}`, `${pad(h)}:${pad(min)}`],
        es: [`${pad(h)}:${pad(min)} h`, `${h}:${pad(min)}`],
        it: [`${pad(h)}:${pad(min)}`, `${h}.${pad(min)}`],
      };
      return styles[lang];
    })
    .chain((options) => fc.constantFrom(...options));

/** An amount as each language writes it, with a currency symbol or code before or after. */
export const amountIn = (lang: Lang) =>
  fc
    .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom('€', 'EUR', '$', 'USD', '£', 'GBP', 'CHF', 'zł', 'PLN', '¥', 'JPY', 'SEK'), fc.nat(3))
    .map(([minor, cur, style]) => {
      const whole = Math.floor(minor / 100);
      const cents = pad(minor % 100);
      const group = (sep: string) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
      const comma = `${group('.')},${cents}`;
      const forms: Record<Lang, string[]> = {
        en: [`${cur}${group(',')}.${cents}`, `${cur} ${group(',')}.${cents}`, `${group(',')}.${cents} ${cur}`, `${cur}${whole}`],
        de: [`${comma} ${cur}`, `${comma}\u00A0${cur}`, `${cur} ${comma}`, `${whole} ${cur}`],
        fr: [`${group('\u202F')},${cents} ${cur}`, `${group(' ')},${cents} ${cur}`, `${group('\u00A0')},${cents}\u00A0${cur}`, `${whole} ${cur}`],
        es: [`${comma} ${cur}`, `${comma}${cur}`, `${cur}${comma}`, `${whole} ${cur}`],
        it: [`${cur} ${comma}`, `${comma} ${cur}`, `${cur}${whole},${cents}`, `${group("'")}.${cents} ${cur}`],
      };
      return forms[lang][style]!;
    });

const US_STATE = fc.constantFrom('MA', 'NY', 'CA', 'NJ', 'CT', 'TX', 'WA');
export const postcode = fc.oneof(
  digits(5), // US ZIP, DE, FR, IT, ES
  cat(US_STATE, lit(' '), digits(5), lit('-'), digits(4)), // ZIP+4 after the state
  cat(letters(2), fc.integer({ min: 1, max: 99 }).map(String), UPPER, lit(' '), DIGIT, letters(2)), // UK
  cat(letters(1), DIGIT, lit(' '), DIGIT, letters(2)), // UK short
  cat(fc.integer({ min: 1000, max: 9999 }).map(String), lit(' '), letters(2)), // NL
  cat(digits(2), lit('-'), digits(3)), // PL
  cat(lit('〒'), digits(3), lit('-'), digits(4)), // JP
  cat(digits(3), lit('-'), digits(4)), // JP without the mark
);
const CITY = fc.constantFrom('Berlin', 'Paris', 'Roma', 'Madrid', 'Amsterdam', 'Warszawa', 'Tokyo', 'Boston', 'London');
export const postalAddress = fc.tuple(fc.integer({ min: 1, max: 250 }), postcode, CITY).map(([house, code, city]) => `Hauptstraße ${house}, ${code} ${city}`);

export const sku = fc.oneof(
  cat(lit('B0'), alnum(8)), // ASIN
  digits(10), // a book's ASIN is its ISBN-10
  cat(letters(3), lit('-'), digits(4, 6), lit('-'), fc.constantFrom('BLK', 'WHT', 'XL', 'S', 'M', '42')),
  cat(lit('SKU-'), digits(5, 8)),
  cat(alnum(2), lit('-'), alnum(4), lit('-'), alnum(4)), // Seller Central's generated SKUs (7K-4GJ3-N2XQ)
  digits(13), // EAN
);
