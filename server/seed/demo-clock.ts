/**
 * The demo's dates. Saved as they were when the demo data was written (tests pin them); in a live demo
 * (`npm start`) every instant moves by the same amount so the story is current: the seed's pages, notes
 * and decisions end just before the start, and the open disputes line up with the sandbox pages, which
 * move by (start - the instant each page was saved at; see sandbox/fixture-dates.ts).
 */

/** Just after the last thing the demo team did in the saved data (the chargeback's note). */
export const SEED_SAVED_NOW = new Date('2025-11-20T16:00:00Z');

/**
 * The `seen=` instants of the sandbox pages behind the open disputes (tests/fixtures/amazon/com-chargeback.html
 * and fr-claim.html), so the seeded dispute and the page the agent opens tell the same dates.
 */
export const DISPUTE_PAGES_SAVED_AT = {
  chargeback: new Date('2025-11-10T18:00:00Z'),
  claim: new Date('2025-11-03T12:00:00Z'),
} as const;

/** The demo's start, or undefined to keep the saved dates. */
export type DemoNow = Date | undefined;

const ISO_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Moves by whole minutes, as the sandbox does, so a seeded time and a page's time agree to the minute. */
export function shiftFor(now: DemoNow, savedAt: Date): number {
  return now ? Math.round((now.getTime() - savedAt.getTime()) / 60_000) * 60_000 : 0;
}

/** A copy of `value` with every ISO instant string (and Date) moved by `shiftMs`. */
export function shiftInstants<T>(value: T, shiftMs: number): T {
  if (shiftMs === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return ISO_INSTANT_RE.test(v) ? new Date(Date.parse(v) + shiftMs).toISOString() : v;
    if (v instanceof Date) return new Date(v.getTime() + shiftMs);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
