import type { Language } from '../schemas/common';

// Marketplaces whose buyers are written to in one of the five supported languages. The rest (JP, NL,
// SE, PL, BR ...) get the team's default language.
const BY_COUNTRY: Record<string, Language> = {
  US: 'en', UK: 'en', GB: 'en', CA: 'en', AU: 'en', IN: 'en', SG: 'en', AE: 'en', SA: 'en', EG: 'en', IE: 'en',
  DE: 'de', AT: 'de', CH: 'de',
  FR: 'fr', BE: 'fr', LU: 'fr',
  ES: 'es', MX: 'es',
  IT: 'it',
};

/**
 * The language to answer a marketplace's buyers in: "DE" -> de, "ZALANDO-FR" -> fr, "JP" -> the
 * team's default. Codes are read case-insensitively.
 */
export function languageForMarketplace(code: string, teamDefault: Language): Language {
  const normalized = code.trim().toUpperCase();
  const country = normalized.startsWith('ZALANDO') ? normalized.slice('ZALANDO'.length).replace(/^[-_]/, '') : normalized;
  return BY_COUNTRY[country] ?? teamDefault;
}
