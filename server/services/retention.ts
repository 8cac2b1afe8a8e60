import type { Database } from '../db/open';
import { deleteCardPaymentsBefore } from '../repositories/card-payments';
import { forgetCaseBuyers } from '../repositories/cases';
import { redactOrdersBefore } from '../repositories/orders';
import { listRetentionPolicies } from './settings';

const DAY_MS = 86_400_000;

export interface RetentionReport {
  teams: number;
  redactedOrders: number;
  /** Imported card payments (IP, e-mail, address) older than the cutoff, deleted. */
  deletedPayments: number;
}

/**
 * Blanks buyers' names, address/phone keys and page snapshots on orders older than each team's
 * `retentionDays` (by purchase date, or first sight when the page showed none). Teams without the
 * setting keep their data. The cases and disputes of those orders lose their buyer key (it links them to a person).
 * Imported card payments older than the cutoff are deleted. Agents' notes are the team's own records and stay. Safe to run any time; startServer runs it hourly.
 */
export async function applyRetention(db: Database, now = new Date()): Promise<RetentionReport> {
  const policies = await listRetentionPolicies(db);
  let redactedOrders = 0;
  let deletedPayments = 0;
  for (const policy of policies) {
    const cutoff = new Date(now.getTime() - policy.retentionDays * DAY_MS);
    redactedOrders += await db.transaction(async (tx) => {
      const orderIds = await redactOrdersBefore(tx, policy.teamId, cutoff, now);
      await forgetCaseBuyers(tx, policy.teamId, orderIds);
      deletedPayments += await deleteCardPaymentsBefore(tx, policy.teamId, cutoff);
      return orderIds.length;
    });
  }
  return { teams: policies.length, redactedOrders, deletedPayments };
}

/** Runs applyRetention now and then every `intervalMs` (hourly); returns a function that stops it. */
export function scheduleRetention(db: Database, onResult: (result: RetentionReport | Error) => void, intervalMs = 3_600_000): () => void {
  let running: Promise<void> | undefined;
  const run = () => {
    // Never two sweeps at once: a slow sweep simply skips the next tick.
    running ??= applyRetention(db)
      .then(onResult, (err: unknown) => onResult(err instanceof Error ? err : new Error(String(err))))
      .finally(() => (running = undefined));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
