/**
 * Matching keys for names, addresses and phone numbers. The backend stores these keys with every order
 * so that "MAX  MUSTERMANN", "Max Müstermann" and "Mustermann, Max" count as one buyer in velocity and
 * shared-address checks. Keys are for equality only: never show them to an agent.
 *
 * Folding rules (applied the same way everywhere, so two spellings meet):
 * - lower case; accents dropped (ü -> u, é -> e); ß -> ss, æ -> ae, ø -> o, ł -> l ...;
 * - German transliterations fold too (ue -> u, oe -> o, ae -> a), so "Mueller" meets "Müller";
 * - punctuation becomes a space; runs of whitespace collapse.
 */

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  þ: 'th',
  Þ: 'th',
  ð: 'd',
  Ð: 'd',
  ı: 'i',
  ħ: 'h',
};
const SPECIAL_LETTER_RE = /[ßẞæÆœŒøØđĐłŁþÞðÐıħ]/g;
const COMBINING_MARKS_RE = /\p{M}+/gu;

/** Lower case without accents or special letters: the base of every key and of accent-blind search. */
export function foldAccents(s: string): string {
  // Special letters are mapped after decomposition and lower-casing, so their capitals (Ħ) and
  // compatibility forms (𝚤) fold too.
  return s
    .normalize('NFKD')
    .replace(COMBINING_MARKS_RE, '')
    .toLowerCase()
    .replace(SPECIAL_LETTER_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .normalize('NFKD')
    .replace(COMBINING_MARKS_RE, '');
}

/** Splits folded text into word tokens; everything that is not a letter or digit separates. */
function tokens(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/**
 * ue/oe/ae -> u/o/a so that typed-out umlauts meet the accent-stripped form. A run of e's folds at once
 * ("Æê" is "aee"), so a key folded again stays the same key.
 */
function foldDigraphs(token: string): string {
  return token.replace(/([aou])e+/g, '$1');
}

// Forms of address that say nothing about who the person is.
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'herr',
  'frau',
  'hr',
  'fr',
  'mme',
  'mlle',
  'monsieur',
  'madame',
  'sr',
  'sra',
  'srta',
  'senor',
  'senora',
  'sig',
  'sigra',
  'signor',
  'signora',
  'dott',
  'dottssa',
]);

/**
 * A name key: tokens folded, honorifics dropped, then sorted so that "Mustermann, Max" meets
 * "Max Mustermann". Empty when the name holds no letters or digits.
 */
export function normalizeName(s: string): string {
  // Digraphs fold before honorifics are dropped, so a key never holds a word that folds into one.
  const words = tokens(foldAccents(s))
    .map(foldDigraphs)
    .filter((t) => !HONORIFICS.has(t));
  return words.sort().join(' ');
}

// Street-type words and their abbreviations, each mapped to one canonical form. Keys are folded tokens
// (punctuation already gone, so "Str." is "str" and "c/" is "c").
const STREET_WORDS: Record<string, string> = {
  str: 'strasse',
  strasse: 'strasse',
  strase: 'strasse',
  st: 'street',
  street: 'street',
  ave: 'avenue',
  av: 'avenue',
  avenue: 'avenue',
  avda: 'avenida',
  avenida: 'avenida',
  rd: 'road',
  road: 'road',
  dr: 'drive',
  drive: 'drive',
  ln: 'lane',
  lane: 'lane',
  ct: 'court',
  court: 'court',
  apt: 'apartment',
  apartment: 'apartment',
  appt: 'apartment',
  app: 'apartment',
  whg: 'apartment',
  wohnung: 'apartment',
  ste: 'suite',
  suite: 'suite',
  fl: 'floor',
  floor: 'floor',
  bd: 'boulevard',
  blvd: 'boulevard',
  boul: 'boulevard',
  bvd: 'boulevard',
  boulevard: 'boulevard',
  c: 'calle',
  cl: 'calle',
  calle: 'calle',
  v: 'via',
  via: 'via',
  pl: 'platz',
  platz: 'platz',
  place: 'platz',
  pza: 'piazza',
  piazza: 'piazza',
  weg: 'weg',
  allee: 'allee',
  ring: 'ring',
  gasse: 'gasse',
};

// German street words are usually glued to the name ("Hauptstraße", "Hauptstr.", "Birkenweg"):
// split them off so that "Haupt Straße" and "Hauptstr." meet.
const GLUED_SUFFIX_RE = /^(\p{L}{3,}?)(strasse|str|weg|platz|pl|allee|gasse|ring)$/u;

// House-number markers that some people write and others do not ("Nr. 5", "No 5", "n° 5").
const NUMBER_MARKERS = new Set(['nr', 'no', 'n', 'num', 'numero']);

const COUNTRY_NAMES: Record<string, string> = {
  deutschland: 'de',
  germany: 'de',
  allemagne: 'de',
  alemania: 'de',
  germania: 'de',
  osterreich: 'at',
  oesterreich: 'at',
  austria: 'at',
  autriche: 'at',
  schweiz: 'ch',
  switzerland: 'ch',
  suisse: 'ch',
  svizzera: 'ch',
  suiza: 'ch',
  france: 'fr',
  frankreich: 'fr',
  francia: 'fr',
  italia: 'it',
  italy: 'it',
  italien: 'it',
  italie: 'it',
  espana: 'es',
  spain: 'es',
  spanien: 'es',
  espagne: 'es',
  spagna: 'es',
  'united kingdom': 'gb',
  uk: 'gb',
  'great britain': 'gb',
  england: 'gb',
  gb: 'gb',
  'united states': 'us',
  usa: 'us',
  'united states of america': 'us',
  us: 'us',
  nederland: 'nl',
  netherlands: 'nl',
  niederlande: 'nl',
  'pays bas': 'nl',
  belgium: 'be',
  belgique: 'be',
  belgie: 'be',
  belgien: 'be',
  polska: 'pl',
  poland: 'pl',
  polen: 'pl',
  pologne: 'pl',
};

function streetTokens(line: string): string[] {
  const out: string[] = [];
  for (const raw of tokens(foldAccents(line))) {
    const glued = GLUED_SUFFIX_RE.exec(raw);
    const parts = glued && !(raw in STREET_WORDS) ? [glued[1]!, glued[2]!] : [raw];
    for (const part of parts) {
      const previous = out[out.length - 1];
      // "5 a" and "5a" are the same house.
      if (/^\p{L}$/u.test(part) && previous !== undefined && /^\d+$/.test(previous) && !(part in STREET_WORDS)) {
        out[out.length - 1] = previous + part;
        continue;
      }
      out.push(STREET_WORDS[part] ?? part);
    }
  }
  // Drop a number marker that stands right before a number.
  return out.filter((t, i) => !(NUMBER_MARKERS.has(t) && /^\d/.test(out[i + 1] ?? '')));
}

/**
 * An address key: street lines with street words in one form, then postal code, city and country.
 * Lines are joined first, so one line "Hauptstr. 5, Apt 3" meets two lines "Hauptstraße 5" / "Apt. 3".
 * A trailing line that repeats the postal code/city or names the country is not counted twice.
 */
export function normalizeAddress(a: { lines: string[]; city?: string; postalCode?: string; country?: string }): string {
  // "Deutschland", "Germany" and "DE" in the country field are one country, as they are on the last line.
  const countryField = a.country ? tokens(foldAccents(a.country)).join(' ') : '';
  let country = COUNTRY_NAMES[countryField] ?? countryField;
  const lines = a.lines.map((l) => l.trim()).filter((l) => l.length > 0);
  const lastLine = lines.length > 0 ? tokens(foldAccents(lines[lines.length - 1]!)).join(' ') : '';
  const countryFromLine = COUNTRY_NAMES[lastLine];
  if (countryFromLine && (country === '' || country === countryFromLine)) {
    country = countryFromLine;
    lines.pop();
  }
  const street = lines.flatMap(streetTokens);
  const postal = a.postalCode ? tokens(foldAccents(a.postalCode)).join('') : '';
  const cityTokens = a.city ? tokens(foldAccents(a.city)) : [];
  // A last line "10115 Berlin" repeats the structured fields: keep them once, in the structured slot.
  // Read the structured fields the way the street line was read ("St. Gallen" gives "street gallen" there,
  // "SW1A 1AA" two tokens), so a repeat is recognised whatever words the city or postcode holds.
  const seen = new Set(street);
  const repeated = postal !== '' || cityTokens.length > 0 ? streetTokens(`${a.postalCode ?? ''} ${a.city ?? ''}`) : [];
  const tail = street.slice(-repeated.length);
  if (repeated.length > 0 && repeated.every((t) => seen.has(t)) && tail.join(' ') === repeated.join(' ')) {
    street.splice(street.length - repeated.length, repeated.length);
  }
  const city = cityTokens.map(foldDigraphs).join(' ');
  return [street.map(foldDigraphs).join(' '), postal, city, country].join('|');
}

// Country calling codes, and whether the national trunk "0" is dropped after the code (Italy keeps it).
const CALLING_CODES: Record<string, { code: string; dropTrunkZero: boolean }> = {
  DE: { code: '49', dropTrunkZero: true },
  AT: { code: '43', dropTrunkZero: true },
  CH: { code: '41', dropTrunkZero: true },
  FR: { code: '33', dropTrunkZero: true },
  GB: { code: '44', dropTrunkZero: true },
  UK: { code: '44', dropTrunkZero: true },
  NL: { code: '31', dropTrunkZero: true },
  BE: { code: '32', dropTrunkZero: true },
  SE: { code: '46', dropTrunkZero: true },
  IE: { code: '353', dropTrunkZero: true },
  JP: { code: '81', dropTrunkZero: true },
  AU: { code: '61', dropTrunkZero: true },
  IN: { code: '91', dropTrunkZero: true },
  TR: { code: '90', dropTrunkZero: true },
  IT: { code: '39', dropTrunkZero: false },
  ES: { code: '34', dropTrunkZero: false },
  PL: { code: '48', dropTrunkZero: false },
  DK: { code: '45', dropTrunkZero: false },
  NO: { code: '47', dropTrunkZero: false },
  PT: { code: '351', dropTrunkZero: false },
  MX: { code: '52', dropTrunkZero: false },
  BR: { code: '55', dropTrunkZero: true },
  US: { code: '1', dropTrunkZero: false },
  CA: { code: '1', dropTrunkZero: false },
};

/**
 * A phone key: digits only, with the country code first when the number carries one ("+49", "0049").
 * "+49 (0)30 1234567" and "0049 30 1234567" both give "49301234567". Given the address country, a
 * national number ("030 1234567" in DE, "(206) 555-0100" in US) is put in the same international form.
 * Extensions ("ext. 12", "x12") are dropped. Empty when there are no digits.
 */
export function normalizePhone(s: string, country?: string): string {
  const withoutExtension = s.replace(/\s*(?:ext\.?|extension|x|durchwahl|dw\.?)\s*\d+\s*$/i, '');
  // "(0)" after a country code is the trunk prefix written for national callers: it is not dialled.
  const withoutTrunkHint = withoutExtension.replace(/\(\s*0\s*\)/g, '');
  const trimmed = withoutTrunkHint.trim();
  const digits = trimmed.replace(/\D+/g, '');
  if (digits === '') return '';
  if (trimmed.startsWith('+')) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  const calling = country ? CALLING_CODES[country.toUpperCase()] : undefined;
  if (!calling) return digits;
  if (calling.code === '1') {
    if (digits.length === 11 && digits.startsWith('1')) return digits;
    return digits.length === 10 ? `1${digits}` : digits;
  }
  if (digits.startsWith('0')) return calling.dropTrunkZero ? calling.code + digits.slice(1) : calling.code + digits;
  // Already international without the plus ("4930...") or a bare subscriber number: leave it as given.
  return digits.startsWith(calling.code) && digits.length > 9 ? digits : calling.dropTrunkZero ? digits : calling.code + digits;
}

/**
 * An e-mail key: trimmed and lower case. Amazon's buyer addresses are relay addresses, and mail systems
 * treat the address case-insensitively in practice, so "A.Buyer@Marketplace.Amazon.de " meets its lower-case form.
 */
export function normalizeEmail(s: string): string {
  return s.trim().toLowerCase();
}
