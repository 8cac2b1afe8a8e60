import type { Marketplace } from '../../schemas';
import { deepText } from '../deep-dom';
import { MARKETPLACE_WORD } from './labels';

/**
 * The marketplace of a back-office page: `<OPERATOR>-<COUNTRY>` (SECRETSALES-UK, DECATHLON-DE). The
 * operator is the brand in the back office's header (its home link), else the host's name; the country is
 * the sales channel ("Secret Sales UK", "Decathlon IT"), the shop switcher ("Harbour & Pine (UK)"), else
 * the page's language (operators run one back office per country or language).
 */

export type PageLanguage = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pl' | 'pt';

interface CountryFacts {
  zone: string;
  currency: string;
  /** For dates written day first or month first. */
  locale: string;
}

const COUNTRIES: Readonly<Record<string, CountryFacts>> = {
  UK: { zone: 'Europe/London', currency: 'GBP', locale: 'en-GB' },
  IE: { zone: 'Europe/Dublin', currency: 'EUR', locale: 'en-IE' },
  FR: { zone: 'Europe/Paris', currency: 'EUR', locale: 'fr-FR' },
  BE: { zone: 'Europe/Brussels', currency: 'EUR', locale: 'fr-BE' },
  LU: { zone: 'Europe/Luxembourg', currency: 'EUR', locale: 'fr-LU' },
  DE: { zone: 'Europe/Berlin', currency: 'EUR', locale: 'de-DE' },
  AT: { zone: 'Europe/Vienna', currency: 'EUR', locale: 'de-AT' },
  CH: { zone: 'Europe/Zurich', currency: 'CHF', locale: 'de-CH' },
  ES: { zone: 'Europe/Madrid', currency: 'EUR', locale: 'es-ES' },
  PT: { zone: 'Europe/Lisbon', currency: 'EUR', locale: 'pt-PT' },
  IT: { zone: 'Europe/Rome', currency: 'EUR', locale: 'it-IT' },
  NL: { zone: 'Europe/Amsterdam', currency: 'EUR', locale: 'nl-NL' },
  PL: { zone: 'Europe/Warsaw', currency: 'PLN', locale: 'pl-PL' },
  US: { zone: 'America/New_York', currency: 'USD', locale: 'en-US' },
  CA: { zone: 'America/Toronto', currency: 'CAD', locale: 'en-CA' },
  AU: { zone: 'Australia/Sydney', currency: 'AUD', locale: 'en-AU' },
};

/** The country a back office in this language most likely serves, when the page names none. */
const COUNTRY_OF_LANGUAGE: Readonly<Record<PageLanguage, string>> = { en: 'UK', de: 'DE', fr: 'FR', es: 'ES', it: 'IT', nl: 'NL', pl: 'PL', pt: 'PT' };

/** Buyer-facing languages of the marketplace's country. */
const LANGUAGE_OF_COUNTRY: Readonly<Record<string, NonNullable<Marketplace['language']>>> = {
  UK: 'en',
  IE: 'en',
  US: 'en',
  CA: 'en',
  AU: 'en',
  FR: 'fr',
  BE: 'fr',
  LU: 'fr',
  DE: 'de',
  AT: 'de',
  CH: 'de',
  ES: 'es',
  IT: 'it',
  NL: 'nl',
  PL: 'pl',
  PT: 'pt',
};

export { MARKETPLACE_CODE_RE } from './codes';

export function countryFacts(country: string): CountryFacts | undefined {
  return COUNTRIES[country];
}

/** The page's UI language from `<html lang>`; English when it says none we know. */
export function pageLanguage(doc: Document): PageLanguage {
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').slice(0, 2).toLowerCase();
  return (Object.keys(COUNTRY_OF_LANGUAGE) as PageLanguage[]).includes(lang as PageLanguage) ? (lang as PageLanguage) : 'en';
}

export interface Operator {
  /** As the header shows it: "Secret Sales". */
  name: string;
  /** For the marketplace code: "SECRETSALES". */
  code: string;
  found: 'label' | 'url';
}

const codeOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 24);

/** The operator: the header's home link ("Boulanger Marketplace" -> Boulanger), else the host ("secretsales-prod.mirakl.net"). */
export function readOperator(doc: Document, host: string): Operator | undefined {
  const home = doc.querySelector('header a[href$="/mmp/shop/home"], a[href$="/mmp/shop/home"], header a[href="/"]');
  const brand = deepText(home?.querySelector('strong, b, img[alt]') ?? home) ?? home?.querySelector('img[alt]')?.getAttribute('alt') ?? undefined;
  const name = brand?.replace(MARKETPLACE_WORD, ' ').replace(/\s+/g, ' ').trim();
  if (name && codeOf(name).length >= 2 && name.length <= 40) return { name, code: codeOf(name), found: 'label' };
  const labels = host.toLowerCase().split('.');
  // `<operator>-prod.mirakl.net` or `merchant.<operator>.com`.
  const own = labels.length > 2 && labels.at(-2) === 'mirakl' ? labels[0]! : (labels.at(-2) ?? labels[0]!);
  const fromHost = own.replace(/-(?:prod|production|marketplace|mp|eu|bo)\b.*$/, '').replace(/^(?:marketplace|merchant|seller|sellers)-/, '');
  return fromHost ? { name: fromHost, code: codeOf(fromHost), found: 'url' } : undefined;
}

/**
 * The shop's country: "<operator> XX" anywhere in the given texts (the sales channel), a shop switcher
 * "(XX)" in the header, else the page's language.
 */
export function readCountry(
  doc: Document,
  operator: Operator | undefined,
  texts: readonly string[],
  language: PageLanguage,
): { country: string; found: 'label' | 'structure' } {
  if (operator) {
    const name = operator.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![\\p{L}])${name}\\s+([A-Za-z]{2})(?![\\p{L}])`, 'giu');
    for (const text of texts) {
      for (const m of text.matchAll(re)) {
        const code = m[1]!;
        if (code === code.toUpperCase() && COUNTRIES[code === 'GB' ? 'UK' : code]) return { country: code === 'GB' ? 'UK' : code, found: 'label' };
      }
    }
  }
  const header = deepText(doc.querySelector('header')) ?? '';
  const switcher = /\(([A-Z]{2})\)\s*▾?/.exec(header)?.[1];
  if (switcher && COUNTRIES[switcher === 'GB' ? 'UK' : switcher]) return { country: switcher === 'GB' ? 'UK' : switcher, found: 'label' };
  return { country: COUNTRY_OF_LANGUAGE[language], found: 'structure' };
}

export function miraklMarketplace(operator: Operator | undefined, country: string): Marketplace | undefined {
  if (!operator) return undefined;
  const facts = COUNTRIES[country];
  return {
    code: `${operator.code}-${country}`,
    domain: operator.name,
    ...(facts ? { currency: facts.currency, timeZone: facts.zone } : {}),
    ...(LANGUAGE_OF_COUNTRY[country] ? { language: LANGUAGE_OF_COUNTRY[country] } : {}),
  };
}
