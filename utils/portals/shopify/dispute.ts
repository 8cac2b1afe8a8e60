import type { PageContext, PageContextInput } from '../../schemas';
import { deepText } from '../deep-dom';
import { compact, textLines } from '../dom';
import { DISPUTE, DISPUTE_REASONS, SECTIONS } from './labels';
import type { ShopifyReader } from './read';

/**
 * The Shopify Payments dispute banner on an order [Shopify help, chargebacks]: its heading says the kind
 * (a chargeback, or an inquiry where nothing is reversed yet) and where it stands; its text the amount,
 * the reason and, while a response is possible, the evidence due date. The date it was opened is in the
 * timeline. A dispute that still needs a response (or is under review) makes the order page a chargeback
 * page; a closed one (won, lost, accepted) leaves it an order page.
 */
export type DisputeStatus = 'NEEDS_RESPONSE' | 'UNDER_REVIEW' | 'ACCEPTED' | 'WON' | 'LOST';

export interface ShopifyDispute {
  stage: 'chargeback' | 'inquiry';
  status: DisputeStatus;
  /** The reason as the banner words it, and Shopify's reason. */
  reasonText?: string;
  reason?: string;
  /** Shopify's dispute id, when the banner links to the dispute. */
  id?: string;
  bannerText: string;
  dueByText?: string;
}

const OPEN: ReadonlySet<DisputeStatus> = new Set(['NEEDS_RESPONSE', 'UNDER_REVIEW']);

/** The banner that names a dispute, if the page shows one. Cheap: runs on every order page's classification. */
export function disputeBanner(doc: Document): Element | undefined {
  const root = doc.querySelector('main') ?? doc.body;
  if (!root) return undefined;
  return Array.from(root.querySelectorAll('[role="alert"], [role="status"], [class*="Banner"]'))
    .slice(0, 10)
    .find((banner) => {
      const heading = deepText(banner.querySelector('h2, h3, p strong, strong')) ?? '';
      return DISPUTE.chargeback.test(heading) || DISPUTE.inquiry.test(heading);
    });
}

export function readDisputeBanner(banner: Element): ShopifyDispute | undefined {
  const heading = deepText(banner.querySelector('h2, h3, strong')) ?? '';
  const stage = DISPUTE.inquiry.test(heading) ? 'inquiry' : DISPUTE.chargeback.test(heading) ? 'chargeback' : undefined;
  const status = DISPUTE.status.find(([, re]) => re.test(heading))?.[0];
  if (!stage || !status) return undefined;
  const strong = Array.from(banner.querySelectorAll('strong, b'));
  const reasonEl = strong.find((el) => DISPUTE.reasonLabel.test(el.previousSibling?.textContent ?? ''));
  const reasonText = deepText(reasonEl);
  const reason = reasonText ? DISPUTE_REASONS.find(([, re]) => re.test(reasonText))?.[0] : undefined;
  const link = banner.querySelector('a[href*="/payments/disputes/"], a[href*="/disputes/"]')?.getAttribute('href');
  const id = /\/disputes\/(\d{1,20})(?:[/?#]|$)/.exec(link ?? '')?.[1];
  const dueByText = strong.filter((el) => el !== reasonEl).map((el) => deepText(el) ?? '')[0];
  return { stage, status, reasonText, reason, id, bannerText: textLines(banner).join(' '), dueByText };
}

export const isOpenDispute = (d: ShopifyDispute | undefined): boolean => d !== undefined && OPEN.has(d.status);

/** When the dispute was opened: the timeline's entry for it ("A chargeback ... was opened", "Se abrió un contracargo"). */
function openedAt(reader: ShopifyReader, stage: ShopifyDispute['stage']): string | undefined {
  const timeline = reader.section(SECTIONS.timeline);
  if (!timeline) return undefined;
  const kind = stage === 'inquiry' ? DISPUTE.inquiry : DISPUTE.chargeback;
  for (const entry of Array.from(timeline.querySelectorAll('li, p'))) {
    const cells = Array.from(entry.children);
    const text = deepText(cells[0] ?? entry) ?? '';
    if (!kind.test(text) || !DISPUTE.opened.test(text)) continue;
    const when = reader.instant(deepText(cells[cells.length - 1]));
    if (when) return when;
  }
  return undefined;
}

/** The page's dispute as a chargeback context and its clock: opened (the notice) until the evidence due date. */
export function readDispute(reader: ShopifyReader, orderRef: string | undefined, total: PageContextInput['totals']): Partial<PageContextInput> {
  const banner = disputeBanner(reader.doc);
  const dispute = banner ? readDisputeBanner(banner) : undefined;
  if (!dispute) return {};
  reader.found('chargeback', 'label');
  const notifiedAt = reader.read('chargeback.notifiedAt', { label: () => openedAt(reader, dispute.stage) }, { required: isOpenDispute(dispute) });
  const respondBy =
    dispute.status === 'NEEDS_RESPONSE'
      ? reader.read('chargeback.respondBy', { label: () => reader.instant(dispute.dueByText) }, { required: true })
      : undefined;
  // Shopify shows no dispute id on the order: its link's id when there is one, else one made from the order.
  const id =
    dispute.id ??
    reader.read(
      'chargeback.id',
      { structure: () => (orderRef ? [dispute.stage, orderRef, notifiedAt?.slice(0, 10)].filter(Boolean).join('-') : undefined) },
      { expected: 'structure' },
    );
  const chargeback: PageContext['chargeback'] = compact({
    id,
    amount: reader.money(dispute.bannerText) ?? total?.total,
    reason: dispute.reasonText,
    notifiedAt,
    respondBy,
    status: dispute.status,
    stage: dispute.stage,
  });
  const clockStart =
    isOpenDispute(dispute) && (notifiedAt || respondBy) ? compact({ at: notifiedAt, endsAt: respondBy, source: 'notice' as const }) : undefined;
  return compact({ chargeback, clockStart }) ?? {};
}
