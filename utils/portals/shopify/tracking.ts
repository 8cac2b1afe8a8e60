import type { PageContextInput } from '../../schemas';
import { deepText } from '../deep-dom';
import { compact, textLines } from '../dom';
import { foldLabel } from '../label-value';
import { FULFILLMENT_STATUS } from './labels';
import type { ShopifyReader } from './read';

/**
 * The tracking of a shipped order, from the fulfilment card: under its "Fulfilled (n)" badge the admin
 * prints "Carrier · number · status date", or a "Tracking number" label; the number itself is usually a
 * link to the carrier. Read by label within the fulfilled cards first, then by structure: a link whose
 * whole text is a tracking number and which leads off the admin. An unfulfilled order has none.
 */

/** A tracking number: 8 to 34 letters and digits with at least 8 digits (UPS 1Z…, Royal Mail WT…GB, DHL's 20 digits). */
const TRACKING = /^(?=(?:[A-Za-z]*\d){8})[A-Za-z0-9]{8,34}$/;

const TRACKING_LABELS = [
  'Tracking number',
  'Tracking',
  'Sendungsnummer',
  'Trackingnummer',
  'Sendungsverfolgungsnummer',
  'Numéro de suivi',
  'Suivi',
  'Número de seguimiento',
  'Seguimiento',
  'Numero di tracking',
  'Numero di monitoraggio',
  'Tracking n.',
];
const CARRIER_LABELS = ['Carrier', 'Shipping carrier', 'Versanddienstleister', 'Versandunternehmen', 'Transporteur', 'Transportista', 'Corriere'];

const SHIPPED = new Set(
  FULFILLMENT_STATUS.filter(([status]) => status === 'FULFILLED' || status === 'PARTIALLY_FULFILLED').flatMap(([, words]) => words.map(foldLabel)),
);

interface Found {
  number: string;
  carrier: string | undefined;
}

/** The cards whose heading is a shipped badge: "Fulfilled (3)", "Erfüllt (1)", "Preparado". */
function shippedCards(reader: ShopifyReader): Element[] {
  return Array.from(reader.scope.querySelectorAll('h2, h3'))
    .filter((h) => SHIPPED.has(foldLabel((deepText(h) ?? '').replace(/\(\s*\d+\s*\)\s*$/, ''))))
    .flatMap((h): Element[] => {
      const card = h.closest('section') ?? h.parentElement;
      return card ? [card] : [];
    });
}

const labelValue = (line: string, labels: readonly string[]): string | undefined => {
  const match = /^(.+?)\s*[:：]\s*(.+)$/.exec(line);
  return match && labels.some((l) => foldLabel(l) === foldLabel(match[1]!)) ? match[2]!.trim() : undefined;
};

function fromCard(card: Element): Found | undefined {
  const lines = textLines(card);
  // "Tracking number: X" (with "Carrier: Y" beside it).
  const labelled = lines.map((l) => labelValue(l, TRACKING_LABELS)).find((v) => v !== undefined && TRACKING.test(v));
  if (labelled) return { number: labelled, carrier: lines.map((l) => labelValue(l, CARRIER_LABELS)).find(Boolean) };
  // "Carrier · number · status".
  for (const line of lines) {
    const parts = line.split(/\s+·\s+/).map((p) => p.trim());
    const at = parts.findIndex((p) => TRACKING.test(p));
    if (parts.length >= 2 && at >= 0) return { number: parts[at]!, carrier: at > 0 ? parts[at - 1] : undefined };
  }
  return undefined;
}

function fromLinks(reader: ShopifyReader): Found | undefined {
  for (const link of Array.from(reader.scope.querySelectorAll('a[href]'))) {
    const number = deepText(link)?.trim();
    if (!number || !TRACKING.test(number)) continue;
    let target: URL;
    try {
      target = new URL(link.getAttribute('href')!, reader.url);
    } catch {
      continue;
    }
    if (target.host === reader.url.host || !/^https?:$/.test(target.protocol)) continue;
    // The carrier is what the link's row says before it ("UPS 1Z…", "DHL Paket: 0034…").
    const row = deepText(link.parentElement) ?? '';
    const before = row
      .slice(0, Math.max(0, row.indexOf(number)))
      .replace(/[\s:：·]+$/, '')
      .trim();
    return { number, carrier: before && before.length <= 60 ? before : undefined };
  }
  return undefined;
}

export function readTracking(reader: ShopifyReader): Pick<PageContextInput, 'trackingNumber' | 'shippingService'> {
  const byLabel = shippedCards(reader)
    .map(fromCard)
    .find((f) => f !== undefined);
  const byLink = byLabel ? undefined : fromLinks(reader);
  const trackingNumber = reader.read('trackingNumber', { label: () => byLabel?.number, structure: () => byLink?.number });
  const shippingService = reader.read('shippingService', { label: () => byLabel?.carrier, structure: () => byLink?.carrier });
  return compact({ trackingNumber, shippingService }) ?? {};
}
