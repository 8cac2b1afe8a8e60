import type { LintFinding } from '../schemas/templates';
import { TemplateVariableName } from '../schemas/templates';
import { findPhoneNumbers, type Found } from './phone';
import { PLACEHOLDER_RE } from './render';

/**
 * Checks a template before a team saves it. Amazon's buyer-messaging rules forbid links off Amazon,
 * personal contact details and marketing (review incentives, discounts, "visit our shop"); a message
 * that breaks them can cost the seller messaging rights. Every portal gets the unknown-variable check.
 * Matching is case-insensitive and covers en, de, fr, es, it.
 */

type Rule = { rule: string; message: string } & (
  | { re: RegExp; accept?: (match: string, text: string, index: number) => boolean }
  /** Rules a single pattern cannot express find their matches themselves. */
  | { find: (text: string) => Found[] }
);

// Top-level domains worth recognising in a bare "shop.example.de": common generic ones and the
// marketplaces' countries. Kept short on purpose, so "z.B." or "1.5" never look like links.
const TLDS = 'com|net|org|info|biz|shop|store|online|site|app|io|eu|de|at|ch|fr|it|es|nl|be|pl|se|uk|co\\.uk|com\\.au|ie|us|ca|ly|me';
// Amazon's own storefront and short-link hosts; "amazon.de.example.com" is not one of them.
const AMAZON_HOST_RE =
  /(?:^|\.)(?:amazon\.(?:com|ca|com\.mx|com\.br|co\.uk|de|fr|it|es|nl|se|pl|com\.be|com\.tr|ae|sa|eg|co\.jp|com\.au|sg|in)|amzn\.(?:to|eu|com)|a\.co)$/i;

function hostOf(link: string): string {
  return link.replace(/^[a-z]+:\/\//i, '').replace(/^www\./i, '').split(/[/?#:]/)[0]!.replace(/[.,;!?)]+$/, '').toLowerCase();
}

const isAmazonLink = (match: string) => AMAZON_HOST_RE.test(hostOf(match));
// A domain that is part of an email address is the contact-details rule's finding, not a link.
const notInEmail = (_: string, text: string, index: number) => text[index - 1] !== '@';

const AMAZON_RULES: Rule[] = [
  { rule: 'external-link', message: 'Links outside Amazon are not allowed in buyer messages', re: /\bhttps?:\/\/[^\s<>"]+/gi, accept: (m) => !isAmazonLink(m) },
  { rule: 'external-link', message: 'Links outside Amazon are not allowed in buyer messages', re: /(?<![\w/.])www\.[^\s<>"]+/gi, accept: (m) => !isAmazonLink(m) },
  {
    rule: 'external-link',
    message: 'Web addresses outside Amazon are not allowed in buyer messages',
    re: new RegExp(`(?<![\\w@/.-])(?:[a-z0-9-]+\\.)+(?:${TLDS})\\b(?:/[^\\s]*)?`, 'gi'),
    accept: (m, text, i) => notInEmail(m, text, i) && !isAmazonLink(m),
  },
  { rule: 'contact-details', message: 'Email addresses are not allowed in buyer messages', re: /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/g },
  { rule: 'contact-details', message: 'Phone numbers are not allowed in buyer messages', find: findPhoneNumbers },
  {
    rule: 'contact-details',
    message: 'Inviting buyers to other channels (WhatsApp, Telegram, calls) is not allowed',
    re: /\b(?:whats ?app|telegram|skype|viber|wechat|call us|ruf(?:en Sie)? uns an|rufen sie uns|appelez[- ]nous|ll[aá]m(?:enos|anos)|chiamaci)\b/gi,
  },
  {
    rule: 'marketing',
    message: 'Discounts, coupons and promotions are marketing, which buyer messages may not contain',
    re: /\b(?:discounts?|coupons?|promo(?:tion|tions|code|codes|s)?|vouchers?|rabatt\w*|gutschein\w*|aktionscode|r[ée]ductions?|remises?|code promo|bons? de r[ée]duction|descuentos?|cup[oó]n(?:es)?|c[oó]digo promocional|promoci[oó]n|sconto|sconti|codice (?:promozionale|sconto)|buono sconto)\b/gi,
  },
  {
    rule: 'marketing',
    message: 'Inviting buyers to your own shop or website is marketing, which buyer messages may not contain',
    re: /\b(?:visit (?:our|my) (?:online[- ])?(?:shop|store|website|site)|besuchen sie (?:unseren|unsere) (?:online-?|web)?(?:shop|website|seite)|visitez notre (?:boutique|site)|visite nuestra (?:tienda|web)|visita (?:il )?nostro (?:negozio|sito))\b/gi,
  },
  {
    rule: 'marketing',
    message: 'Offering something in exchange for a review or feedback is not allowed',
    // A review word and an incentive in one sentence. "Refund" alone is no incentive: replies mention refunds all the time.
    re: /[^.!?\n]*\b(?:review|feedback|rating|rate us|stars?|bewertung|bewerten|rezension|sterne|sternen|notez|évaluez|valórenos|valuti|avis|commentaire|[ée]toiles|rese[ñn]a|opini[oó]n|valoraci[oó]n|estrellas|recensione|stelle)\b[^.!?\n]*/gi,
    accept: (m) => /\b(?:free|gift|reward|bonus|cash ?back|in exchange|gratis|kostenlos|geschenk|belohnung|im gegenzug|gratuit|cadeau|en [ée]change|regalo|a cambio|omaggio|in cambio|voucher|gutschein|discount|rabatt|remise|descuento|sconto)\b/i.test(m),
  },
  {
    rule: 'marketing',
    message: 'Asking for a positive review is not allowed',
    re: /\b(?:positive (?:review|feedback|rating)|5[- ]stars?|five[- ]stars?|f[üu]nf sternen?|5[- ]sternen?|positive bewertung|avis positif|5 [ée]toiles|cinq [ée]toiles|rese[ñn]a positiva|valoraci[oó]n positiva|5 estrellas|cinco estrellas|recensione positiva|5 stelle|cinque stelle)\b/gi,
  },
];

const CONTEXT_CHARS = 25;
function excerptAt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - CONTEXT_CHARS);
  const end = Math.min(text.length, index + length + CONTEXT_CHARS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

const KNOWN = new Set<string>(TemplateVariableName.options);

export function lintTemplate(body: string, opts: { portal: 'amazon' | 'zalando' }): LintFinding[] {
  const findings: LintFinding[] = [];
  const unknown = new Set<string>();
  // Placeholder names are not text a buyer sees, but their fallbacks are: lint the body with each
  // placeholder replaced by its fallback (padded, so positions stay close).
  const visible = body.replace(PLACEHOLDER_RE, (raw, name: string, dq?: string, sq?: string) => {
    if (!KNOWN.has(name) && !unknown.has(name)) {
      unknown.add(name);
      findings.push({ rule: 'unknown-variable', message: `{{${name}}} is not a known variable; it will be asked for on every insert`, excerpt: raw });
    }
    return ` ${dq ?? sq ?? ''} `;
  });
  if (opts.portal !== 'amazon') return findings;
  const seen = new Set<string>();
  for (const rule of AMAZON_RULES) {
    for (const m of matchesOf(rule, visible)) {
      const text = m.text.trim();
      if (text === '') continue;
      // One finding per rule and spot: the three link patterns overlap on "https://www.shop.de".
      const key = `${rule.rule}@${m.index + m.text.indexOf(text)}`;
      const overlapKey = `${rule.rule}:${hostOf(text)}`;
      if (seen.has(key) || (rule.rule === 'external-link' && seen.has(overlapKey))) continue;
      seen.add(key);
      seen.add(overlapKey);
      findings.push({ rule: rule.rule, message: rule.message, excerpt: excerptAt(visible, m.index + m.text.indexOf(text), text.length) });
    }
  }
  return findings;
}

function matchesOf(rule: Rule, text: string): Found[] {
  if ('find' in rule) return rule.find(text);
  const found: Found[] = [];
  for (const m of text.matchAll(rule.re)) {
    if (!rule.accept || rule.accept(m[0], text, m.index)) found.push({ index: m.index, text: m[0] });
  }
  return found;
}
