import type { Marketplace } from '../../schemas';

/**
 * A Shopify store is its own shop, not a marketplace country: its code is `SHOPIFY` (or `SHOPIFY-<country>`
 * where a team names its stores by country). The page prints times in the store's time zone without
 * naming it, and amounts in the store's currency. The zone is taken from the admin's language and the
 * currency shown (a New York store writes English and dollars); Shopify's own default zone for a new
 * store is US Eastern. A store in another zone than these pairs suggest reads times shifted: the team's
 * setting for it would be the fix (not there yet).
 */
export const SHOPIFY_CODE = 'SHOPIFY';

const ZONES: ReadonlyArray<readonly [language: string | undefined, currency: string | undefined, zone: string]> = [
  ['en', 'GBP', 'Europe/London'],
  ['en', 'EUR', 'Europe/Dublin'],
  ['en', 'CAD', 'America/Toronto'],
  ['en', 'AUD', 'Australia/Sydney'],
  ['de', 'CHF', 'Europe/Zurich'],
  ['fr', 'CHF', 'Europe/Zurich'],
  ['it', 'CHF', 'Europe/Zurich'],
  ['fr', 'CAD', 'America/Toronto'],
  ['de', undefined, 'Europe/Berlin'],
  ['fr', undefined, 'Europe/Paris'],
  ['es', undefined, 'Europe/Madrid'],
  ['it', undefined, 'Europe/Rome'],
  [undefined, 'GBP', 'Europe/London'],
  [undefined, 'EUR', 'Europe/Berlin'],
  [undefined, undefined, 'America/New_York'],
];

type BuyerLanguage = NonNullable<Marketplace['language']>;
const LANGUAGES: ReadonlySet<string> = new Set(['en', 'de', 'fr', 'es', 'it', 'ja', 'nl', 'pl', 'sv', 'pt']);

export function storeTimeZone(language: string | undefined, currency: string | undefined): string {
  return ZONES.find(([l, c]) => (l === undefined || l === language) && (c === undefined || c === currency))![2];
}

/** The store as a marketplace: its code, its `<handle>.myshopify.com` domain, currency and zone. */
export function shopifyMarketplace(store: string | undefined, language: string | undefined, currency: string | undefined): Marketplace {
  return {
    code: SHOPIFY_CODE,
    ...(store ? { domain: `${store}.myshopify.com` } : {}),
    ...(currency ? { currency } : {}),
    timeZone: storeTimeZone(language, currency),
    ...(language && LANGUAGES.has(language) ? { language: language as BuyerLanguage } : {}),
  };
}
