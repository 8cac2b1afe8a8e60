import { detectPaymentFormat, readPaymentRows, type PaymentFormat, type PaymentRow } from '../../utils/disputes/payment-import';
import type { RowProblem } from '../../utils/disputes/dispute-import';
import type { PaymentImportAnswer } from '../../utils/api-routes/payments';
import type { Database } from '../db/open';
import { findCardPayments, sameAsStored, upsertCardPayments } from '../repositories/card-payments';
import type { Caller } from '../repositories/tokens';
import { pause, READ_SLICE, readCsvFile, refuseProblems } from './csv-import';

/**
 * The payments import: the file read in slices (the event loop stays free), every row checked, then
 * planned (dry run: create, update or unchanged against what is stored) or applied in batches of one
 * statement each, every batch in its own transaction, so a failure half-way leaves whole batches and
 * importing the file again finishes the rest. Re-importing a file changes nothing.
 */

/** A year of a busy shop's card payments in a few files. */
export const MAX_PAYMENT_ROWS = 100_000;
export const MAX_PAYMENT_BYTES = 32 * 1024 * 1024;
const LISTED = 1000;
const BATCH = 1000;

type Action = 'create' | 'update' | 'unchanged';

async function plan(db: Database, teamId: string, rows: PaymentRow[]): Promise<Action[]> {
  const actions: Action[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const slice = rows.slice(i, i + BATCH);
    const stored = new Map(
      (
        await findCardPayments(
          db,
          teamId,
          slice.map((r) => r.payment.paymentId),
        )
      ).map((s) => [s.paymentId, s]),
    );
    for (const { payment } of slice) {
      const s = stored.get(payment.paymentId);
      actions.push(!s ? 'create' : sameAsStored(s, payment) ? 'unchanged' : 'update');
    }
  }
  return actions;
}

async function apply(db: Database, teamId: string, rows: PaymentRow[], now: Date): Promise<Action[]> {
  const actions: Action[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const slice = rows.slice(i, i + BATCH);
    // Planned and written in one transaction, so the answer's actions are what this import did.
    await db.transaction(async (tx) => {
      actions.push(...(await plan(tx, teamId, slice)));
      await upsertCardPayments(
        tx,
        teamId,
        slice.map((r) => r.payment),
        now,
      );
    });
    await pause();
  }
  return actions;
}

export async function importPayments(
  db: Database,
  caller: Caller,
  csv: string,
  opts: { dryRun: boolean; format?: PaymentFormat },
  now = new Date(),
): Promise<PaymentImportAnswer> {
  const teamId = caller.team.id;
  const { map, records } = await readCsvFile(csv, { maxRows: MAX_PAYMENT_ROWS, maxBytes: MAX_PAYMENT_BYTES }, (cells) =>
    detectPaymentFormat(cells, opts.format),
  );
  const { rows, skips, problems } = await readPaymentRows(map, records, now, pause, READ_SLICE);
  const listedProblems: RowProblem[] = problems.slice(0, LISTED);
  if (!opts.dryRun && problems.length > 0) throw refuseProblems(problems, listedProblems);
  const actions = opts.dryRun ? await plan(db, teamId, rows) : await apply(db, teamId, rows, now);
  const count = (a: Action) => actions.filter((x) => x === a).length;
  const results: PaymentImportAnswer['results'] = [
    ...rows.map(({ row, payment }, i) => ({ row, paymentId: payment.paymentId, action: actions[i]! })),
    ...skips.map(({ row, paymentId, why }) => ({ row, paymentId, action: 'skip' as const, why })),
  ].sort((a, b) => a.row - b.row);
  return {
    format: map.format,
    dryRun: opts.dryRun,
    rows: records.length,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    skipped: skips.length,
    invalidRows: new Set(problems.map((p) => p.row)).size,
    results: results.slice(0, LISTED),
    problems: listedProblems,
    truncated: results.length > LISTED || problems.length > LISTED,
  };
}
