import type { Marketplace } from '../../schemas';

/** Zalando shop countries: currency, zone and buyer language of each, for `ZALANDO-<country>`. */
const COUNTRIES: Readonly<Record<string, Pick<Marketplace, 'currency' | 'timeZone' | 'language'>>> = {
  DE: { currency: 'EUR', timeZone: 'Europe/Berlin', language: 'de' },
  AT: { currency: 'EUR', timeZone: 'Europe/Vienna', language: 'de' },
  CH: { currency: 'CHF', timeZone: 'Europe/Zurich', language: 'de' },
  FR: { currency: 'EUR', timeZone: 'Europe/Paris', language: 'fr' },
  BE: { currency: 'EUR', timeZone: 'Europe/Brussels', language: 'fr' },
  NL: { currency: 'EUR', timeZone: 'Europe/Amsterdam', language: 'nl' },
  IT: { currency: 'EUR', timeZone: 'Europe/Rome', language: 'it' },
  ES: { currency: 'EUR', timeZone: 'Europe/Madrid', language: 'es' },
  PL: { currency: 'PLN', timeZone: 'Europe/Warsaw', language: 'pl' },
  SE: { currency: 'SEK', timeZone: 'Europe/Stockholm', language: 'sv' },
  DK: { currency: 'DKK', timeZone: 'Europe/Copenhagen', language: 'en' },
  FI: { currency: 'EUR', timeZone: 'Europe/Helsinki', language: 'en' },
  NO: { currency: 'NOK', timeZone: 'Europe/Oslo', language: 'en' },
  CZ: { currency: 'CZK', timeZone: 'Europe/Prague', language: 'en' },
  IE: { currency: 'EUR', timeZone: 'Europe/Dublin', language: 'en' },
};

/** Without a shop country zDirect is still Zalando; Berlin time and EUR are the portal's own defaults. */
const DEFAULT: Marketplace = { code: 'ZALANDO', currency: 'EUR', timeZone: 'Europe/Berlin' };

/** `Zalando DE`, `zalando.de`, `Zalando.co.uk`-style text -> marketplace. */
export function zalandoMarketplace(salesChannel: string | undefined): Marketplace {
  const country = salesChannel && /zalando[\s.-]*(?:co\.)?([a-z]{2})\b/i.exec(salesChannel)?.[1]?.toUpperCase();
  const known = country ? COUNTRIES[country] : undefined;
  if (!country || !known) return DEFAULT;
  return { code: `ZALANDO-${country}`, domain: salesChannel, ...known };
}
