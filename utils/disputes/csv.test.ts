import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, detectSeparator, parseCsv } from './csv';

/** Writes cells as a spreadsheet would: quoted when they hold the separator, a quote or a line break. */
function toCsv(rows: string[][], sep = ','): string {
  const cell = (c: string) => (/["\n\r,;\t]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(cell).join(sep)).join('\r\n');
}

describe('CSV reader', () => {
  it('reads quotes, doubled quotes, line breaks in quotes, a BOM and semicolons', async () => {
    const text = '\uFEFFid;amount;note\n"dp_1";"1.234,56";"said ""hi""\nthen left"\n\ndp_2;5;plain\n';
    const { header, records } = await parseCsv(text, { maxRows: 10 });
    expect(header).toEqual({ row: 1, cells: ['id', 'amount', 'note'] });
    expect(records).toEqual([
      { row: 2, cells: ['dp_1', '1.234,56', 'said "hi"\nthen left'] },
      { row: 3, cells: ['dp_2', '5', 'plain'] },
    ]);
    expect(detectSeparator('a\tb\tc\n1,2')).toBe('\t');
  });

  it('refuses an unterminated quote, an empty file and one row too many', async () => {
    await expect(parseCsv('id\n"dp_1', { maxRows: 10 })).rejects.toMatchObject({ code: 'unterminated_quote' });
    await expect(parseCsv('\n\n', { maxRows: 10 })).rejects.toMatchObject({ code: 'empty' });
    await expect(parseCsv('id\n1\n2\n3', { maxRows: 2 })).rejects.toBeInstanceOf(CsvError);
    await expect(parseCsv('id\n1\n2', { maxRows: 2 })).resolves.toMatchObject({ records: [{ row: 2 }, { row: 3 }] });
  });

  it('gives back exactly the cells it was given, whatever they hold (property)', async () => {
    const cellArb = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', ';', 'é', '1'), maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), { minLength: 2, maxLength: 12 })),
        async (rows) => {
          // A record whose only cell is empty or spaces is a blank line, which the reader skips by design.
          const kept = rows.map((r) => (r.length === 1 && r[0]!.trim() === '' ? ['x'] : r));
          const header = kept[0]!.map((_, i) => `h${i}`);
          const { records } = await parseCsv(toCsv([header, ...kept]), { maxRows: 100, sliceRows: 3, pause: async () => {} });
          expect(records.map((r) => r.cells)).toEqual(kept);
          expect(records.map((r) => r.row)).toEqual(kept.map((_, i) => i + 2));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pauses between slices, so a big file leaves the event loop free', async () => {
    const text = ['id', ...Array.from({ length: 10_000 }, (_, i) => `dp_${i}`)].join('\n');
    let pauses = 0;
    await parseCsv(text, { maxRows: 50_000, sliceRows: 1000, pause: async () => void pauses++ });
    expect(pauses).toBe(10);
  });
});
