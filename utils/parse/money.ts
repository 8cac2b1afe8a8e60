import type { Money } from '../schemas/common';
import { currencyMinorDigits } from '../money';

/**
 * Localized money text from the portals into integer minor units plus an ISO currency
 * (STYLE.md rule 7). Handles symbol before or after, NBSP / narrow NBSP / apostrophe grouping,
 * comma or dot decimals and a leading minus or accounting parentheses.
 */
export interface MoneyHint {
  /** The marketplace currency: resolves a bare `$`, `kr` or a number without any currency. */
  currency?: string;
  /** BCP 47 locale; its region resolves `$` when no currency hint is given (en-CA -> CAD). */
  locale?: string;
}

// Longest first so `CA$` wins over `$` and `E£` over `£`.
const SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['MX$', 'MXN'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['R$', 'BRL'],
  ['US$', 'USD'],
  ['S$', 'SGD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['E£', 'EGP'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['￥', 'JPY'],
  ['₹', 'INR'],
  ['zł', 'PLN'],
  ['Fr.', 'CHF'],
  ['kr', 'SEK'],
  ['₺', 'TRY'],
  ['$', 'USD'],
];
// ISO codes written out on the portals; a closed list so words like VAT or QTY are never read as currencies.
const ISO_CODES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CAD',
  'MXN',
  'BRL',
  'AUD',
  'SGD',
  'INR',
  'AED',
  'SAR',
  'EGP',
  'PLN',
  'SEK',
  'DKK',
  'NOK',
  'CHF',
  'TRY',
  'CNY',
  'NZD',
  'HKD',
  'CZK',
  'HUF',
  'RON',
  'ZAR',
];
const DOLLAR_CURRENCIES = new Set(['USD', 'CAD', 'MXN', 'AUD', 'SGD', 'NZD', 'HKD']);
const SCANDINAVIAN_KRONA = new Set(['SEK', 'DKK', 'NOK']);
const REGION_DOLLAR: Record<string, string> = { US: 'USD', CA: 'CAD', MX: 'MXN', AU: 'AUD', SG: 'SGD', NZ: 'NZD', HK: 'HKD' };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SYMBOL_SOURCE = SYMBOLS.map(([s]) => escapeRegex(s)).join('|');
// A currency token: a known symbol or a three-letter ISO code that is not glued to other letters.
const CURRENCY_SOURCE = `(?:(?<![A-Za-z])(?:${ISO_CODES.join('|')})(?![A-Za-z])|${SYMBOL_SOURCE})`;
const NUMBER_SOURCE = `\\d[\\d.,' \u2019]*\\d|\\d`;
const MONEY_PATTERN = new RegExp(`(\\()?([-\u2212])?\\s*(${CURRENCY_SOURCE})?\\s*([-\u2212])?\\s*(${NUMBER_SOURCE})\\s*(${CURRENCY_SOURCE})?(\\))?`);

function resolveToken(token: string, hint: MoneyHint | undefined): string | undefined {
  const hinted = hint?.currency?.toUpperCase();
  if (token === '$') {
    if (hinted && DOLLAR_CURRENCIES.has(hinted)) return hinted;
    const region = hint?.locale?.split(/[-_]/)[1]?.toUpperCase();
    return (region && REGION_DOLLAR[region]) ?? 'USD';
  }
  if (token === 'kr') return hinted && SCANDINAVIAN_KRONA.has(hinted) ? hinted : 'SEK';
  if (token === '¥' || token === '￥') return hinted === 'CNY' ? 'CNY' : 'JPY';
  const symbol = SYMBOLS.find(([s]) => s === token);
  if (symbol) return symbol[1];
  return ISO_CODES.includes(token) ? token : undefined;
}

/**
 * Splits digits into integer and fraction. A lone separator followed by exactly three digits is
 * grouping (`1.234` EUR, `1,234` USD) unless the currency has three minor digits.
 */
function splitNumber(raw: string, minorDigits: number): { integer: string; fraction: string } | undefined {
  const compact = raw.replace(/[ '\u2019]/g, '');
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimalAt = -1;
  if (lastDot >= 0 && lastComma >= 0) decimalAt = Math.max(lastDot, lastComma);
  else {
    const sepAt = Math.max(lastDot, lastComma);
    if (sepAt >= 0) {
      const sep = compact[sepAt]!;
      const occurrences = compact.split(sep).length - 1;
      const digitsAfter = compact.length - sepAt - 1;
      const looksLikeGrouping = occurrences > 1 || (digitsAfter === 3 && minorDigits !== 3) || minorDigits === 0;
      if (!looksLikeGrouping) decimalAt = sepAt;
    }
  }
  const integer = (decimalAt >= 0 ? compact.slice(0, decimalAt) : compact).replace(/[.,]/g, '');
  const fraction = decimalAt >= 0 ? compact.slice(decimalAt + 1) : '';
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return undefined;
  // Grouping must come in threes after the first group; anything else is not an amount we understand.
  const groups = (decimalAt >= 0 ? compact.slice(0, decimalAt) : compact).split(/[.,]/);
  if (groups.length > 1 && groups.slice(1).some((g) => g.length !== 3)) return undefined;
  return { integer, fraction };
}

export function parseMoney(text: string, hint?: MoneyHint): Money | undefined {
  if (typeof text !== 'string' || text.length > 200) return undefined;
  const normalized = text.replace(/[\u00a0\u202f\u2007\u2009]/g, ' ').trim();
  const match = MONEY_PATTERN.exec(normalized);
  if (!match) return undefined;
  const [, openParen, signBefore, tokenBefore, signAfterToken, digits, tokenAfter, closeParen] = match;
  if (tokenBefore && tokenAfter) return undefined;
  const token = tokenBefore ?? tokenAfter;
  const currency = token ? resolveToken(token, hint) : hint?.currency?.toUpperCase();
  if (!currency || !digits) return undefined;
  const minorDigits = currencyMinorDigits(currency);
  if (minorDigits === undefined) return undefined;
  const parts = splitNumber(digits, minorDigits);
  if (!parts) return undefined;
  let { fraction } = parts;
  if (fraction.length > minorDigits) {
    // More decimals than the currency has (rare display rounding): round half away from zero.
    const rounded = Math.round(Number(`0.${fraction}`) * 10 ** minorDigits);
    if (rounded === 10 ** minorDigits && minorDigits > 0) return undefined;
    fraction = String(rounded).padStart(minorDigits, '0');
  }
  const amount = Number(parts.integer) * 10 ** minorDigits + Number(fraction.padEnd(minorDigits, '0') || '0');
  if (!Number.isSafeInteger(amount)) return undefined;
  const negative = Boolean(signBefore || signAfterToken || (openParen && closeParen));
  return { amountMinor: negative && amount !== 0 ? -amount : amount, currency };
}
