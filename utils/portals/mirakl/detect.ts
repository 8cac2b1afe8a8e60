import type { PageKind } from '../../schemas';
import { pageKindFromUrl } from './pages';

/**
 * The page kind of a back-office page. Mirakl's paths are documented (pages.ts), so the URL decides; the
 * detector runs on every page of a host the team added, so this stays a pure path check.
 */
export function classifyMirakl(url: URL, _doc?: Document): PageKind {
  return pageKindFromUrl(url);
}
