/**
 * What both reports pages (the extension's and the backend's, each mounting ReportsPage) need around it:
 * the first range shown, the query without its unset values, and saving a CSV the page built.
 */

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last seven UTC days, today included. */
export function lastWeek(now = Date.now()): { from: string; to: string } {
  return { from: day(now - 6 * DAY_MS), to: day(now) };
}

/** The query without its unset values (a route's query type allows them; a URL must not carry them). */
export function definedOnly(q: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Saves a CSV the page built from a table (a Blob URL: nothing leaves the browser). */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
