import { sql } from 'drizzle-orm';
import type { FiredIndicator } from '../../utils/schemas/fraud';
import type { Database } from '../db/open';
import { fraudSignals } from '../db/schema-reports';

/**
 * Stores which indicators fired on an order (one row per indicator, the latest sighting wins), so the
 * fraud report can count them. Indicators that stopped firing are kept: they fired when the order was seen.
 */
export async function upsertFraudSignals(
  db: Database,
  teamId: string,
  orderId: string,
  score: number,
  fired: Pick<FiredIndicator, 'indicator' | 'points'>[],
  at: Date,
): Promise<void> {
  if (fired.length === 0) return;
  await db
    .insert(fraudSignals)
    .values(fired.map((f) => ({ teamId, orderId, indicator: f.indicator, points: f.points, score, scoredAt: at })))
    .onConflictDoUpdate({
      target: [fraudSignals.teamId, fraudSignals.orderId, fraudSignals.indicator],
      set: { points: sql`excluded.points`, score: sql`excluded.score`, scoredAt: sql`excluded.scored_at` },
    });
}

export interface FraudSignalRow {
  teamId: string;
  orderId: string;
  indicator: string;
  points: number;
  score: number;
  scoredAt: Date;
}

/** Many orders' fired indicators in one statement (one row per team, order and indicator); a later sighting wins. */
export async function upsertFraudSignalsBatch(db: Database, rows: FraudSignalRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(fraudSignals)
    .values(rows)
    .onConflictDoUpdate({
      target: [fraudSignals.teamId, fraudSignals.orderId, fraudSignals.indicator],
      set: { points: sql`excluded.points`, score: sql`excluded.score`, scoredAt: sql`excluded.scored_at` },
      setWhere: sql`${fraudSignals.scoredAt} <= excluded.scored_at`,
    });
}
