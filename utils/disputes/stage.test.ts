import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DisputeStage, DisputeStatus } from '../schemas/disputes';
import { mergeState, mergeVerdict, stageRank, statusRank, STAGE_ORDER, type IncomingState, type StageState } from './stage';

const stateArb = fc.record({
  stage: fc.constantFrom(...DisputeStage.options),
  status: fc.constantFrom(...DisputeStatus.options),
  at: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }),
});
const incomingArb: fc.Arbitrary<IncomingState> = fc.record({
  ...{ stage: stateArb.map((s) => s.stage), status: stateArb.map((s) => s.status), at: stateArb.map((s) => s.at) },
  reversal: fc.boolean(),
});
const plainArb: fc.Arbitrary<IncomingState> = stateArb.map((s) => ({ ...s, reversal: false }));

/** Where a state stands: stage first, then open < responded < closed. */
const position = (s: StageState) => [stageRank(s.stage), statusRank(s.status)] as const;
const notBehind = (a: readonly [number, number], b: readonly [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);

const fold = (events: IncomingState[]) => events.reduce<StageState | undefined>((s, e) => mergeState(s, e), undefined);

describe('dispute stage order', () => {
  it('orders the stages alert < inquiry < chargeback < pre-arbitration', () => {
    expect(STAGE_ORDER.map(stageRank)).toEqual([0, 1, 2, 3]);
    expect(mergeVerdict({ stage: 'chargeback', status: 'open', at: new Date(1) }, { stage: 'inquiry', status: 'open', at: new Date(2) })).toBe('stale');
    expect(mergeVerdict({ stage: 'alert', status: 'won', at: new Date(1) }, { stage: 'chargeback', status: 'open', at: new Date(0) })).toBe('advance');
  });

  it('keeps a closed dispute closed unless the processor reverses it', () => {
    const lost = { stage: 'chargeback', status: 'lost', at: new Date(10) } as const;
    expect(mergeVerdict(lost, { stage: 'chargeback', status: 'responded', at: new Date(20) })).toBe('stale');
    expect(mergeVerdict(lost, { stage: 'chargeback', status: 'won', at: new Date(20) })).toBe('stale');
    expect(mergeVerdict(lost, { stage: 'chargeback', status: 'won', at: new Date(5), reversal: true })).toBe('reverse');
    expect(mergeVerdict(lost, { stage: 'pre_arbitration', status: 'open', at: new Date(5) })).toBe('advance');
  });

  it('never moves a state backwards without a reversal (property)', () => {
    fc.assert(
      fc.property(stateArb, plainArb, (current, incoming) => {
        const next = mergeState(current, incoming);
        expect(notBehind(position(next), position(current))).toBe(true);
      }),
    );
  });

  it('is idempotent: the same event twice is the event once (property)', () => {
    fc.assert(
      fc.property(fc.option(stateArb, { nil: undefined }), incomingArb, (current, incoming) => {
        const once = mergeState(current, incoming);
        expect(mergeState(once, incoming)).toEqual(once);
      }),
    );
  });

  it('ends at the same stage and status whatever order the events of a dispute arrive in (property)', () => {
    // One dispute's life: events whose closed statuses do not contradict each other within a stage.
    const lifeArb = fc
      .array(plainArb, { minLength: 1, maxLength: 8 })
      .filter((events) =>
        DisputeStage.options.every((stage) => new Set(events.filter((e) => e.stage === stage && statusRank(e.status) === 2).map((e) => e.status)).size <= 1),
      )
      .filter((events) => new Set(events.map((e) => e.at.getTime())).size === events.length);
    fc.assert(
      fc.property(lifeArb, fc.func(fc.integer()), (events, key) => {
        const shuffled = [...events].sort((x, y) => key(x) - key(y));
        const a = fold(events)!;
        const b = fold(shuffled)!;
        expect([a.stage, statusRank(a.status)]).toEqual([b.stage, statusRank(b.status)]);
        if (statusRank(a.status) < 2 || statusRank(b.status) === 2) expect(a.status).toBe(b.status);
        // The final position is the furthest any event reached.
        const furthest = events.map(position).reduce((m, p) => (notBehind(p, m) ? p : m));
        expect(position(a)).toEqual(furthest);
      }),
    );
  });
});
