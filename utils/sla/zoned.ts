/**
 * Wall-clock arithmetic in an IANA zone with Intl only (no Date-with-zone objects), so deadlines
 * stay correct across DST changes in whichever zone the team or marketplace works in.
 *
 * A "wall" value is a local date-time encoded as if it were UTC epoch ms: Date.UTC(y, m, d, h, min).
 * Adding days to a wall value and converting back gives the same local time on another day.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

/** True when Intl knows the zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall time of an instant, as wall ms (seconds kept, milliseconds kept). */
export function utcToWall(utcMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(utcMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wholeSeconds = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wholeSeconds + (((utcMs % 1000) + 1000) % 1000);
}

/** Offset of the zone from UTC at an instant, in ms (Berlin in summer: +7_200_000). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  return utcToWall(utcMs, timeZone) - utcMs;
}

/**
 * The instant of a local wall time. A wall time skipped by a spring-forward change (02:30 on the last
 * Sunday of March in Berlin) moves forward by the gap; a repeated one (autumn) takes the earlier
 * instant, the safe side for a deadline.
 */
export function wallToUtc(wallMs: number, timeZone: string): number {
  // The offsets in force a few hours either side cover both sides of any DST change near this time.
  const before = zoneOffsetMs(wallMs - 6 * 3_600_000, timeZone);
  const after = zoneOffsetMs(wallMs + 6 * 3_600_000, timeZone);
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
