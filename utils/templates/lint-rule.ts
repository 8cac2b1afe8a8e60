import type { Found } from './phone';

/**
 * One check of a marketplace's messaging rules. Portals declare theirs in their own folder
 * (utils/portals/<portal>/messaging.ts); lint.ts runs whichever apply to a template.
 */
export type LintRule = { rule: string; message: string } & (
  | { re: RegExp; accept?: (match: string, text: string, index: number) => boolean }
  /** Rules a single pattern cannot express find their matches themselves. */
  | { find: (text: string) => Found[] }
);

// Top-level domains worth recognising in a bare "shop.example.de": common generic ones and the
// marketplaces' countries. Kept short on purpose, so "z.B." or "1.5" never look like links.
export const LINK_TLDS = 'com|net|org|info|biz|shop|store|online|site|app|io|eu|de|at|ch|fr|it|es|nl|be|pl|se|uk|co\\.uk|com\\.au|ie|us|ca|ly|me';

/** "https://www.shop.de/x?y" -> "shop.de": the host a link or bare address points to. */
export function hostOf(link: string): string {
  return link
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/^www\./i, '')
    .split(/[/?#:]/)[0]!
    .replace(/[.,;!?)]+$/, '')
    .toLowerCase();
}

/** A domain that is part of an email address is the contact-details rule's finding, not a link. */
export const notInEmail = (_: string, text: string, index: number) => text[index - 1] !== '@';
