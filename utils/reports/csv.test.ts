import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../tests/helpers/csv';
import { csvField, toCsv } from './csv';

describe('report CSV', () => {
  it('quotes commas, quotes and line breaks, and reads back to the same cells', () => {
    const rows = [
      ['Müller, Anna', 'said "hi"', 'two\nlines', 'plain'],
      ['', ' padded ', 'crlf\r\nhere', '12.5%'],
    ];
    const csv = toCsv(['a', 'b', 'c', 'd'], rows);
    expect(csv.split('\r\n')[1]).toBe('"Müller, Anna","said ""hi""","two\nlines",plain');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([['a', 'b', 'c', 'd'], ...rows]);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+49 30 123')).toBe("'+49 30 123");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
  });

  it('leaves numbers, including negative ones, as numbers', () => {
    expect(csvField('-1.5')).toBe('-1.5');
    expect(csvField('-12%')).toBe('-12%');
    expect(csvField('1107')).toBe('1107');
    expect(csvField('2025-11-03')).toBe('2025-11-03');
  });
});
