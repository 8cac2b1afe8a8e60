/**
 * CSV for report tables (RFC 4180): every field quoted when it needs to be, CRLF between rows. A field
 * starting with = + - @ (or a tab / carriage return) is what spreadsheets run as a formula, so it gets
 * a leading apostrophe (OWASP "CSV injection"): agent names and template titles are typed by people.
 * The page's table and its CSV come from the same strings, so the export matches what is shown except
 * for that defusing prefix, which only ever applies to such text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
/** Plain numbers like -1.5 or -12% are data, not formulas, and stay as they are. */
const NUMBER = /^-?\d+(\.\d+)?%?$/;

export function defuseCell(value: string): string {
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const safe = defuseCell(value);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
