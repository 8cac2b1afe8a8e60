/**
 * Country names as the portals print them in address blocks (en, de, fr, it, es, nl, ja), to ISO 3166-1
 * alpha-2. Keys are folded (lower case, no accents).
 */
const COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  DE: ['germany', 'deutschland', 'allemagne', 'germania', 'alemania', 'duitsland', 'ドイツ'],
  AT: ['austria', 'osterreich', 'autriche', 'oostenrijk'],
  CH: ['switzerland', 'schweiz', 'suisse', 'svizzera', 'suiza', 'zwitserland'],
  US: ['united states', 'usa', 'united states of america', 'vereinigte staaten', 'etats-unis', 'stati uniti', 'estados unidos', 'アメリカ合衆国'],
  GB: ['united kingdom', 'uk', 'great britain', 'vereinigtes konigreich', 'royaume-uni', 'regno unito', 'reino unido', 'イギリス'],
  FR: ['france', 'frankreich', 'francia', 'frankrijk', 'フランス'],
  IT: ['italy', 'italia', 'italien', 'italie', 'italie', 'イタリア'],
  ES: ['spain', 'espana', 'spanien', 'espagne', 'spagna', 'spanje', 'スペイン'],
  NL: ['netherlands', 'the netherlands', 'nederland', 'niederlande', 'pays-bas', 'paesi bassi', 'paises bajos'],
  BE: ['belgium', 'belgien', 'belgique', 'belgie', 'belgio', 'belgica'],
  PL: ['poland', 'polska', 'polen', 'pologne', 'polonia'],
  SE: ['sweden', 'sverige', 'schweden', 'suede', 'svezia', 'suecia', 'zweden'],
  JP: ['japan', '日本', 'japon', 'giappone', 'japón'],
  CA: ['canada', 'kanada'],
  MX: ['mexico', 'mexiko', 'messico'],
  DK: ['denmark', 'danmark', 'danemark', 'danimarca', 'dinamarca'],
  IE: ['ireland', 'irland', 'irlande', 'irlanda', 'ierland', 'éire', 'eire'],
  ZA: ['south africa', 'sudafrika', 'afrique du sud', 'sudafrica', 'zuid-afrika', 'rpa'],
  TR: ['turkey', 'turkiye', 'turkei', 'turquie', 'turchia', 'turquia', 'turkije', 'turcja', 'turkiet', 'トルコ'],
};

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.\s]+$/, '')
    .trim();

const CODE_BY_NAME: ReadonlyMap<string, string> = new Map(Object.entries(COUNTRY_NAMES).flatMap(([code, names]) => names.map((n) => [fold(n), code] as const)));

/** ISO alpha-2 for a country name line, or for a bare two-letter code; undefined when not a country. */
export function countryFromText(text: string): string | undefined {
  const folded = fold(text);
  if (/^[a-z]{2}$/.test(folded) && folded !== 'uk') {
    const upper = folded.toUpperCase();
    return Object.hasOwn(COUNTRY_NAMES, upper) ? upper : undefined;
  }
  return CODE_BY_NAME.get(folded);
}
