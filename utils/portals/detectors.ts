import type { PageKind, PortalId } from '../schemas/common';
import { classifyAmazon } from './amazon/classify';
import { classifyZalando } from './zalando/detect';

/**
 * Page-kind detection alone, for the small script that runs on every portal page. The full adapters
 * (extraction, reply boxes) and the React panel are loaded only once a page turns out to be a work page.
 */
export type Classify = (url: URL, doc: Document) => PageKind;

export const DETECTORS: Record<PortalId, Classify> = {
  amazon: classifyAmazon,
  zalando: classifyZalando,
};
