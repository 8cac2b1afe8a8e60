import { portalDisputeKind } from '../portals/catalogue';
import type { Money } from '../schemas/common';
import type { DisputeKind, DisputeReason, DisputeRecommendation, EvidenceItem } from '../schemas/disputes';
import { formatMoney } from '../money';
import { REASON_LABELS } from './reasons';

/** Weights of checklist items in the evidence strength: a required item counts three optional ones. */
export const EVIDENCE_WEIGHTS = { required: 3, optional: 1 } as const;

export const RECOMMEND_TUNING = {
  /** Win chance from evidence alone: from `floor` with nothing to `floor + span` with everything. */
  evidenceFloor: 0.15,
  evidenceSpan: 0.7,
  /** Missing required evidence caps the evidence-based chance: such defences rarely win. */
  capWhenRequiredMissing: 0.35,
  /**
   * The evidence-based chance counts as this many past cases when blended with the team's record
   * (a Beta prior): with 2 past cases the evidence still dominates, with 40 the record does.
   */
  priorCases: 4,
  /** Below this chance of winning, fighting is not recommended. */
  fightFrom: 0.5,
  /** With fewer past cases the record sentence says the estimate leans on the evidence. */
  fewCases: 10,
} as const;

export type RecommendInput = {
  amount: Money;
  reason: DisputeReason;
  checklist: EvidenceItem[];
  /** The team's past outcomes for this reason. */
  winRate?: { won: number; lost: number };
  /** What fighting one dispute costs the team (time, fees). */
  handlingCost?: Money;
  /** Decides between refund and accept when not fighting. */
  kind?: DisputeKind;
};

export type EvidenceStrength = {
  /** 0..1: weighted share of applicable items present. */
  score: number;
  points: number;
  maxPoints: number;
  presentRequired: EvidenceItem[];
  missingRequired: EvidenceItem[];
  presentOptional: EvidenceItem[];
  optionalCount: number;
};

/** Internal and not-applicable items do not count: they never reach the bank or Amazon. */
export function evidenceStrength(checklist: readonly EvidenceItem[]): EvidenceStrength {
  const counted = checklist.filter((i) => i.status !== 'not_applicable' && !i.internal);
  const weight = (i: EvidenceItem) => (i.required ? EVIDENCE_WEIGHTS.required : EVIDENCE_WEIGHTS.optional);
  const maxPoints = counted.reduce((s, i) => s + weight(i), 0);
  const points = counted.filter((i) => i.status === 'present').reduce((s, i) => s + weight(i), 0);
  const optional = counted.filter((i) => !i.required);
  return {
    score: maxPoints === 0 ? 0 : points / maxPoints,
    points,
    maxPoints,
    presentRequired: counted.filter((i) => i.required && i.status === 'present'),
    missingRequired: counted.filter((i) => i.required && i.status === 'missing'),
    presentOptional: optional.filter((i) => i.status === 'present'),
    optionalCount: optional.length,
  };
}

/** The chance of winning: the evidence-based estimate as a prior, updated by the team's record. */
export function winChance(strength: EvidenceStrength, winRate?: { won: number; lost: number }): number {
  const t = RECOMMEND_TUNING;
  let fromEvidence = t.evidenceFloor + t.evidenceSpan * strength.score;
  if (strength.missingRequired.length > 0) fromEvidence = Math.min(fromEvidence, t.capWhenRequiredMissing);
  const won = Math.max(0, winRate?.won ?? 0);
  const lost = Math.max(0, winRate?.lost ?? 0);
  return (won + t.priorCases * fromEvidence) / (won + lost + t.priorCases);
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function evidenceSentences(s: EvidenceStrength): string[] {
  const out = s.presentRequired.map((i) => `${i.label} is present`);
  for (const i of s.missingRequired) out.push(`${i.label} is missing`);
  if (s.optionalCount > 0) out.push(`${s.presentOptional.length} of ${s.optionalCount} supporting items are present`);
  out.push(`Evidence strength ${percent(s.score)} (${s.points} of ${s.maxPoints} weighted points)`);
  return out;
}

function recordSentence(reason: DisputeReason, winRate?: { won: number; lost: number }): string {
  const label = REASON_LABELS[reason];
  const won = winRate?.won ?? 0;
  const total = won + (winRate?.lost ?? 0);
  if (total === 0) return `No past '${label}' disputes on record: the estimate rests on the evidence`;
  const few = total < RECOMMEND_TUNING.fewCases ? ' (few cases, so the evidence still weighs in)' : '';
  return `Won ${won} of ${total} '${label}' disputes${few}`;
}

function notFighting(kind: DisputeKind | undefined): { action: 'refund' | 'accept'; sentence: string } {
  const own = kind ? portalDisputeKind(kind) : undefined;
  if (own?.claim) return { action: 'refund', sentence: own.refundSentence ?? 'Refunding the buyer closes the claim before the marketplace decides it' };
  if (kind) return { action: 'accept', sentence: 'Accept the dispute: the money is already taken back, a refund on top would pay twice' };
  return { action: 'accept', sentence: 'Accept the dispute rather than spend time on a defence' };
}

/**
 * Fight, refund or accept, with sentences an analyst can check. Fighting needs a fair chance of
 * winning and an expected recovery above what fighting costs; otherwise A-to-z claims are refunded
 * (the money has not moved yet) and chargebacks accepted (it has).
 */
export function recommendAction(input: RecommendInput): DisputeRecommendation {
  const strength = evidenceStrength(input.checklist);
  const chance = winChance(strength, input.winRate);
  const reasons = [...evidenceSentences(strength), recordSentence(input.reason, input.winRate), `Estimated chance of winning: ${percent(chance)}`];
  const fallback = notFighting(input.kind);

  const cost = input.handlingCost;
  if (cost && cost.currency !== input.amount.currency) {
    reasons.push(`Handling cost is in ${cost.currency} and the amount in ${input.amount.currency}: they were not compared`);
  } else if (cost && cost.amountMinor > 0) {
    const expected = chance * input.amount.amountMinor;
    if (expected < cost.amountMinor) {
      if (input.amount.amountMinor < cost.amountMinor) {
        reasons.push(`Amount ${formatMoney(input.amount)} is below the handling cost of ${formatMoney(cost)}`);
      } else {
        const recovery = { amountMinor: Math.round(expected), currency: cost.currency };
        reasons.push(`Expected recovery ${formatMoney(recovery)} is below the handling cost of ${formatMoney(cost)}`);
      }
      // Not worth fighting whatever the evidence says: the closer to the cost, the less sure.
      reasons.push(fallback.sentence);
      return { action: fallback.action, confidence: round2(clamp01(0.5 + 0.5 * (1 - expected / cost.amountMinor))), reasons };
    }
    reasons.push(
      `Expected recovery ${formatMoney({ amountMinor: Math.round(expected), currency: cost.currency })} exceeds the handling cost of ${formatMoney(cost)}`,
    );
  }

  if (chance >= RECOMMEND_TUNING.fightFrom) return { action: 'fight', confidence: round2(chance), reasons };
  reasons.push(fallback.sentence);
  return { action: fallback.action, confidence: round2(1 - chance), reasons };
}
