import type { Language } from '../schemas/common';
import type { Defence, DefencePlaceholder, DefenceSection, DefenceTemplate, EvidenceItem } from '../schemas/disputes';
import type { PageContext } from '../schemas/page';
import type { DisputeHistory, DisputeLike } from './case-history';
import { formatAddress } from './checklist';
import { DEFENCE_WORDS, disputeKindLabel, type DefenceWords } from './defence-words';
import { formatMoney } from '../money';
import { formatDay, formatInstant, plainText } from './format';
import { REASON_LABELS } from './reasons';
import { defaultDefenceTemplate, fillTemplate } from './templates';
import type { TimelineEntry } from './timeline';

/** A-to-z responses are length-limited; the exact limit is not public, so it is an option. */
export const DEFAULT_MAX_TEXT_LENGTH = 4000;

export type DefenceInput = {
  dispute: DisputeLike;
  context?: PageContext;
  /** Raw facts for the template's placeholders (dates, carrier, refunds). */
  history?: DisputeHistory;
  checklist: EvidenceItem[];
  timeline: TimelineEntry[];
  template?: DefenceTemplate;
  seller: { name: string };
  language?: Language;
  /** Limit of the plain-text version; the sections (and the PDF) are never cut. */
  maxLength?: number;
  /** Zone dates are written in; UTC unless the team wants the marketplace's. */
  timeZone?: string;
};

function placeholderValues(input: DefenceInput, tz: string): Partial<Record<DefencePlaceholder, string>> {
  const { dispute, context, history, checklist } = input;
  const v: Partial<Record<DefencePlaceholder, string>> = {
    sellerName: input.seller.name,
    orderId: dispute.orderId,
    disputeId: dispute.id,
    reasonLabel: REASON_LABELS[dispute.reason],
    reasonCode: dispute.reasonCode,
    amount: formatMoney(dispute.amount),
    filedAt: formatDay(dispute.filedAt, tz),
  };
  if (context?.purchasedAt) v.purchasedAt = formatDay(context.purchasedAt, tz);
  const titles = (context?.items ?? []).map((i) => i.title).filter((t): t is string => !!t);
  if (titles.length > 0) v.itemTitles = titles.join('; ');
  if (context?.shipTo) v.shippingAddress = formatAddress(context.shipTo);
  v.carrier = history?.carrier ?? context?.shippingService;
  v.trackingNumber = history?.trackingNumber ?? context?.trackingNumber;
  if (history?.shippedAt) v.shippedAt = formatDay(history.shippedAt, tz);
  if (history?.deliveredAt) v.deliveredAt = formatInstant(history.deliveredAt, tz);
  const messages = history?.messages ?? [];
  if (messages.length > 0) v.messageCount = String(messages.length);
  const lastBuyer = messages
    .filter((m) => m.from === 'buyer')
    .map((m) => m.at)
    .sort()
    .pop();
  if (lastBuyer) v.lastBuyerMessageAt = formatDay(lastBuyer, tz);
  const refunds = (history?.refunds ?? []).filter((r) => r.amount.currency === dispute.amount.currency);
  if (refunds.length > 0) {
    v.refundAmount = formatMoney({ amountMinor: refunds.reduce((s, r) => s + r.amount.amountMinor, 0), currency: dispute.amount.currency });
    v.refundedAt = formatDay(
      refunds
        .map((r) => r.at)
        .sort()
        .pop()!,
      tz,
    );
  }
  if (context?.return?.receivedAt) v.returnReceivedAt = formatDay(context.return.receivedAt, tz);
  const ce3 = checklist.find((i) => i.key === 'ce3_prior_transactions' && i.status === 'present');
  if (ce3?.value) v.ce3Summary = ce3.value;
  return v;
}

function summaryBody(input: DefenceInput, w: DefenceWords, language: Language, tz: string): string {
  const { dispute } = input;
  const code = dispute.reasonCode ? ` (${dispute.reasonCode})` : '';
  const text = dispute.reasonText ? `: "${plainText(dispute.reasonText)}"` : '';
  return [
    `${w.seller}: ${plainText(input.seller.name)}`,
    `${w.order}: ${dispute.orderId}`,
    `${w.dispute}: ${dispute.id} (${disputeKindLabel(dispute.kind, language)})`,
    `${w.reason}: ${REASON_LABELS[dispute.reason]}${code}${text}`,
    `${w.amount}: ${formatMoney(dispute.amount)}`,
    `${w.filed}: ${formatInstant(dispute.filedAt, tz)}`,
  ].join('\n');
}

const clipValue = (value: string, max: number | undefined) => (max === undefined || value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`);

/** Present items with their values, then the missing ones named honestly. Internal items never appear. */
function evidenceBody(checklist: EvidenceItem[], w: DefenceWords, valueMax?: number): string {
  const shown = checklist.filter((i) => !i.internal);
  const present = shown.filter((i) => i.status === 'present');
  const missing = shown.filter((i) => i.status === 'missing');
  const lines: string[] = [];
  for (const item of present) {
    const value = item.value ? plainText(item.value) : item.attachmentId ? `attached (${item.attachmentId})` : 'provided';
    const [first, ...rest] = clipValue(value, valueMax).split('\n');
    lines.push(`- ${plainText(item.label)}: ${first}`, ...rest.map((l) => `  ${l}`));
  }
  if (missing.length > 0) lines.push(`${w.notAvailable}:`, ...missing.map((i) => `- ${plainText(i.label)}`));
  return lines.length > 0 ? lines.join('\n') : w.noEvidence;
}

function timelineBody(entries: TimelineEntry[], w: DefenceWords, tz: string, keep?: number): string {
  if (entries.length === 0) return w.noEvents;
  const line = (e: TimelineEntry) => `${formatInstant(e.at, tz)}  ${plainText(e.text).replace(/\s+/g, ' ')}`;
  if (keep === undefined || keep >= entries.length) return entries.map(line).join('\n');
  // Keep the start (purchase, shipment) and the end (the latest messages and the dispute).
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  return [...entries.slice(0, head).map(line), w.eventsLeftOut(entries.length - keep), ...entries.slice(entries.length - tail).map(line)].join('\n');
}

const render = (title: string, sections: DefenceSection[]) => [title, ...sections.map((s) => `${s.title}\n${s.body}`)].join('\n\n');

function hardCut(text: string, max: number): string {
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.search(/\s\S*$/);
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The defence of one dispute: summary, the reason's argument from a template, the evidence (missing
 * items named, never hidden) and the timeline. `sections` are complete; `text` is the same defence as
 * plain text within `maxLength`: the timeline's middle goes first, then long evidence values, and
 * only then is the text cut.
 */
export function buildDefence(input: DefenceInput): Defence {
  const language = input.language ?? 'en';
  const w = DEFENCE_WORDS[language];
  const tz = input.timeZone ?? 'UTC';
  const maxLength = input.maxLength ?? DEFAULT_MAX_TEXT_LENGTH;
  const warnings: string[] = [];

  const template = input.template ?? defaultDefenceTemplate(input.dispute.reason, language);
  if (template.language !== language)
    warnings.push(`No ${language} template for '${REASON_LABELS[input.dispute.reason]}': the ${template.language} one was used`);
  if (template.reason !== input.dispute.reason)
    warnings.push(`The template is for '${REASON_LABELS[template.reason]}' disputes, this one is '${REASON_LABELS[input.dispute.reason]}'`);
  const filled = fillTemplate(plainText(template.argument), placeholderValues(input, tz));
  if (filled.unfilled.length > 0) warnings.push(`Lines left out of the argument for lack of: ${filled.unfilled.join(', ')}`);
  if (filled.unknown.length > 0) warnings.push(`Unknown placeholders in the template: ${filled.unknown.join(', ')}`);

  const title = w.title(input.dispute.id, input.dispute.orderId);
  const timeline = [...input.timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const build = (keep?: number, valueMax?: number): DefenceSection[] => [
    { title: w.summary, body: summaryBody(input, w, language, tz) },
    { title: plainText(template.title), body: filled.text },
    { title: w.evidence, body: evidenceBody(input.checklist, w, valueMax) },
    { title: w.timeline, body: timelineBody(timeline, w, tz, keep) },
  ];

  const sections = build();
  let text = render(title, sections);
  let truncated = false;
  if (text.length > maxLength && timeline.length > 2) {
    // The longest timeline that fits: the text grows with every entry kept, so a binary search finds it.
    let lo = 2;
    let hi = timeline.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (render(title, build(mid)).length <= maxLength) lo = mid;
      else hi = mid - 1;
    }
    text = render(title, build(lo));
    truncated = true;
  }
  const shortest = Math.min(timeline.length, 2);
  for (const valueMax of [300, 100]) {
    if (text.length <= maxLength) break;
    text = render(title, build(shortest, valueMax));
    truncated = true;
  }
  if (text.length > maxLength) {
    text = hardCut(text, maxLength);
    truncated = true;
  }
  if (truncated) warnings.push(`The text version was shortened to fit ${maxLength} characters; the PDF has everything`);
  return { title, text, sections, truncated, warnings };
}
