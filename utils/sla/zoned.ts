import { tzOffset } from '@date-fns/tz';

/**
 * Wall-clock arithmetic in an IANA zone, so deadlines stay correct across DST changes in whichever zone
 * the team or marketplace works in; the zone's offset at an instant comes from @date-fns/tz. Portal dates
 * (utils/parse/dates.ts) are converted with the same wallToUtc.
 *
 * A "wall" value is a local date-time encoded as if it were UTC epoch ms: Date.UTC(y, m, d, h, min).
 * Adding days to a wall value and converting back gives the same local time on another day.
 */

/** True when Intl knows the zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone from UTC at an instant, in ms (Berlin in summer: +7_200_000); NaN for an unknown zone. */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  return tzOffset(timeZone, new Date(utcMs)) * 60_000;
}

/** The local wall time of an instant, as wall ms. */
export function utcToWall(utcMs: number, timeZone: string): number {
  return utcMs + zoneOffsetMs(utcMs, timeZone);
}

/**
 * The instant of a local wall time. A wall time skipped by a spring-forward change (02:30 on the last
 * Sunday of March in Berlin) moves forward by the gap; a repeated one (autumn) takes the earlier
 * instant, the safe side for a deadline (TZDate picks the later one in some zones: Berlin, not New York).
 */
export function wallToUtc(wallMs: number, timeZone: string): number {
  // The offsets in force 14 hours either side (the largest offset from UTC) cover both sides of any DST
  // change near this time; six hours missed the change in zones far west of UTC (03:30 in Los Angeles
  // on its spring-forward day came out an hour late).
  const before = zoneOffsetMs(wallMs - 14 * 3_600_000, timeZone);
  const after = zoneOffsetMs(wallMs + 14 * 3_600_000, timeZone);
  let best: number | undefined;
  for (const offset of [before, after]) {
    const candidate = wallMs - offset;
    if (zoneOffsetMs(candidate, timeZone) === offset && (best === undefined || candidate < best)) best = candidate;
  }
  // In a gap neither offset fits: the offset before the change lands just after it.
  return best ?? wallMs - before;
}

export const DAY_MS = 86_400_000;

/** Midnight (wall ms) of the wall value's local day. */
export function wallDayStart(wallMs: number): number {
  return Math.floor(wallMs / DAY_MS) * DAY_MS;
}

/** "YYYY-MM-DD" of a wall value. */
export function wallDateKey(wallMs: number): string {
  return new Date(wallDayStart(wallMs)).toISOString().slice(0, 10);
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export function wallWeekday(wallMs: number): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(wallDayStart(wallMs)).getUTCDay()]!;
}

/** "09:30" -> minutes after midnight. */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}
