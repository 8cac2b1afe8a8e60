import type { PageKind } from '../schemas/common';

/**
 * Page-kind detection alone, for the small script that runs on every portal page. Each portal's detector
 * entrypoint imports its own classifier only; the full adapters (extraction, reply boxes) and the React
 * panel are loaded only once a page turns out to be a work page.
 */
export type Classify = (url: URL, doc: Document) => PageKind;
