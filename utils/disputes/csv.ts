/**
 * A CSV reader for processors' dispute exports (RFC 4180: quoted fields, doubled quotes, line breaks
 * inside quotes; comma, semicolon or tab separated, as the first line shows). It reads in slices and
 * awaits `pause` between them, so a 50,000-row file never holds the event loop (or a page) for long,
 * and stops at `maxRows`. Pure apart from the pause it is given.
 */

export class CsvError extends Error {
  constructor(
    readonly code: 'too_many_rows' | 'unterminated_quote' | 'empty',
    message: string,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

export interface CsvRecord {
  /** The record's number as a spreadsheet shows it: the header is row 1. */
  row: number;
  cells: string[];
}

export interface CsvOptions {
  maxRows: number;
  /** Records between two pauses. */
  sliceRows?: number;
  pause?: () => Promise<void>;
}

/** The separator the header line uses most, outside quotes. */
export function detectSeparator(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** Reads every record; blank lines are skipped (they are not rows a person meant). */
export async function parseCsv(input: string, options: CsvOptions): Promise<{ header: CsvRecord; records: CsvRecord[] }> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = detectSeparator(text);
  const slice = options.sliceRows ?? 2000;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let row = 0;
  let sinceBreak = 0;
  let i = 0;
  const n = text.length;
  const endRecord = async () => {
    cells.push(field);
    field = '';
    const blank = cells.length === 1 && cells[0]!.trim() === '';
    if (!blank) {
      row++;
      // The header plus maxRows data rows; one more means the file is over the limit.
      if (row > options.maxRows + 1)
        throw new CsvError('too_many_rows', `The file has more than ${options.maxRows} rows; split it into files of at most ${options.maxRows} rows.`);
      records.push({ row, cells });
    }
    cells = [];
    if (++sinceBreak >= slice) {
      sinceBreak = 0;
      if (options.pause) await options.pause();
    }
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy the quoted run up to the next quote in one step.
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === sep) {
      cells.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      await endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Copy the plain run up to the next separator, quote or line break in one step.
      let j = i + 1;
      while (j < n) {
        const d = text[j]!;
        if (d === sep || d === '\n' || d === '\r' || d === '"') break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (quoted) throw new CsvError('unterminated_quote', `Row ${row + 1}: a quoted field is never closed (a " is missing).`);
  if (field !== '' || cells.length > 0) await endRecord();
  const [header, ...rest] = records;
  if (!header) throw new CsvError('empty', 'The file is empty: it needs a header row and at least one data row.');
  return { header, records: rest };
}
