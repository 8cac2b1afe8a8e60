import type { PageKind } from '../../schemas';
import { pageKindFromUrl } from './pages';
import { LABELS } from './selectors';

const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
const matchesAny = (text: string, labels: readonly string[]) => labels.some((l) => text === l.toLowerCase() || text.startsWith(`${l.toLowerCase()} `));

/**
 * Page kind from what the page shows, for zDirect paths we have never seen. Cheap by design: one
 * querySelectorAll over headings and tabs, capped, run only when the URL did not decide.
 */
export function classifyByContent(doc: Document): PageKind {
  const nodes = Array.from(doc.querySelectorAll('h1, h2, [role="tab"]')).slice(0, 40);
  const tabs = new Set(nodes.filter((n) => n.getAttribute('role') === 'tab').map((n) => fold(n.textContent).replace(/\s*\(\d+\)$/, '')));
  if (LABELS.tabs.every((t) => tabs.has(t.toLowerCase()))) return 'order-list';
  const headings = nodes.filter((n) => n.tagName === 'H1' || n.tagName === 'H2').map((n) => fold(n.textContent));
  if (headings.some((h) => matchesAny(h, LABELS.ccRequest))) return 'message';
  if (headings.some((h) => matchesAny(h, LABELS.articleDetails))) {
    return headings.some((h) => matchesAny(h, LABELS.returnHeading)) ? 'return' : 'order';
  }
  return 'unknown';
}

export function classifyZalando(url: URL, doc: Document): PageKind {
  const fromUrl = pageKindFromUrl(url);
  return fromUrl !== 'unknown' ? fromUrl : classifyByContent(doc);
}
