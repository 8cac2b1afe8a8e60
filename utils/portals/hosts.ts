/**
 * Every portal host Caseside runs on. Seller Central hosts are the ones Amazon
 * publishes per marketplace (docs/portals.md); one content-script match per host keeps the manifest least-privilege.
 */
export const SELLER_CENTRAL_TLDS = [
  'com', 'ca', 'com.mx', 'com.br', 'co.uk', 'de', 'fr', 'it', 'es', 'nl', 'se', 'pl',
  'com.be', 'ae', 'sa', 'eg', 'co.jp', 'com.au', 'sg', 'in', 'ie', 'com.tr', 'co.za',
] as const;

export const SELLER_CENTRAL_HOSTS: readonly string[] = [
  ...SELLER_CENTRAL_TLDS.map((tld) => `sellercentral.amazon.${tld}`),
  'sellercentral-europe.amazon.com',
  'sellercentral-japan.amazon.com',
];

export const ZALANDO_HOSTS: readonly string[] = ['zdirect.zalando.com'];

export const SELLER_CENTRAL_MATCHES = SELLER_CENTRAL_HOSTS.map((h) => `https://${h}/*`);
export const ZALANDO_MATCHES = ZALANDO_HOSTS.map((h) => `https://${h}/*`);
export const PORTAL_MATCHES = [...SELLER_CENTRAL_MATCHES, ...ZALANDO_MATCHES];

export const PORTAL_HOSTS: ReadonlySet<string> = new Set([...SELLER_CENTRAL_HOSTS, ...ZALANDO_HOSTS]);
