import type { Language, PageKind } from '../schemas/common';
import type { Template } from '../schemas/templates';
import { foldAccents } from '../fraud/normalize';

export type RankContext = { pageKind: PageKind; marketplace?: string; language: Language; query?: string };

/** Shortcuts are typed with or without a leading sigil: "/ret", ";ret", "ret". */
function bareShortcut(s: string): string {
  return foldAccents(s.trim()).replace(/^[/;:#!]+/, '');
}

function fit(list: readonly string[], value: string | undefined): 0 | 1 | 2 {
  if (list.length === 0) return 1; // meant for any page kind or marketplace
  return value !== undefined && list.includes(value) ? 2 : 0;
}

/**
 * Orders templates for the picker: first an exact shortcut match, then templates meant for this page
 * kind and marketplace in the buyer's language, then the same in other languages, then the rest.
 * Templates made for this page kind or marketplace come before those made for any. A query keeps only
 * templates whose title, body or shortcut contains every word of it (case and accent blind).
 * Archived templates are left out.
 */
export function rankTemplates(templates: Template[], ctx: RankContext): Template[] {
  const words = ctx.query
    ? foldAccents(ctx.query)
        .split(/\s+/)
        .map((w) => w.replace(/^[/;:#!]+/, ''))
        .filter((w) => w !== '')
    : [];
  const typedShortcut = ctx.query ? bareShortcut(ctx.query) : '';
  const ranked = templates
    .filter((t) => !t.archived)
    .map((t) => {
      const haystack = foldAccents(`${t.title}\n${t.body}\n${t.shortcut ?? ''}`);
      const kind = fit(t.pageKinds, ctx.pageKind);
      const market = fit(t.marketplaces, ctx.marketplace);
      return {
        t,
        matches: words.every((w) => haystack.includes(w)),
        shortcutHit: typedShortcut !== '' && t.shortcut !== undefined && bareShortcut(t.shortcut) === typedShortcut ? 1 : 0,
        fits: kind > 0 && market > 0 ? 1 : 0,
        language: t.language === ctx.language ? 1 : 0,
        specificity: kind + market,
        titleHit: words.length > 0 && words.every((w) => foldAccents(t.title).includes(w)) ? 1 : 0,
      };
    })
    .filter((r) => r.matches);
  ranked.sort(
    (a, b) =>
      b.shortcutHit - a.shortcutHit ||
      b.fits - a.fits ||
      b.language - a.language ||
      b.specificity - a.specificity ||
      b.titleHit - a.titleHit ||
      a.t.title.localeCompare(b.t.title),
  );
  return ranked.map((r) => r.t);
}
