import type { FraudScore } from '../../utils/schemas/fraud';
import type { Database } from '../db/open';
import { upsertFraudSignals } from '../repositories/reports-signals';

/**
 * Keeps the fired indicators of a scored order for the fraud report. Meant to be called wherever a
 * score is computed for an order (the panel load); the demo history calls it for its orders.
 */
export async function recordFraudSignals(
  db: Database,
  teamId: string,
  orderId: string,
  score: { score: number; fired: Pick<FraudScore['fired'][number], 'indicator' | 'points'>[] },
  at: Date,
): Promise<void> {
  await upsertFraudSignals(db, teamId, orderId, score.score, score.fired, at);
}
