/**
 * Month names and abbreviations as the portals print them in en, de, fr, it, es, nl and pt, keyed
 * without accents or trailing dots (`févr.` -> `fevr`, `März` -> `marz`, `Mär` -> `mar`).
 */
const MONTHS: ReadonlyArray<readonly string[]> = [
  ['jan', 'january', 'januar', 'janv', 'janvier', 'gen', 'gennaio', 'ene', 'enero', 'januari', 'janeiro', 'jaenner', 'jänner'],
  ['feb', 'february', 'februar', 'fevr', 'fevrier', 'febbraio', 'febrero', 'februari', 'fev', 'fevereiro'],
  ['mar', 'march', 'marz', 'maerz', 'mars', 'marzo', 'maart', 'marco', 'mrt'],
  ['apr', 'april', 'avr', 'avril', 'aprile', 'abr', 'abril'],
  ['may', 'mai', 'mag', 'maggio', 'mayo', 'mei', 'maio'],
  ['jun', 'june', 'juni', 'juin', 'giu', 'giugno', 'junio', 'junho'],
  ['jul', 'july', 'juli', 'juil', 'juillet', 'lug', 'luglio', 'julio', 'julho'],
  ['aug', 'august', 'aout', 'ago', 'agosto', 'augustus'],
  ['sep', 'sept', 'september', 'septembre', 'set', 'settembre', 'septiembre', 'setiembre', 'setembro'],
  ['oct', 'october', 'okt', 'oktober', 'octobre', 'ott', 'ottobre', 'octubre', 'outubro'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  ['dec', 'december', 'dez', 'dezember', 'decembre', 'dic', 'dicembre', 'diciembre', 'dezembro'],
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(MONTHS.flatMap((names, index) => names.map((name) => [foldWord(name), index + 1] as const)));

/** Lower case, accents removed, trailing dot removed: the key month names are stored under. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
}

/** 1-12 for a month word in any supported language, else undefined. */
export function monthFromWord(word: string): number | undefined {
  return MONTH_BY_NAME.get(foldWord(word));
}
