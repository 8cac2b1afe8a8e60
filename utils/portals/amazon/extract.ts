import type { PageContext, PageContextInput, PageKind } from '../../schemas';
import { queryFirst, safely, textFirst } from '../dom';
import { finalizeContext, recognitionOf } from '../recognition';
import { readChargeback, readClaim, readMessage, readRefund, readReturn } from './extract-cases';
import { readOrderDetails } from './extract-order';
import { resolveAmazonMarketplace } from './marketplaces';
import { AmazonPageReader } from './read';
import { CHARGEBACK, CLAIM, MESSAGE, ORDER, ORDER_LIST, REFUND, RETURN, SPINNERS } from './selectors';

/** Hooks whose presence says the page kind's content is there (not a spinner, not a redesign). */
export const ANCHORS: Readonly<Record<PageKind, readonly string[]>> = {
  order: ORDER.anchors,
  'order-list': ORDER_LIST.anchors,
  message: MESSAGE.anchors,
  claim: CLAIM.anchors,
  chargeback: CHARGEBACK.anchors,
  return: RETURN.anchors,
  refund: REFUND.anchors,
  unknown: [],
};

export function hasAnchors(kind: PageKind, doc: Document): boolean {
  const anchors = ANCHORS[kind];
  return anchors.length === 0 || queryFirst(doc, anchors) !== null;
}

/** Content is ready when the kind's anchors exist and no spinner is still showing. */
export function isAmazonContentReady(kind: PageKind, doc: Document): boolean {
  if (kind === 'unknown') return true;
  return hasAnchors(kind, doc) && queryFirst(doc, SPINNERS) === null;
}

const READERS: Partial<Record<PageKind, (reader: AmazonPageReader) => Partial<PageContextInput>>> = {
  order: readOrderDetails,
  message: readMessage,
  claim: readClaim,
  chargeback: readChargeback,
  return: readReturn,
  refund: readRefund,
};

/** Reads a Seller Central page into a PageContext; never throws. */
export function extractAmazonPage(url: URL, doc: Document, kind: PageKind): PageContext {
  const salesChannel = safely(() => textFirst(doc, ORDER.salesChannel));
  const marketplace = safely(() => resolveAmazonMarketplace(url, salesChannel));
  const reader = new AmazonPageReader(url, doc, marketplace);
  if (!marketplace) reader.missing.add('marketplace');
  const fields = safely(() => READERS[kind]?.(reader)) ?? {};
  const anchorsFound = safely(() => hasAnchors(kind, doc)) ?? false;
  const input: PageContextInput = {
    ...fields,
    portal: 'amazon',
    pageKind: kind,
    url: url.href,
    marketplace,
    items: fields.items ?? [],
    recognition: recognitionOf(anchorsFound, ANCHORS[kind].map((a) => `selector ${a}`), reader.missing.names),
  };
  return finalizeContext(input);
}
