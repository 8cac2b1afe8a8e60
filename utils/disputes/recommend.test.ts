import { describe, expect, it } from 'vitest';
import { DisputeRecommendation } from '../schemas/disputes';
import { buildChecklist } from './checklist';
import { evidenceStrength, recommendAction, winChance } from './recommend';
import { aDispute, aHistory, disputeContext } from '../../tests/helpers/disputes';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const strongChecklist = () => buildChecklist({ dispute: aDispute(), context: disputeContext(), history: aHistory() });
const emptyChecklist = () => buildChecklist({ dispute: aDispute(), history: { events: [] } });

describe('evidenceStrength', () => {
  it('weighs required items three times optional ones and ignores internal and not-applicable items', () => {
    const s = evidenceStrength(strongChecklist());
    // 4 required present (12 points), signature missing (0 of 1), messages present (1 of 1); notes are internal.
    expect(s).toMatchObject({ points: 13, maxPoints: 14, optionalCount: 2 });
    expect(s.missingRequired).toEqual([]);
    expect(evidenceStrength(emptyChecklist()).score).toBe(0);
  });

  it('a missing required item caps the chance even with a perfect record', () => {
    const s = evidenceStrength(emptyChecklist());
    expect(winChance(s)).toBeCloseTo(0.15);
    expect(winChance(s, { won: 1, lost: 0 })).toBeCloseTo((1 + 4 * 0.15) / 5);
  });
});

describe('recommendAction', () => {
  it('strong evidence and a good record: fight, with sentences an analyst can check', () => {
    const r = recommendAction({
      amount: eur(4999),
      reason: 'not_received',
      checklist: strongChecklist(),
      winRate: { won: 7, lost: 2 },
      handlingCost: eur(1500),
      kind: 'amazon_atoz',
    });
    expect(DisputeRecommendation.safeParse(r).success).toBe(true);
    expect(r.action).toBe('fight');
    expect(r.confidence).toBeGreaterThan(0.7);
    expect(r.reasons).toContain('Proof of delivery is present');
    expect(r.reasons).toContain('Tracking number is present');
    expect(r.reasons).toContain("Won 7 of 9 'not received' disputes (few cases, so the evidence still weighs in)");
    expect(r.reasons.some((s) => /^Expected recovery .* exceeds the handling cost of 15\.00 EUR$/.test(s))).toBe(true);
  });

  it('no evidence on an A-to-z claim: refund', () => {
    const r = recommendAction({ amount: eur(4999), reason: 'not_received', checklist: emptyChecklist(), kind: 'amazon_atoz' });
    expect(r.action).toBe('refund');
    expect(r.reasons).toContain('Proof of delivery is missing');
    expect(r.reasons).toContain("No past 'not received' disputes on record: the estimate rests on the evidence");
  });

  it('no evidence on a card dispute: accept, never refund (the money is already taken back)', () => {
    const r = recommendAction({ amount: eur(4999), reason: 'not_received', checklist: emptyChecklist(), kind: 'card_dispute' });
    expect(r.action).toBe('accept');
    expect(r.confidence).toBeGreaterThan(0.8);
  });

  it('a tiny amount is accepted however strong the evidence', () => {
    const r = recommendAction({
      amount: eur(1200),
      reason: 'not_received',
      checklist: strongChecklist(),
      winRate: { won: 9, lost: 0 },
      handlingCost: eur(1500),
      kind: 'card_dispute',
    });
    expect(r.action).toBe('accept');
    expect(r.reasons).toContain('Amount 12.00 EUR is below the handling cost of 15.00 EUR');
  });

  it('an amount above the cost but a low expected recovery is not fought either', () => {
    const r = recommendAction({
      amount: eur(2000),
      reason: 'not_received',
      checklist: strongChecklist(),
      winRate: { won: 1, lost: 9 },
      handlingCost: eur(1500),
      kind: 'card_dispute',
    });
    expect(r.action).toBe('accept');
    expect(r.reasons.some((s) => s.startsWith('Expected recovery') && s.endsWith('is below the handling cost of 15.00 EUR'))).toBe(true);
  });

  it('a long losing record outweighs good evidence', () => {
    const r = recommendAction({
      amount: eur(20_000),
      reason: 'not_received',
      checklist: strongChecklist(),
      winRate: { won: 2, lost: 40 },
      kind: 'amazon_chargeback',
    });
    expect(r.action).toBe('accept');
    expect(r.reasons).toContain("Won 2 of 42 'not received' disputes");
  });

  it('costs in another currency are not compared', () => {
    const r = recommendAction({
      amount: eur(1000),
      reason: 'not_received',
      checklist: strongChecklist(),
      handlingCost: { amountMinor: 5000, currency: 'USD' },
    });
    expect(r.action).toBe('fight');
    expect(r.reasons).toContain('Handling cost is in USD and the amount in EUR: they were not compared');
  });
});
