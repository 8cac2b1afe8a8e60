import { foldAccents } from './normalize';

/**
 * Addresses that hide where goods really go: freight forwarders and reshippers, PO boxes, pack stations
 * and pickup points. A maintained list: add a forwarder as one line, with a test beside its siblings.
 *
 * All patterns run on "flat" text: accents folded, lower case, every run of punctuation and whitespace
 * one space (so "P.O.Box" is "p o box" and "Forward2Me" is "forward2me").
 */

type Pattern = { name: string; re: RegExp };

/** Forwarder and reshipper companies, by the name customers write into the address. */
export const FORWARDERS: readonly Pattern[] = [
  { name: 'MyUS', re: /\bmyus\b|\bmy us com\b/ },
  { name: 'Shipito', re: /\bshipito\b/ },
  { name: 'Borderlinx', re: /\bborderlinx\b/ },
  { name: 'Planet Express', re: /\bplanet ?express\b/ },
  { name: 'Stackry', re: /\bstackry\b/ },
  { name: 'Forward2Me', re: /\bforward ?2 ?me\b/ },
  { name: 'Parcl', re: /\bparcl\b/ },
  { name: 'Comgateway', re: /\bcom ?gateway\b/ },
  { name: 'Shopfans', re: /\bshop ?fans\b/ },
  { name: 'Qwintry', re: /\bqwintry\b/ },
  { name: 'Viabox', re: /\bviabox\b/ },
  { name: 'Bongo', re: /\bbongo (?:international|intl|us|usa)\b/ },
  { name: 'Ship7', re: /\bship ?7\b/ },
  { name: 'USGoBuy', re: /\bus ?go ?buy\b/ },
  { name: 'ReShip', re: /\breship(?: com)?\b/ },
  { name: 'Shop and Ship (Aramex)', re: /\bshop ?(?:and|&|n) ?ship\b/ },
  { name: 'Buyandship', re: /\bbuy ?and ?ship\b/ },
  { name: 'Fishisfast', re: /\bfish ?is ?fast\b/ },
  { name: 'Heroshe', re: /\bheroshe\b/ },
  { name: 'Skybox', re: /\bskybox(?: checkpoint)?\b/ },
  { name: 'Global Shopaholics', re: /\bglobal ?shopaholics\b/ },
  { name: 'MyGermany', re: /\bmy ?germany\b/ },
  { name: 'Mailboxde', re: /\bmailbox ?de\b/ },
  { name: 'Package Forward', re: /\bpackage ?forward(?:ing)?\b/ },
  { name: 'Kango Express', re: /\bkango ?express\b/ },
  { name: 'Ohmyzip', re: /\bohmyzip\b/ },
];

/**
 * Forwarders give each customer a suite or unit code that identifies the parcel's owner:
 * "Suite 48213", "Ste #AB1234", "Unit MY-102938". Ordinary suites are short numbers ("Suite 210").
 */
const FORWARDER_SUITE_RE = /\b(?:suite|ste|unit)\s*(?:no\s*|nr\s*)?(?:\d{5,}|[a-z]{1,4}\s?\d{4,}|\d{4,}\s?[a-z]{1,4})\b/;

export const PO_BOX_PATTERNS: readonly Pattern[] = [
  { name: 'P.O. Box', re: /\bp ?o ?box\b|\bpost office box\b|\bpob \d/ },
  { name: 'Postfach', re: /\bpostfach\b/ },
  { name: 'Boîte postale', re: /\bboite postale\b|\bbp \d+\b|\bcase postale\b/ },
  { name: 'Apartado de correos', re: /\bapartado (?:de )?correos?\b|\bapartado postal\b|\bapdo (?:de )?(?:correos )?\d/ },
  { name: 'Casella postale', re: /\bcasella postale\b/ },
  { name: 'Postbus', re: /\bpostbus\b/ },
];

export const PACK_STATION_PATTERNS: readonly Pattern[] = [
  { name: 'Packstation', re: /\bpa(?:ck|ket) ?station\b/ },
  { name: 'Postfiliale', re: /\bpostfiliale\b/ },
  { name: 'Paketshop', re: /\b(?:dhl |hermes |gls |dpd )?pa(?:ke|rce)t ?shop\b/ },
  { name: 'Postnummer', re: /\bpostnummer\b/ },
  { name: 'Amazon Locker', re: /\bamazon (?:hub )?(?:locker|counter)\b/ },
  { name: 'Point Relais', re: /\bpoints? relais\b|\bmondial relay\b|\bpickup station\b/ },
  { name: 'Paczkomat', re: /\bpaczkomat\b|\binpost\b/ },
];

/** Zalando's address types for parcel machines and pickup shops. */
const PACK_STATION_TYPES = new Set(['pack_station', 'pickup_point', 'packstation', 'pickup point']);

export type AddressLike = { name?: string; lines: string[]; city?: string; postalCode?: string; country?: string; type?: string };
export type AddressClass = { forwarder?: string; poBox?: boolean; packStation?: boolean };

function flatten(s: string): string {
  return foldAccents(s)
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

function firstMatch(patterns: readonly Pattern[], text: string): string | undefined {
  for (const p of patterns) if (p.re.test(text)) return p.name;
  return undefined;
}

/** Which named pattern matched each kind of drop point: the evidence behind `classifyAddress`. */
export function describeDropPoint(addr: AddressLike): { forwarder?: string; poBox?: string; packStation?: string } {
  const text = flatten([addr.name ?? '', ...addr.lines, addr.city ?? ''].join('\n'));
  const out: { forwarder?: string; poBox?: string; packStation?: string } = {};
  const forwarder = firstMatch(FORWARDERS, text) ?? (FORWARDER_SUITE_RE.test(text) ? 'forwarder-style suite number' : undefined);
  if (forwarder) out.forwarder = forwarder;
  const poBox = firstMatch(PO_BOX_PATTERNS, text);
  if (poBox) out.poBox = poBox;
  const type = addr.type?.trim() ?? '';
  const packStation = firstMatch(PACK_STATION_PATTERNS, text) ?? (PACK_STATION_TYPES.has(type.toLowerCase()) ? `address type ${type}` : undefined);
  if (packStation) out.packStation = packStation;
  return out;
}

/**
 * What kind of drop point an address is. Looks at the recipient name too, because "c/o Shipito" is
 * often written there. Empty object when it looks like an ordinary home or business address.
 */
export function classifyAddress(addr: AddressLike): AddressClass {
  const found = describeDropPoint(addr);
  const result: AddressClass = {};
  if (found.forwarder) result.forwarder = found.forwarder;
  if (found.poBox) result.poBox = true;
  if (found.packStation) result.packStation = true;
  return result;
}
