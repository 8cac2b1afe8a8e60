/**
 * Seller Central hosts: the ones Amazon publishes per marketplace (docs/portals.md); one content-script
 * match per host keeps the manifest least-privilege.
 */
export const SELLER_CENTRAL_TLDS = [
  'com',
  'ca',
  'com.mx',
  'com.br',
  'co.uk',
  'de',
  'fr',
  'it',
  'es',
  'nl',
  'se',
  'pl',
  'com.be',
  'ae',
  'sa',
  'eg',
  'co.jp',
  'com.au',
  'sg',
  'in',
  'ie',
  'com.tr',
  'co.za',
] as const;

export const SELLER_CENTRAL_HOSTS: readonly string[] = [
  ...SELLER_CENTRAL_TLDS.map((tld) => `sellercentral.amazon.${tld}`),
  'sellercentral-europe.amazon.com',
  'sellercentral-japan.amazon.com',
];

/** A Seller Central host of any marketplace, unified EU and JP accounts included. */
export const SELLER_CENTRAL_HOST_RE = /^sellercentral(?:-europe|-japan)?\.amazon\.[a-z.]+$/;
