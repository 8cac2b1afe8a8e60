import { z } from 'zod';
import { ImportProblem } from './processors';
import { defineRoutes } from './types';

/**
 * The team's own card payments, imported from the processor's payments export, for Visa Compelling
 * Evidence 3.0 (earlier undisputed payments on the same card). Leads only: the file holds buyers' data.
 */

export const PaymentImportQuery = z.strictObject({
  /** true (the default) only reports what the import would do. */
  dryRun: z.enum(['true', 'false']).default('true'),
  /** Read the header as this format instead of detecting it. */
  format: z.enum(['stripe', 'payments']).optional(),
});

export const PaymentImportAnswer = z.strictObject({
  format: z.enum(['stripe', 'payments']),
  dryRun: z.boolean(),
  /** Data rows in the file (the header not counted). */
  rows: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  /** Stored already with the same values (a file imported again). */
  unchanged: z.number().int().nonnegative(),
  /** Rows left out on purpose (a failed payment), each with why in `results`. */
  skipped: z.number().int().nonnegative(),
  invalidRows: z.number().int().nonnegative(),
  results: z.array(
    z.strictObject({
      row: z.number().int().positive(),
      paymentId: z.string(),
      action: z.enum(['create', 'update', 'unchanged', 'skip']),
      why: z.string().optional(),
    }),
  ),
  problems: z.array(ImportProblem),
  /** More rows or problems than listed (the counts are complete). */
  truncated: z.boolean(),
});
export type PaymentImportAnswer = z.infer<typeof PaymentImportAnswer>;

export const PAYMENT_ROUTES = defineRoutes({
  'payments.import': {
    method: 'POST',
    path: '/v1/payments/import',
    summary: "Import the team's card payments export (the CSV file as the body), for Visa CE 3.0",
    access: 'lead',
    query: PaymentImportQuery,
    consumes: 'text/csv',
    response: PaymentImportAnswer,
  },
});
