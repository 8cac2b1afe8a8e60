import type { Address } from '../schemas';
import { countryFromText } from './countries';

/**
 * Reads city, region, postal code and country out of address lines as printed (one entry per line or
 * per component), for the formats the marketplaces use: `10115 Berlin`, `Seattle, WA 98101-2233`,
 * `London SW1A 1AA`, `1012 AB Amsterdam`, `〒150-0001`, and Seller Central's one-span-per-component
 * blocks (US `Seattle,` `WA` `98101-2233` with no country; CA ending with the country; DE with ZIP and
 * city apart). Lines stay exactly as shown.
 */
const US_CITY_LINE = /^(.+?),\s*([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/;
const CA_CITY_LINE = /^(.+?),\s*([A-Z]{2})\s+([A-Z]\d[A-Z] ?\d[A-Z]\d)$/;
const NL_POSTAL_LINE = /^(\d{4}\s?[A-Z]{2})\s+(.+)$/;
const UK_POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b/;
const JP_POSTAL = /〒?\s*(\d{3}-\d{4})/;
const CONTINENTAL_POSTAL_LINE = /^(?:[A-Z]{1,2}-)?(\d{2}-?\d{3}|\d{3}\s\d{2}|\d{4,5})\s+(.+)$/;
const US_ZIP = /^\d{5}(?:-\d{4})?$/;
const CA_POSTAL = /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/;
const BARE_POSTAL = /^(?:[A-Z]{1,2}-)?(\d{2}-\d{3}|\d{3}\s\d{2}|\d{4,5}|[A-Z]\d{2} ?[A-Z0-9]{4})$/;
/** A Japanese prefecture (都, 道, 府 or 県 at the end): the region of a JP block. */
const JP_PREFECTURE = /^.{1,4}[都道府県]$/;
const REGION = /^[A-Z]{2}$/;

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP AA AE AP'.split(
    ' ',
  ),
);
const CA_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));

/** The country the region code and postal code prove, when the block printed none (US blocks never do). */
function countryOf(region: string, postalCode: string): string | undefined {
  if (US_STATES.has(region) && US_ZIP.test(postalCode)) return 'US';
  if (CA_PROVINCES.has(region) && CA_POSTAL.test(postalCode)) return 'CA';
  return undefined;
}

export function parseAddressLines(lines: readonly string[], extra: Partial<Address> = {}): Address {
  const clean = lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const result: Address = { ...extra, lines: clean };
  let countryIndex = -1;
  for (let i = clean.length - 1; i >= 1 && countryIndex < 0; i--) {
    // A state code span (`CA`, `DE`) before a ZIP is a region, not a country.
    const stateBeforeZip = REGION.test(clean[i]!) && clean[i + 1] !== undefined && (US_ZIP.test(clean[i + 1]!) || CA_POSTAL.test(clean[i + 1]!));
    const country = stateBeforeZip ? undefined : countryFromText(clean[i]!);
    if (country) {
      result.country = country;
      countryIndex = i;
    }
  }
  const withRegion = (city: string | undefined, region: string, postalCode: string): Address => {
    const country = result.country ?? countryOf(region, postalCode);
    return { ...result, ...(city ? { city: city.replace(/,\s*$/, '').trim() } : {}), region, postalCode, ...(country ? { country } : {}) };
  };
  // One span per component: `City,` `ST` `ZIP` (US, CA).
  for (let i = clean.length - 3; i >= 0; i--) {
    const [city, region, postal] = [clean[i]!, clean[i + 1]!, clean[i + 2]!];
    if (/,$/.test(city) && REGION.test(region) && (US_ZIP.test(postal) || CA_POSTAL.test(postal))) return withRegion(city, region, postal);
  }
  for (let i = clean.length - 1; i >= 0; i--) {
    if (i === countryIndex) continue;
    const line = clean[i]!;
    const us = US_CITY_LINE.exec(line) ?? CA_CITY_LINE.exec(line);
    if (us) return withRegion(us[1], us[2]!, us[3]!);
    // A Japanese block: 〒 postal code, then the prefecture.
    const jpSpan = /^〒?\s*(\d{3}-\d{4})$/.exec(line);
    if (jpSpan && i > 0) {
      const prefecture = clean[i + 1] && JP_PREFECTURE.test(clean[i + 1]!) ? clean[i + 1] : undefined;
      return { ...result, postalCode: jpSpan[1], ...(prefecture ? { region: prefecture, country: result.country ?? 'JP' } : {}) };
    }
    // A postal code alone: the city in the next span (DE), or city and region before it (IE, ZA, TR).
    const bare = BARE_POSTAL.exec(line);
    if (bare && i > 0) {
      const next = clean[i + 1];
      if (next !== undefined && i + 1 !== countryIndex && !BARE_POSTAL.test(next)) return { ...result, postalCode: bare[1], city: next };
      if (i - 2 >= 2) return { ...result, postalCode: bare[1], city: clean[i - 2], region: clean[i - 1] };
      return { ...result, postalCode: bare[1], ...(clean[i - 1] && i - 1 >= 1 ? { city: clean[i - 1] } : {}) };
    }
    const nl = NL_POSTAL_LINE.exec(line);
    if (nl) return { ...result, postalCode: nl[1], city: nl[2] };
    const continental = CONTINENTAL_POSTAL_LINE.exec(line);
    if (continental && i > 0) return { ...result, postalCode: continental[1], city: continental[2] };
    const jp = JP_POSTAL.exec(line);
    if (jp) return { ...result, postalCode: jp[1] };
    const uk = UK_POSTCODE.exec(line);
    if (uk && i > 0) {
      const city =
        line
          .replace(uk[0], '')
          .replace(/[,\s]+$/, '')
          .trim() || (i > 0 ? clean[i - 1] : undefined);
      return { ...result, postalCode: uk[1], ...(city ? { city } : {}) };
    }
  }
  return result;
}
