import type { DecisionKind, FraudInput, FraudMatrix, Recommendation } from '../schemas/fraud';
import { scoreOrder } from './score';

export type BacktestCase = { input: FraudInput; decision: DecisionKind };

/** rows: what the matrix recommended; columns: what the agents decided. */
export type ConfusionMatrix = Record<Recommendation, Record<DecisionKind, number>>;

export type Move = { from: Recommendation; to: Recommendation; count: number; examples: string[] };

export type BacktestResult = {
  total: number;
  /** Proposed recommendation vs the agents' decisions. */
  confusion: ConfusionMatrix;
  /** The same for the current matrix, for comparison. */
  currentConfusion: ConfusionMatrix;
  /** Summary of the proposed matrix on these decisions. */
  proposed: BacktestRates;
  current: BacktestRates;
  /** Orders whose recommendation changes from current to proposed, by direction; biggest first. */
  moves: Move[];
  unchanged: number;
};

export type BacktestRates = {
  /** Fraud cases the matrix sent to review or hold. */
  fraudCaught: number;
  /** Fraud cases the matrix would have released. */
  fraudReleased: number;
  /** Orders the agents released that the matrix would have held (friction for good buyers). */
  goodHeld: number;
  /** Orders the matrix sends to an agent (review or hold): the workload. */
  sentToAgents: number;
};

const MAX_EXAMPLES = 5;
const ORDER: Recommendation[] = ['release', 'review', 'hold'];

function emptyConfusion(): ConfusionMatrix {
  const row = () => ({ hold: 0, release: 0, fraud: 0 });
  return { release: row(), review: row(), hold: row() };
}

function rates(confusion: ConfusionMatrix): BacktestRates {
  return {
    fraudCaught: confusion.review.fraud + confusion.hold.fraud,
    fraudReleased: confusion.release.fraud,
    goodHeld: confusion.hold.release,
    sentToAgents: ORDER.slice(1).reduce((sum, r) => sum + confusion[r].hold + confusion[r].release + confusion[r].fraud, 0),
  };
}

/**
 * Replays past decisions through the current and a proposed matrix, so a lead sees what a change would
 * do before saving it: how the proposal agrees with what agents decided, and which orders move.
 */
export function backtest(cases: BacktestCase[], current: FraudMatrix, proposed: FraudMatrix): BacktestResult {
  const confusion = emptyConfusion();
  const currentConfusion = emptyConfusion();
  const moves = new Map<string, Move>();
  let unchanged = 0;
  cases.forEach((c, index) => {
    const before = scoreOrder(c.input, current).recommendation;
    const after = scoreOrder(c.input, proposed).recommendation;
    currentConfusion[before][c.decision] += 1;
    confusion[after][c.decision] += 1;
    if (before === after) {
      unchanged += 1;
      return;
    }
    const key = `${before}>${after}`;
    let move = moves.get(key);
    if (!move) {
      move = { from: before, to: after, count: 0, examples: [] };
      moves.set(key, move);
    }
    move.count += 1;
    if (move.examples.length < MAX_EXAMPLES) move.examples.push(c.input.context.orderId ?? `case ${index + 1}`);
  });
  return {
    total: cases.length,
    confusion,
    currentConfusion,
    proposed: rates(confusion),
    current: rates(currentConfusion),
    moves: [...moves.values()].sort((a, b) => b.count - a.count || ORDER.indexOf(a.from) - ORDER.indexOf(b.from)),
    unchanged,
  };
}
