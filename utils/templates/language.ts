import { countryOfMarketplace } from '../portals/catalogue';
import type { Language } from '../schemas/common';

// Marketplaces whose buyers are written to in one of the five supported languages. The rest (JP, NL,
// SE, PL, BR ...) get the team's default language.
const BY_COUNTRY: Record<string, Language> = {
  US: 'en',
  UK: 'en',
  GB: 'en',
  CA: 'en',
  AU: 'en',
  IN: 'en',
  SG: 'en',
  AE: 'en',
  SA: 'en',
  EG: 'en',
  IE: 'en',
  DE: 'de',
  AT: 'de',
  CH: 'de',
  FR: 'fr',
  BE: 'fr',
  LU: 'fr',
  ES: 'es',
  MX: 'es',
  IT: 'it',
};

/**
 * The language to answer a marketplace's buyers in: "DE" -> de, a portal's own code for France -> fr
 * (the portal's folder reads the country), "JP" -> the team's default. Codes are read case-insensitively.
 */
export function languageForMarketplace(code: string, teamDefault: Language): Language {
  return BY_COUNTRY[countryOfMarketplace(code).toUpperCase()] ?? teamDefault;
}
