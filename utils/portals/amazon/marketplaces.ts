import type { FieldTier, Marketplace } from '../../schemas';

/**
 * Amazon marketplaces: host, id, currency, zone and buyer language. Ids come from Amazon's
 * SP-API marketplace table (docs/portals.md).
 */
export interface AmazonMarketplace {
  code: string;
  amazonId: string;
  /** Top-level domain of both the storefront and Seller Central. */
  tld: string;
  currency: string;
  timeZone: string;
  language: NonNullable<Marketplace['language']>;
  /** Locale used for number and date text on this marketplace's Seller Central. */
  locale: string;
}

export const AMAZON_MARKETPLACES: readonly AmazonMarketplace[] = [
  { code: 'US', amazonId: 'ATVPDKIKX0DER', tld: 'com', currency: 'USD', timeZone: 'America/Los_Angeles', language: 'en', locale: 'en-US' },
  { code: 'CA', amazonId: 'A2EUQ1WTGCTBG2', tld: 'ca', currency: 'CAD', timeZone: 'America/Toronto', language: 'en', locale: 'en-CA' },
  { code: 'MX', amazonId: 'A1AM78C64UM0Y8', tld: 'com.mx', currency: 'MXN', timeZone: 'America/Mexico_City', language: 'es', locale: 'es-MX' },
  { code: 'BR', amazonId: 'A2Q3Y263D00KWC', tld: 'com.br', currency: 'BRL', timeZone: 'America/Sao_Paulo', language: 'pt', locale: 'pt-BR' },
  { code: 'UK', amazonId: 'A1F83G8C2ARO7P', tld: 'co.uk', currency: 'GBP', timeZone: 'Europe/London', language: 'en', locale: 'en-GB' },
  { code: 'DE', amazonId: 'A1PA6795UKMFR9', tld: 'de', currency: 'EUR', timeZone: 'Europe/Berlin', language: 'de', locale: 'de-DE' },
  { code: 'FR', amazonId: 'A13V1IB3VIYZZH', tld: 'fr', currency: 'EUR', timeZone: 'Europe/Paris', language: 'fr', locale: 'fr-FR' },
  { code: 'IT', amazonId: 'APJ6JRA9NG5V4', tld: 'it', currency: 'EUR', timeZone: 'Europe/Rome', language: 'it', locale: 'it-IT' },
  { code: 'ES', amazonId: 'A1RKKUPIHCS9HS', tld: 'es', currency: 'EUR', timeZone: 'Europe/Madrid', language: 'es', locale: 'es-ES' },
  { code: 'NL', amazonId: 'A1805IZSGTT6HS', tld: 'nl', currency: 'EUR', timeZone: 'Europe/Amsterdam', language: 'nl', locale: 'nl-NL' },
  { code: 'SE', amazonId: 'A2NODRKZP88ZB9', tld: 'se', currency: 'SEK', timeZone: 'Europe/Stockholm', language: 'sv', locale: 'sv-SE' },
  { code: 'PL', amazonId: 'A1C3SOZRARQ6R3', tld: 'pl', currency: 'PLN', timeZone: 'Europe/Warsaw', language: 'pl', locale: 'pl-PL' },
  { code: 'BE', amazonId: 'AMEN7PMS3EDWL', tld: 'com.be', currency: 'EUR', timeZone: 'Europe/Brussels', language: 'fr', locale: 'fr-BE' },
  { code: 'AE', amazonId: 'A2VIGQ35RCS4UG', tld: 'ae', currency: 'AED', timeZone: 'Asia/Dubai', language: 'en', locale: 'en-AE' },
  { code: 'SA', amazonId: 'A17E79C6D8DWNP', tld: 'sa', currency: 'SAR', timeZone: 'Asia/Riyadh', language: 'en', locale: 'en-SA' },
  { code: 'EG', amazonId: 'ARBP9OOSHTCHU', tld: 'eg', currency: 'EGP', timeZone: 'Africa/Cairo', language: 'en', locale: 'en-EG' },
  { code: 'JP', amazonId: 'A1VC38T7YXB528', tld: 'co.jp', currency: 'JPY', timeZone: 'Asia/Tokyo', language: 'ja', locale: 'ja-JP' },
  { code: 'AU', amazonId: 'A39IBJ37TRP1C6', tld: 'com.au', currency: 'AUD', timeZone: 'Australia/Sydney', language: 'en', locale: 'en-AU' },
  { code: 'SG', amazonId: 'A19VAU5U5O7RUS', tld: 'sg', currency: 'SGD', timeZone: 'Asia/Singapore', language: 'en', locale: 'en-SG' },
  { code: 'IN', amazonId: 'A21TJRUUN4KGV', tld: 'in', currency: 'INR', timeZone: 'Asia/Kolkata', language: 'en', locale: 'en-IN' },
  // IE, TR and ZA: SP-API's marketplace table and the hosts public scripts use. Turkish buyers get English templates.
  { code: 'IE', amazonId: 'A28R8C7NBKEWEA', tld: 'ie', currency: 'EUR', timeZone: 'Europe/Dublin', language: 'en', locale: 'en-IE' },
  { code: 'TR', amazonId: 'A33AVAJ2PDY3EV', tld: 'com.tr', currency: 'TRY', timeZone: 'Europe/Istanbul', language: 'en', locale: 'tr-TR' },
  { code: 'ZA', amazonId: 'AE08WJ6YKNBMC', tld: 'co.za', currency: 'ZAR', timeZone: 'Africa/Johannesburg', language: 'en', locale: 'en-ZA' },
];

// Hosts that serve several marketplaces: the page (sales channel, marketplaceID) must say which.
const MULTI_MARKETPLACE_HOSTS = new Set(['sellercentral.amazon.com', 'sellercentral-europe.amazon.com']);
const JAPAN_HOST = 'sellercentral-japan.amazon.com';

/** The marketplace a single-marketplace Seller Central host belongs to. */
export function marketplaceFromHost(host: string): AmazonMarketplace | undefined {
  if (host === JAPAN_HOST) return byCode('JP');
  const tld = /^sellercentral\.amazon\.(.+)$/.exec(host.toLowerCase())?.[1];
  return tld ? AMAZON_MARKETPLACES.find((m) => m.tld === tld) : undefined;
}

export function marketplaceFromId(id: string | null | undefined): AmazonMarketplace | undefined {
  return id ? AMAZON_MARKETPLACES.find((m) => m.amazonId === id.trim()) : undefined;
}

/** `Amazon.de`, `www.amazon.co.uk`, `amazon.com` -> marketplace. */
export function marketplaceFromSalesChannel(text: string | undefined): AmazonMarketplace | undefined {
  const tld = text && /amazon\.([a-z.]+[a-z])/i.exec(text)?.[1]?.toLowerCase();
  return tld ? AMAZON_MARKETPLACES.find((m) => m.tld === tld) : undefined;
}

export function byCode(code: string): AmazonMarketplace | undefined {
  return AMAZON_MARKETPLACES.find((m) => m.code === code);
}

/** What a page tells about its order's marketplace, strongest first (see resolveAmazonMarketplace). */
export interface MarketplaceSignals {
  /** The sales channel text (`Amazon.fr`) and the tier that read it. */
  salesChannel?: { text: string; tier: FieldTier };
  /** `marketplaceID` / `mons_sel_mkid` values of the links of the item in focus. */
  linkIds?: readonly string[];
  /** The ship-to country (ISO alpha-2). */
  shipToCountry?: string;
  /** Currencies of the amounts shown for the order. */
  currencies?: readonly string[];
}

const COUNTRY_TO_MARKETPLACE: Readonly<Record<string, string>> = { GB: 'UK' };

/** The marketplace of a currency that only one marketplace uses (GBP, SEK, PLN, JPY ...); EUR tells nothing alone. */
function marketplaceFromCurrency(currency: string, host: string): AmazonMarketplace | undefined {
  const users = AMAZON_MARKETPLACES.filter((m) => m.currency === currency);
  if (users.length === 1) return users[0];
  const onHost = marketplaceFromHost(host);
  return onHost && onHost.currency === currency ? onHost : undefined;
}

/**
 * The order's marketplace, not the host's: unified accounts handle FR, IT, ES, UK, NL, PL, SE, BE and IE
 * orders on sellercentral.amazon.de (and NA orders on .com). In order: the sales channel, the
 * marketplace id of the order's links, the page URL's `marketplaceID`, the ship-to country, a currency
 * only one marketplace uses, then `mons_sel_mkid` (the account's chosen marketplace) and the host.
 */
export function resolveAmazonMarketplace(
  url: URL,
  signals: MarketplaceSignals | string | undefined,
): { marketplace: Marketplace; tier: FieldTier } | undefined {
  const s: MarketplaceSignals = typeof signals === 'string' ? { salesChannel: { text: signals, tier: 'hook' } } : (signals ?? {});
  const host = url.hostname.toLowerCase();
  const param = (name: string) => url.searchParams.get(name) ?? new URLSearchParams(url.hash.split('?')[1] ?? '').get(name);
  const country = s.shipToCountry ? byCode(COUNTRY_TO_MARKETPLACE[s.shipToCountry] ?? s.shipToCountry) : undefined;
  const currencies = [...new Set(s.currencies ?? [])];
  const fromCurrency = currencies.length === 1 ? marketplaceFromCurrency(currencies[0]!, host) : undefined;
  const candidates: ReadonlyArray<readonly [AmazonMarketplace | undefined, FieldTier]> = [
    [marketplaceFromSalesChannel(s.salesChannel?.text), s.salesChannel?.tier ?? 'hook'],
    [(s.linkIds ?? []).map(marketplaceFromId).find(Boolean), 'structure'],
    [marketplaceFromId(param('marketplaceID') ?? param('marketplaceId')), 'url'],
    // A ship-to country agrees with the currency shown, or the currency says nothing (EUR on .de).
    [country && (!fromCurrency || fromCurrency === country) ? country : undefined, 'structure'],
    [fromCurrency, 'structure'],
    [marketplaceFromId(param('mons_sel_mkid')), 'url'],
    [MULTI_MARKETPLACE_HOSTS.has(host) ? (host === 'sellercentral.amazon.com' ? byCode('US') : undefined) : marketplaceFromHost(host), 'url'],
  ];
  const found = candidates.find(([m]) => m !== undefined);
  if (!found) return undefined;
  const [chosen, tier] = found as readonly [AmazonMarketplace, FieldTier];
  const channel = s.salesChannel?.text;
  const domain = channel && /amazon\./i.test(channel) && marketplaceFromSalesChannel(channel) === chosen ? channel.replace(/^www\./i, '') : undefined;
  return {
    tier,
    marketplace: {
      code: chosen.code,
      amazonId: chosen.amazonId,
      ...(domain ? { domain } : {}),
      currency: chosen.currency,
      timeZone: chosen.timeZone,
      language: chosen.language,
    },
  };
}

export function amazonMarketplaceFor(code: string | undefined): AmazonMarketplace | undefined {
  return code ? byCode(code) : undefined;
}
