import type { Address } from '../schemas';
import { countryFromText } from './countries';

/**
 * Reads city, postal code and country out of address lines as printed (one entry per line), for the
 * formats the marketplaces use: `10115 Berlin`, `Seattle, WA 98101-2233`, `London SW1A 1AA`,
 * `1012 AB Amsterdam`, `〒150-0001`. Lines stay exactly as shown; nothing is guessed that the page did not say.
 */
const US_CITY_LINE = /^(.+?),\s*([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/;
const NL_POSTAL_LINE = /^(\d{4}\s?[A-Z]{2})\s+(.+)$/;
const UK_POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b/;
const JP_POSTAL = /〒?\s*(\d{3}-\d{4})/;
const CONTINENTAL_POSTAL_LINE = /^(?:[A-Z]{1,2}-)?(\d{4,5})\s+(.+)$/;

export function parseAddressLines(lines: readonly string[], extra: Partial<Address> = {}): Address {
  const clean = lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const result: Address = { ...extra, lines: clean };
  let countryIndex = -1;
  for (let i = clean.length - 1; i >= 0 && countryIndex < 0; i--) {
    const country = countryFromText(clean[i]!);
    if (country) {
      result.country = country;
      countryIndex = i;
    }
  }
  for (let i = clean.length - 1; i >= 0; i--) {
    if (i === countryIndex) continue;
    const line = clean[i]!;
    const us = US_CITY_LINE.exec(line);
    if (us) return { ...result, city: us[1], postalCode: us[3] };
    const nl = NL_POSTAL_LINE.exec(line);
    if (nl) return { ...result, postalCode: nl[1], city: nl[2] };
    const continental = CONTINENTAL_POSTAL_LINE.exec(line);
    if (continental) return { ...result, postalCode: continental[1], city: continental[2] };
    const jp = JP_POSTAL.exec(line);
    if (jp) return { ...result, postalCode: jp[1] };
    const uk = UK_POSTCODE.exec(line);
    if (uk) {
      const city = line.replace(uk[0], '').replace(/[,\s]+$/, '').trim() || (i > 0 ? clean[i - 1] : undefined);
      return { ...result, postalCode: uk[1], city };
    }
  }
  return result;
}
