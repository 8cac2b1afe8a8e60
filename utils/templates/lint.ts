import type { LintFinding } from '../schemas/templates';
import { TEMPLATE_VARIABLE_NAMES } from './variable-names';
import { portalDefinition, portalsOfMarketplaces } from '../portals/catalogue';
import type { PortalId } from '../schemas/common';
import { hostOf, type LintRule } from './lint-rule';
import type { Found } from './phone';
import { PLACEHOLDER_RE } from './render';

/**
 * Checks a template before a team saves it, and a reply before it is inserted. Every portal gets the
 * unknown-variable check; a portal's messaging rules (its folder's messaging.ts) apply to templates used
 * on that portal, since a message that breaks them can cost the seller messaging rights.
 */

const CONTEXT_CHARS = 25;
function excerptAt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - CONTEXT_CHARS);
  const end = Math.min(text.length, index + length + CONTEXT_CHARS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

const KNOWN = new Set<string>(TEMPLATE_VARIABLE_NAMES);

/** Which portals' rules apply: one portal (the page a reply goes to), or those of a template's marketplaces. */
export type LintScope = { portal: PortalId } | { marketplaces: readonly string[] };

function rulesFor(scope: LintScope): LintRule[] {
  const portals = 'portal' in scope ? [portalDefinition(scope.portal)].filter((p) => p !== undefined) : portalsOfMarketplaces(scope.marketplaces);
  return portals.flatMap((p) => p.templates.messagingRules);
}

export function lintTemplate(body: string, opts: LintScope): LintFinding[] {
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
  const seen = new Set<string>();
  for (const rule of rulesFor(opts)) {
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

function matchesOf(rule: LintRule, text: string): Found[] {
  if ('find' in rule) return rule.find(text);
  const found: Found[] = [];
  for (const m of text.matchAll(rule.re)) {
    if (!rule.accept || rule.accept(m[0], text, m.index)) found.push({ index: m.index, text: m[0] });
  }
  return found;
}
