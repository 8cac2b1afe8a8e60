import { detectFormat, readImportRows, type ImportFormat, type ImportRow, type RowProblem } from '../../utils/disputes/dispute-import';
import { mergeVerdict, verdictApplies, type StageState } from '../../utils/disputes/stage';
import type { DisputeImportAnswer } from '../../utils/api-routes/processors';
import type { ProcessorSource } from '../../utils/schemas/disputes';
import type { Database } from '../db/open';
import { HttpError } from '../errors';
import { pause, READ_SLICE, readCsvFile, refuseProblems } from './csv-import';
import { findProcessorDisputes } from '../repositories/processor-disputes';
import type { Caller } from '../repositories/tokens';
import { teamPolicies } from './insights';
import { applyEventBatch, IMPORT_BATCH } from './dispute-import-apply';
import { loadTeamSettings } from './settings';

/**
 * The dispute CSV import: the file is read in slices (the event loop stays free), every row checked,
 * then either planned (dry run: what would be created, updated or skipped, by looking up the stored
 * disputes in batches) or applied in batches of IMPORT_BATCH rows, one transaction each, with the
 * same rules as the webhooks (services/dispute-import-apply.ts), so importing a file twice, or a file
 * overlapping the webhooks, changes nothing the second time.
 */

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
/** Rows and problems listed in an answer; the counts always cover the whole file. */
const LISTED = 1000;
const LOOKUP_BATCH = 500;

type Action = 'create' | 'update' | 'skip';

/** What each row would do, against the stored disputes and the rows before it in the file. */
async function plan(db: Database, teamId: string, rows: ImportRow[]): Promise<Action[]> {
  const states = new Map<string, StageState | undefined>();
  const keyOf = (source: string, id: string) => `${source}\u0000${id}`;
  const bySource = new Map<ProcessorSource, Set<string>>();
  for (const { event } of rows) {
    const ids = bySource.get(event.source) ?? new Set<string>();
    ids.add(event.externalId);
    bySource.set(event.source, ids);
  }
  for (const [source, ids] of bySource) {
    const list = [...ids];
    for (let i = 0; i < list.length; i += LOOKUP_BATCH) {
      for (const row of await findProcessorDisputes(db, teamId, source, list.slice(i, i + LOOKUP_BATCH))) {
        if (row.stage) states.set(keyOf(source, row.externalId), { stage: row.stage, status: row.status, at: row.stateAt ?? row.updatedAt });
      }
    }
  }
  const actions: Action[] = [];
  for (const [i, { event }] of rows.entries()) {
    if (i > 0 && i % 2000 === 0) await pause();
    const key = keyOf(event.source, event.externalId);
    const current = states.get(key);
    const verdict = mergeVerdict(current, { stage: event.stage, status: event.status, at: event.eventAt, reversal: event.reversal });
    actions.push(verdict === 'create' ? 'create' : verdictApplies(verdict) ? 'update' : 'skip');
    if (verdictApplies(verdict))
      states.set(key, { stage: event.stage, status: event.status, at: current && current.at > event.eventAt ? current.at : event.eventAt });
  }
  return actions;
}

/**
 * A batch failed: the ones before it stay applied (their event ids claimed), so the same file imported
 * again skips them and applies the rest. The answer says how far the import got.
 */
function interrupted(rows: ImportRow[], done: number, cause: unknown): HttpError {
  const applied = done === 0 ? 'No row was imported' : `Rows ${rows[0]!.row}-${rows[done - 1]!.row} (${done} of ${rows.length}) were imported`;
  return Object.assign(
    new HttpError(
      'unavailable',
      `${applied}; the import stopped at row ${rows[done]!.row}. Import the same file again to finish: rows already imported are skipped.`,
      undefined,
      { importedRows: done, stoppedAtRow: rows[done]!.row },
    ),
    { cause },
  );
}

export async function importDisputes(
  db: Database,
  caller: Caller,
  csv: string,
  opts: { dryRun: boolean; format?: ImportFormat },
  now = new Date(),
): Promise<DisputeImportAnswer> {
  const teamId = caller.team.id;
  const { map, records } = await readCsvFile(csv, { maxRows: MAX_IMPORT_ROWS, maxBytes: MAX_IMPORT_BYTES }, (cells) => detectFormat(cells, opts.format));
  const { rows, problems } = await readImportRows(map, records, now, pause, READ_SLICE);
  const listedProblems: RowProblem[] = problems.slice(0, LISTED);
  if (!opts.dryRun && problems.length > 0) throw refuseProblems(problems, listedProblems);
  let actions: Action[];
  if (opts.dryRun) actions = await plan(db, teamId, rows);
  else {
    const policies = teamPolicies(await loadTeamSettings(db, teamId));
    actions = [];
    for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
      const batch = rows.slice(i, i + IMPORT_BATCH);
      let outcomes;
      try {
        outcomes = await applyEventBatch(
          db,
          teamId,
          batch.map((r) => r.event),
          'csv_import',
          now,
          policies,
        );
      } catch (err) {
        throw interrupted(rows, i, err);
      }
      for (const outcome of outcomes) actions.push(outcome === 'created' ? 'create' : outcome === 'updated' || outcome === 'noted' ? 'update' : 'skip');
      // Other requests run between two batches.
      await pause();
    }
  }
  const count = (a: Action) => actions.filter((x) => x === a).length;
  return {
    format: map.format,
    dryRun: opts.dryRun,
    rows: records.length,
    created: count('create'),
    updated: count('update'),
    skipped: count('skip'),
    invalidRows: new Set(problems.map((p) => p.row)).size,
    results: rows
      .slice(0, LISTED)
      .map(({ row, event }, i) => ({ row, source: event.source, externalId: event.externalId, stage: event.stage, status: event.status, action: actions[i]! })),
    problems: listedProblems,
    truncated: rows.length > LISTED || problems.length > LISTED,
  };
}
