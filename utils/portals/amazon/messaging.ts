import type { PageContext } from '../../schemas/page';
import { findPhoneNumbers } from '../../templates/phone';
import { hostOf, LINK_TLDS, notInEmail, type LintRule } from '../../templates/lint-rule';

/**
 * Amazon's buyer-messaging rules: no links off Amazon, no personal contact details, no marketing (review
 * incentives, discounts, "visit our shop"); a message that breaks them can cost the seller messaging
 * rights. Matching is case-insensitive and covers en, de, fr, es, it.
 */

// Amazon's own storefront and short-link hosts; "amazon.de.example.com" is not one of them.
const AMAZON_HOST_RE =
  /(?:^|\.)(?:amazon\.(?:com|ca|com\.mx|com\.br|co\.uk|de|fr|it|es|nl|se|pl|com\.be|com\.tr|ae|sa|eg|co\.jp|com\.au|sg|in)|amzn\.(?:to|eu|com)|a\.co)$/i;

const isAmazonLink = (match: string) => AMAZON_HOST_RE.test(hostOf(match));

export const AMAZON_MESSAGING_RULES: readonly LintRule[] = [
  { rule: 'external-link', message: 'Links outside Amazon are not allowed in buyer messages', re: /\bhttps?:\/\/[^\s<>"]+/gi, accept: (m) => !isAmazonLink(m) },
  {
    rule: 'external-link',
    message: 'Links outside Amazon are not allowed in buyer messages',
    re: /(?<![\w/.])www\.[^\s<>"]+/gi,
    accept: (m) => !isAmazonLink(m),
  },
  {
    rule: 'external-link',
    message: 'Web addresses outside Amazon are not allowed in buyer messages',
    re: new RegExp(`(?<![\\w@/.-])(?:[a-z0-9-]+\\.)+(?:${LINK_TLDS})\\b(?:/[^\\s]*)?`, 'gi'),
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
    accept: (m) =>
      /\b(?:free|gift|reward|bonus|cash ?back|in exchange|gratis|kostenlos|geschenk|belohnung|im gegenzug|gratuit|cadeau|en [ée]change|regalo|a cambio|omaggio|in cambio|voucher|gutschein|discount|rabatt|remise|descuento|sconto)\b/i.test(
        m,
      ),
  },
  {
    rule: 'marketing',
    message: 'Asking for a positive review is not allowed',
    re: /\b(?:positive (?:review|feedback|rating)|5[- ]stars?|five[- ]stars?|f[üu]nf sternen?|5[- ]sternen?|positive bewertung|avis positif|5 [ée]toiles|cinq [ée]toiles|rese[ñn]a positiva|valoraci[oó]n positiva|5 estrellas|cinco estrellas|recensione positiva|5 stelle|cinque stelle)\b/gi,
  },
];

const STOREFRONTS: Record<string, string> = {
  US: 'Amazon.com',
  CA: 'Amazon.ca',
  MX: 'Amazon.com.mx',
  BR: 'Amazon.com.br',
  UK: 'Amazon.co.uk',
  GB: 'Amazon.co.uk',
  DE: 'Amazon.de',
  FR: 'Amazon.fr',
  IT: 'Amazon.it',
  ES: 'Amazon.es',
  NL: 'Amazon.nl',
  SE: 'Amazon.se',
  PL: 'Amazon.pl',
  BE: 'Amazon.com.be',
  AE: 'Amazon.ae',
  SA: 'Amazon.sa',
  EG: 'Amazon.eg',
  JP: 'Amazon.co.jp',
  AU: 'Amazon.com.au',
  SG: 'Amazon.sg',
  IN: 'Amazon.in',
};

/** The storefront name buyers know: the domain the page shows, else the marketplace's ("Amazon.de"). */
export function amazonStorefrontName(ctx: PageContext): string | undefined {
  const m = ctx.marketplace;
  if (!m) return undefined;
  return m.domain ?? STOREFRONTS[m.code.toUpperCase()] ?? `Amazon ${m.code}`;
}
