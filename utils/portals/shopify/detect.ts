import type { PageKind } from '../../schemas';
import { deepText } from '../deep-dom';
import { foldLabel } from '../label-value';
import { disputeBanner, isOpenDispute, readDisputeBanner } from './dispute';
import { ORDER_LIST_HEADINGS } from './labels';
import { pageKindFromUrl } from './pages';

/**
 * The page kind: the URL says order or order list (the admin's paths are public); an order whose banner
 * shows a dispute still needing a response (or under review) is a chargeback page. Cheap by design: it runs on
 * every admin page and after each client-side navigation.
 */
export function classifyShopify(url: URL, doc: Document): PageKind {
  const kind = pageKindFromUrl(url);
  if (kind !== 'order') return kind;
  const banner = disputeBanner(doc);
  return banner && isOpenDispute(readDisputeBanner(banner)) ? 'chargeback' : 'order';
}

/** The admin's loading state: a spinner or skeleton in the main content, nothing rendered yet. */
const SPINNERS = '[role="progressbar"], [aria-busy="true"], [class*="Spinner"], [class*="Skeleton"], [role="status"][aria-label]';

/** Content ready: the spinner is gone and the page shows its kind's heading (an order name, the list's title). */
export function isShopifyContentReady(kind: PageKind, doc: Document): boolean {
  if (kind === 'unknown') return true;
  const main = doc.querySelector('main') ?? doc.body;
  if (!main || main.querySelector(SPINNERS)) return false;
  const headings = Array.from(main.querySelectorAll('h1')).map((h) => deepText(h) ?? '');
  if (kind === 'order-list')
    return headings.some((h) => ORDER_LIST_HEADINGS.some((l) => foldLabel(l) === foldLabel(h))) || main.querySelector('table') !== null;
  return headings.some((h) => /\d/.test(h));
}
