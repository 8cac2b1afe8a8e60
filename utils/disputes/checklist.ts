import type { CardTransaction, EvidenceItem, EvidenceSource, PriorTransaction } from '../schemas/disputes';
import type { Address, PageContext } from '../schemas/page';
import type { DisputeHistory, DisputeLike, ProvidedEvidence } from './case-history';
import { ce3Eligibility } from './ce3';
import { EVIDENCE_BY_REASON, EVIDENCE_DEFINITIONS, INTERNAL_EVIDENCE, type StandardEvidenceKey } from './evidence-catalogue';
import { formatMoney } from '../money';
import { formatDay, formatInstant, snippet } from './format';
import { networkFromCode } from './reasons';

export type ChecklistInput = {
  dispute: DisputeLike;
  context?: PageContext;
  history: DisputeHistory;
  /** The disputed card payment (own-shop card disputes), for CE 3.0. */
  disputedTransaction?: CardTransaction;
  priorTransactions?: PriorTransaction[];
  /** Why CE 3.0 could not be judged from the team's payments (no payment imported, no earlier one on the card). */
  ce3Note?: string;
  /** What agents typed or uploaded; wins over what the engine found. */
  provided?: ProvidedEvidence[];
};

type Found = { value: string; source: EvidenceSource };
/** A finder reports evidence it found, `na` with a reason when the item does not apply, else nothing. */
type FinderResult = Found | { na: string } | { missingBecause: string } | undefined;
type Finder = (input: ChecklistInput) => FinderResult;

const MAX_VALUE = 4000;
const MESSAGE_SNIPPET = 160;
const NOTE_SNIPPET = 200;

export function formatAddress(a: Address): string {
  const place = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.name, ...a.lines, place, a.country].filter((s) => s && s.trim() !== '').join(', ');
}

const isMarketplace = (input: ChecklistInput) => input.dispute.kind !== 'card_dispute';

const FINDERS: Partial<Record<StandardEvidenceKey, Finder>> = {
  order_details: ({ dispute, context }) => {
    if (!context || (context.items.length === 0 && !context.purchasedAt)) return undefined;
    const items = context.items.map((i) => `${i.quantity} x ${i.title ?? i.asin ?? i.sku ?? i.articleId ?? 'item'}`);
    const parts = [`Order ${context.orderId ?? dispute.orderId}`];
    if (context.purchasedAt) parts.push(`placed ${formatInstant(context.purchasedAt)}`);
    if (items.length > 0) parts.push(items.join('; '));
    if (context.totals?.total) parts.push(`total ${formatMoney(context.totals.total)}`);
    return { value: parts.join(', '), source: 'page' };
  },
  shipping_address: ({ context }) => (context?.shipTo ? { value: formatAddress(context.shipTo), source: 'page' } : undefined),
  tracking_number: ({ context, history }) => {
    const fromPage = context?.trackingNumber;
    const number = fromPage ?? history.trackingNumber;
    if (!number) return undefined;
    const carrier = history.carrier ?? context?.shippingService;
    return { value: carrier ? `${number} (${carrier})` : number, source: fromPage ? 'page' : 'history' };
  },
  proof_of_delivery: ({ history, context }) => {
    if (!history.deliveredAt) return undefined;
    const to = context?.shipTo ? ` to ${formatAddress(context.shipTo)}` : '';
    const tracking = history.trackingNumber ?? context?.trackingNumber;
    return { value: `Delivered ${formatInstant(history.deliveredAt)}${to}${tracking ? ` (tracking ${tracking})` : ''}`, source: 'history' };
  },
  item_description: ({ context }) => {
    const described = (context?.items ?? []).filter((i) => i.title);
    if (described.length === 0) return undefined;
    const lines = described.map((i) => {
      const ids = [i.asin && `ASIN ${i.asin}`, i.sku && `SKU ${i.sku}`, i.articleId && `article ${i.articleId}`].filter(Boolean);
      return ids.length > 0 ? `${i.title} (${ids.join(', ')})` : `${i.title}`;
    });
    return { value: lines.join('; '), source: 'page' };
  },
  message_history: ({ history, context }) => {
    const messages = [...(history.messages ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    if (messages.length === 0) {
      if (!context?.message?.body) return undefined;
      return { value: `Latest message: "${snippet(context.message.body, MESSAGE_SNIPPET)}"`, source: 'page' };
    }
    const fromBuyer = messages.filter((m) => m.from === 'buyer').length;
    const last = messages[messages.length - 1]!;
    const head = `${messages.length} message${messages.length === 1 ? '' : 's'} (${fromBuyer} from the buyer), ${formatDay(messages[0]!.at)} to ${formatDay(last.at)}`;
    const lines = messages.map((m) => `${formatDay(m.at)} ${m.from}: "${snippet(m.text, MESSAGE_SNIPPET)}"`);
    return { value: [head, ...lines].join('\n'), source: 'history' };
  },
  return_status: ({ context }) => {
    const r = context?.return;
    if (!r || (!r.requestedAt && !r.receivedAt && !r.status)) return undefined;
    const parts = [
      r.requestedAt && `requested ${formatDay(r.requestedAt)}`,
      r.receivedAt && `received ${formatDay(r.receivedAt)}`,
      r.status && `status ${r.status}`,
    ];
    return { value: `Return ${parts.filter(Boolean).join(', ')}`, source: 'page' };
  },
  refund_proof: ({ history }) => {
    const refunds = history.refunds ?? [];
    if (refunds.length === 0) return undefined;
    const lines = refunds.map((r) => `Refunded ${formatMoney(r.amount)} on ${formatDay(r.at)}${r.reference ? ` (reference ${r.reference})` : ''}`);
    return { value: lines.join('\n'), source: 'history' };
  },
  transaction_receipt: ({ context }) =>
    context?.totals?.total ? { value: `Order total charged: ${formatMoney(context.totals.total)}`, source: 'page' } : undefined,
  avs_cvv_result: (input) => (isMarketplace(input) ? { na: 'The marketplace runs the payment checks on its orders.' } : undefined),
  ce3_prior_transactions: (input) => {
    const { dispute, disputedTransaction, priorTransactions } = input;
    if (isMarketplace(input)) return { na: 'The marketplace carries card-fraud risk on its orders.' };
    const network = dispute.network ?? (dispute.reasonCode ? networkFromCode(dispute.reasonCode) : undefined);
    const code = dispute.reasonCode?.trim();
    if (network !== 'visa' || (code && !/^10\.4\b/.test(code))) return { na: 'Compelling Evidence 3.0 applies to Visa reason 10.4 only.' };
    if (!disputedTransaction || !priorTransactions || priorTransactions.length === 0) return input.ce3Note ? { missingBecause: input.ce3Note } : undefined;
    const result = ce3Eligibility({ ...disputedTransaction, disputeFiledAt: dispute.filedAt }, priorTransactions);
    return result.eligible ? { value: result.summary, source: 'history' } : { missingBecause: result.summary };
  },
  case_notes: ({ history }) => {
    const notes = history.events.filter((e) => e.type === 'note' && e.text.trim() !== '');
    if (notes.length === 0) return undefined;
    const lines = notes.map((n) => `${formatDay(n.createdAt)}${n.agentName ? ` ${n.agentName}` : ''}: ${snippet(n.text, NOTE_SNIPPET)}`);
    return { value: lines.join('\n'), source: 'history' };
  },
};

function clip(value: string): string {
  return value.length <= MAX_VALUE ? value : `${value.slice(0, MAX_VALUE - 1)}…`;
}

function fromFinder(key: StandardEvidenceKey, required: boolean, input: ChecklistInput): EvidenceItem {
  const { label, hint } = EVIDENCE_DEFINITIONS[key];
  const base: EvidenceItem = { key, label, required, status: 'missing', hint };
  if (INTERNAL_EVIDENCE.has(key)) base.internal = true;
  const found = FINDERS[key]?.(input);
  if (!found) return base;
  if ('na' in found) return { ...base, status: 'not_applicable', hint: found.na };
  if ('missingBecause' in found) return { ...base, hint: found.missingBecause };
  const { hint: _unused, ...rest } = base;
  return { ...rest, status: 'present', source: found.source, value: clip(found.value) };
}

function applyProvided(item: EvidenceItem, p: ProvidedEvidence): EvidenceItem {
  if (p.notApplicable) {
    const { source: _s, value: _v, attachmentId: _a, ...rest } = item;
    return { ...rest, status: 'not_applicable', hint: 'Marked as not applicable by an agent.' };
  }
  if (!p.value && !p.attachmentId) return item;
  const { hint: _h, ...rest } = item;
  const out: EvidenceItem = { ...rest, status: 'present', source: p.attachmentId ? 'attachment' : 'agent' };
  const value = p.value ?? item.value;
  if (value) out.value = clip(value);
  else delete out.value;
  if (p.attachmentId) out.attachmentId = p.attachmentId;
  return out;
}

/** Items agents already gave on the stored dispute count as provided, so a rebuilt checklist keeps them. */
function storedAsProvided(dispute: DisputeLike): ProvidedEvidence[] {
  return (dispute.evidence ?? [])
    .filter((e) => e.source === 'agent' || e.source === 'attachment')
    .map((e) => ({ key: e.key, label: e.label, value: e.value, attachmentId: e.attachmentId }));
}

/**
 * The evidence list for one dispute: every item its reason needs, filled from the page, the case
 * history and what agents provided, the rest missing with a hint saying what to collect. Items are in
 * the catalogue's order (required first), then any extra items agents added.
 */
export function buildChecklist(input: ChecklistInput): EvidenceItem[] {
  const provided = [...storedAsProvided(input.dispute), ...(input.provided ?? [])];
  const items = EVIDENCE_BY_REASON[input.dispute.reason].map(([key, need]) => fromFinder(key, need === 'required', input));
  for (const p of provided) {
    const at = items.findIndex((i) => i.key === p.key);
    if (at >= 0) items[at] = applyProvided(items[at]!, p);
    else if (p.value || p.attachmentId || p.notApplicable) {
      const label = p.label ?? (EVIDENCE_DEFINITIONS as Record<string, { label: string }>)[p.key]?.label ?? p.key.replace(/_/g, ' ');
      items.push(applyProvided({ key: p.key, label, required: false, status: 'missing' }, p));
    }
  }
  return items;
}
