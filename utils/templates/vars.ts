import { portalDefinition } from '../portals/catalogue';
import type { Language } from '../schemas/common';
import type { PageContext } from '../schemas/page';
import type { TemplateVars } from '../schemas/templates';

const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'herr',
  'frau',
  'hr',
  'fr',
  'm',
  'mme',
  'mlle',
  'monsieur',
  'madame',
  'sr',
  'sra',
  'srta',
  'sig',
  'sigra',
  'signor',
  'signora',
  'dott',
  'dottssa',
  'ing',
  'mag',
  'dipl',
]);
const COMPANY_RE = /\b(?:gmbh|ag|kg|ug|ltd|limited|inc|llc|plc|corp|co|sarl|sas|sa|s\.?l|s\.?r\.?l|s\.?p\.?a|bv|nv|e\.?v)\.?$/i;

function isHonorific(word: string): boolean {
  return HONORIFICS.has(word.toLowerCase().replace(/\./g, ''));
}

/** "ANNA-LENA" -> "Anna-Lena"; mixed case is the buyer's own choice and is kept. */
function politeCase(word: string): string {
  if (word !== word.toUpperCase() && word !== word.toLowerCase()) return word;
  return word.toLowerCase().replace(/(^|[-'\s])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The buyer's name as shown, with SHOUTED (or all lower-case) names put in ordinary case. */
export function displayName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  return clean === clean.toUpperCase() || clean === clean.toLowerCase() ? clean.split(' ').map(politeCase).join(' ') : clean;
}

/**
 * A first name to greet with: "Max Mustermann" -> Max, "Dr. Anna-Lena Schmidt" -> Anna-Lena,
 * "MUSTERMANN, MAX" -> Max. Undefined when it cannot be told (one word, initials, a company), so the
 * template's fallback greets instead of a guess.
 */
export function firstNameOf(fullName: string): string | undefined {
  const name = fullName.trim().replace(/\s+/g, ' ');
  if (name === '' || COMPANY_RE.test(name)) return undefined;
  const comma = name.indexOf(',');
  const given = comma >= 0 ? name.slice(comma + 1) : name;
  const words = given.split(' ').filter((w) => w !== '' && !isHonorific(w));
  // "Last, First" names the given name after the comma; otherwise one word alone may be a surname.
  if (words.length === 0 || (comma < 0 && words.length < 2)) return undefined;
  const first = words[0]!;
  if (/^\p{L}\.?$/u.test(first) || !/\p{L}/u.test(first)) return undefined;
  return politeCase(first);
}

/** The storefront name buyers know ("Amazon.de"), as the page's portal names it. */
export function marketplaceName(ctx: PageContext): string | undefined {
  return portalDefinition(ctx.portal)?.templates.storefrontName(ctx);
}

function itemsList(ctx: PageContext, language: Language): string | undefined {
  const lines = ctx.items
    .map((item) => {
      const what = item.title?.trim() || item.asin || item.sku || item.articleId;
      if (!what) return undefined;
      return item.quantity > 1 ? `${item.quantity} × ${what}` : what;
    })
    .filter((line): line is string => line !== undefined);
  if (lines.length === 0) return undefined;
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(lines);
}

/**
 * Template values from the page. Only values the page shows are set, so anything else is reported
 * missing when rendered. The order id is the one buyers know on the page's portal.
 */
export function templateVarsFromContext(ctx: PageContext, extra: { agentName: string; slaDeadline?: string; language?: Language }): TemplateVars {
  const vars: TemplateVars = {};
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') vars[name] = value.trim();
  };
  const name = ctx.buyer?.name ?? ctx.shipTo?.name;
  if (name) {
    set('buyer.name', displayName(name));
    set('buyer.firstName', firstNameOf(name));
  }
  set('order.id', portalDefinition(ctx.portal)?.templates.orderId(ctx) ?? ctx.orderId ?? ctx.orderNumber);
  set('order.items', itemsList(ctx, extra.language ?? 'en'));
  set('tracking.number', ctx.trackingNumber);
  set('sla.deadline', extra.slaDeadline);
  set('agent.name', extra.agentName);
  set('marketplace', marketplaceName(ctx));
  return vars;
}
