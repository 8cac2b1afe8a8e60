import type { Language } from '../schemas/common';
import type { SopBodies, SopTags } from '../schemas/sops';

/**
 * Which SOPs fit the case in front of the agent. Each tagged dimension (portal, page kind, case kind,
 * dispute reason, fraud indicator) must share a value with the case; an untagged dimension fits anything.
 * The more dimensions matched, the higher the SOP sorts: a chargeback procedure for Visa fraud codes
 * comes before the general chargeback one.
 */

export interface CaseFacts {
  portal?: string;
  pageKind?: string;
  caseKind?: string;
  /** Reason groups, reasons and raw codes of the case's disputes. */
  disputeReasons: readonly string[];
  /** The fraud indicators that fired. */
  fraudIndicators: readonly string[];
}

const lower = (s: string) => s.toLowerCase();

function dimension(tags: readonly string[], facts: readonly string[], caseInsensitive = false): 'any' | 'match' | 'miss' {
  if (tags.length === 0) return 'any';
  const norm = caseInsensitive ? lower : (s: string) => s;
  const have = new Set(facts.map(norm));
  return tags.some((t) => have.has(norm(t))) ? 'match' : 'miss';
}

/** The number of tagged dimensions that matched, or null when a tagged dimension did not. */
export function matchScore(tags: SopTags, facts: CaseFacts): number | null {
  const one = (v: string | undefined) => (v === undefined ? [] : [v]);
  const results = [
    dimension(tags.portals, one(facts.portal)),
    dimension(tags.pageKinds, one(facts.pageKind)),
    dimension(tags.caseKinds, one(facts.caseKind)),
    dimension(tags.disputeReasons, facts.disputeReasons, true),
    dimension(tags.fraudIndicators, facts.fraudIndicators),
  ];
  if (results.includes('miss')) return null;
  return results.filter((r) => r === 'match').length;
}

export interface Ranked<T> {
  item: T;
  matched: number;
}

/** The SOPs that fit, most matched tags first, then by title. */
export function rankSops<T extends { tags: SopTags; title: string }>(sops: readonly T[], facts: CaseFacts): Ranked<T>[] {
  const out: Ranked<T>[] = [];
  for (const item of sops) {
    const matched = matchScore(item.tags, facts);
    if (matched !== null) out.push({ item, matched });
  }
  return out.sort((a, b) => b.matched - a.matched || a.item.title.localeCompare(b.item.title));
}

/** The body in the agent's language when there is one, else the default language's (`fallback` says so). */
export function pickBody(
  sop: { bodies: SopBodies; defaultLanguage: Language },
  wanted: Language,
): { language: Language; body: string; fallback: boolean } | null {
  const own = sop.bodies[wanted];
  if (own) return { language: wanted, body: own, fallback: false };
  const fallback = sop.bodies[sop.defaultLanguage];
  if (fallback) return { language: sop.defaultLanguage, body: fallback, fallback: true };
  return null;
}
