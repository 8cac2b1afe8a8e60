import type { TeamCalendar } from '../schemas/sla';
import { DAY_MS, minutesOfDay, utcToWall, wallDateKey, wallDayStart, wallToUtc, wallWeekday } from './zoned';

/** A team calendar with nothing but weekends and holidays would loop forever: stop after ten years. */
const MAX_DAYS_SEARCHED = 3660;

export class CalendarError extends Error {
  override name = 'CalendarError';
}

type Interval = { startMin: number; endMin: number };

function intervalsOfDay(dayWall: number, calendar: TeamCalendar): Interval[] {
  if (calendar.holidays.includes(wallDateKey(dayWall))) return [];
  const hours = calendar.workingHours[wallWeekday(dayWall)] ?? [];
  return hours
    .map((h) => ({ startMin: minutesOfDay(h.start), endMin: minutesOfDay(h.end) }))
    .filter((h) => h.endMin > h.startMin)
    .sort((a, b) => a.startMin - b.startMin);
}

/** Working intervals of one local day as UTC instants (each end converted on its own: DST-safe). */
function utcIntervalsOfDay(dayWall: number, calendar: TeamCalendar): [number, number][] {
  return intervalsOfDay(dayWall, calendar).map((i) => [
    wallToUtc(dayWall + i.startMin * 60_000, calendar.timeZone),
    wallToUtc(dayWall + i.endMin * 60_000, calendar.timeZone),
  ]);
}

function noWorkingHours(calendar: TeamCalendar): CalendarError {
  return new CalendarError(`the team calendar (${calendar.timeZone}) has no working hours in the next ${MAX_DAYS_SEARCHED} days`);
}

/** The instant after `ms` of working time has passed from `fromUtc`. */
export function advanceWorkingMs(fromUtc: number, ms: number, calendar: TeamCalendar): number {
  let remaining = ms;
  let day = wallDayStart(utcToWall(fromUtc, calendar.timeZone)) - DAY_MS; // the day before: a DST edge may shift it
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++, day += DAY_MS) {
    for (const [start, end] of utcIntervalsOfDay(day, calendar)) {
      const begin = Math.max(start, fromUtc);
      if (begin >= end) continue;
      if (begin + remaining <= end) return begin + remaining;
      remaining -= end - begin;
    }
  }
  throw noWorkingHours(calendar);
}

/** Working time between two instants (0 when `to` is not after `from`). */
export function workingMsBetween(fromUtc: number, toUtc: number, calendar: TeamCalendar): number {
  if (toUtc <= fromUtc) return 0;
  let total = 0;
  const lastDay = wallDayStart(utcToWall(toUtc, calendar.timeZone));
  for (let day = wallDayStart(utcToWall(fromUtc, calendar.timeZone)); day <= lastDay; day += DAY_MS) {
    for (const [start, end] of utcIntervalsOfDay(day, calendar)) {
      const overlap = Math.min(end, toUtc) - Math.max(start, fromUtc);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/**
 * `days` working days after `fromUtc`, at the same local time of day: a refund due "in 2 business
 * days" from Friday 15:00 is due Tuesday 15:00. A start outside working hours counts from the next
 * opening; a time of day outside the target day's hours is moved inside them.
 */
export function addBusinessDays(fromUtc: number, days: number, calendar: TeamCalendar): number {
  const wall = utcToWall(fromUtc, calendar.timeZone);
  let day = wallDayStart(wall);
  let minute = (wall - day) / 60_000;
  let searched = 0;
  // Find the working day the count starts from.
  for (;;) {
    const intervals = intervalsOfDay(day, calendar);
    const first = intervals[0];
    const last = intervals[intervals.length - 1];
    if (first && last && minute < last.endMin) {
      minute = Math.max(minute, first.startMin);
      break;
    }
    day += DAY_MS;
    minute = 0;
    if (++searched > MAX_DAYS_SEARCHED) throw noWorkingHours(calendar);
  }
  for (let counted = 0; counted < days;) {
    day += DAY_MS;
    if (++searched > MAX_DAYS_SEARCHED) throw noWorkingHours(calendar);
    if (intervalsOfDay(day, calendar).length > 0) counted++;
  }
  const intervals = intervalsOfDay(day, calendar);
  const clamped = Math.min(Math.max(minute, intervals[0]!.startMin), intervals[intervals.length - 1]!.endMin);
  return wallToUtc(day + clamped * 60_000, calendar.timeZone);
}
