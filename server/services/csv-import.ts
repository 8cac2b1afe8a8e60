import { CsvError, parseCsv, type CsvRecord } from '../../utils/disputes/csv';
import type { RowProblem } from '../../utils/disputes/dispute-import';
import { HttpError } from '../errors';

/**
 * What every CSV import (disputes, payments) does the same way: the size limits (413), the file read in
 * slices with the event loop free between them, a bad file answered 400 naming the body, and a real
 * import refused whole, with the problems listed, when any row is bad.
 */

/** Rows read between two pauses: a slice of 2,000 held the event loop for up to ~40 ms (more with a collection). */
export const READ_SLICE = 500;

export const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

function tooLarge(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 413 });
}

/**
 * The file read within the limits, its header told by `detect` (a format's column map, or why none fits),
 * and at least one data row; anything else answers 413 or 400 naming the body.
 */
export async function readCsvFile<Map>(
  csv: string,
  limits: { maxRows: number; maxBytes: number },
  detect: (header: string[]) => { ok: true; map: Map } | { ok: false; message: string },
): Promise<{ map: Map; records: CsvRecord[] }> {
  if (Buffer.byteLength(csv) > limits.maxBytes) throw tooLarge(`The file is larger than ${limits.maxBytes / 1024 / 1024} MB; split it.`);
  let parsed: { header: CsvRecord; records: CsvRecord[] };
  try {
    parsed = await parseCsv(csv, { maxRows: limits.maxRows, pause, sliceRows: READ_SLICE });
  } catch (err) {
    if (err instanceof CsvError && err.code === 'too_many_rows') throw tooLarge(err.message);
    if (err instanceof CsvError) throw badBody(err.message);
    throw err;
  }
  const header = detect(parsed.header.cells);
  if (!header.ok) throw badBody(header.message);
  if (parsed.records.length === 0) throw badBody('the file has a header but no data rows.');
  return { map: header.map, records: parsed.records };
}

function badBody(message: string): HttpError {
  return new HttpError('validation_failed', `body: ${message}`, 'body');
}

/** A real import of a file with any bad row imports nothing: 400 with the first problem and the list. */
export function refuseProblems(problems: RowProblem[], listed: RowProblem[]): HttpError {
  const first = problems[0]!;
  return new HttpError(
    'validation_failed',
    `body: ${problems.length} problem(s), nothing was imported; the first: row ${first.row}, column "${first.column}": ${first.message}.`,
    'body',
    { problems: listed },
  );
}
