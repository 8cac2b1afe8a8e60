import { wallToUtc } from '../sla/zoned';
import { monthFromWord } from './month-names';
import { isKnownTimeZone, resolveZoneAbbreviation, ZONE_ABBREVIATION_PATTERN } from './time-zones';

/**
 * Localized portal date text into a UTC instant plus the IANA zone the text meant (STYLE.md rule 7).
 * The wall time is read in that zone with its own DST rules; a date without a time is the start of
 * that day. Anything not understood gives undefined, never a throw.
 */
export interface DateHint {
  /** The marketplace zone: used when the text names no zone. */
  timeZone?: string;
  /** BCP 47 locale: decides month/day order of slashed dates (en-US is M/D/Y). */
  locale?: string;
  /**
   * A date shown without a time: 'start' (the default) is the first minute of that day, 'end' its last
   * minute, for deadlines ("Ship by: Nov 4" means by the end of Nov 4 in the marketplace's zone).
   */
  dateOnly?: 'start' | 'end';
}

export interface PortalDate {
  instant: string;
  timeZone?: string;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const ISO_WITH_OFFSET = /^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})\s*$/i;
const ISO_LOCAL = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\s*$/;
const TIME = /(?<!\d)(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?:\s*([ap])\.?\s?m\.?(?![a-z]))?/i;
const JAPANESE_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const NUMERIC_DATE = /(?<!\d)(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})(?!\d)/;
const UTC_OFFSET = /(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?/i;

export function parsePortalDate(text: string, hint?: DateHint): PortalDate | undefined {
  try {
    if (typeof text !== 'string' || text.length > 200) return undefined;
    return parse(text.replace(/[\u00a0\u202f\u2009]/g, ' ').trim(), hint);
  } catch {
    return undefined;
  }
}

function parse(text: string, hint: DateHint | undefined): PortalDate | undefined {
  const hintZone = hint?.timeZone && isKnownTimeZone(hint.timeZone) ? hint.timeZone : undefined;
  if (ISO_WITH_OFFSET.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : { instant: new Date(ms).toISOString(), timeZone: hintZone };
  }

  let rest = text;
  let offsetMinutes: number | undefined;
  const offsetMatch = UTC_OFFSET.exec(rest);
  if (offsetMatch) {
    const [whole, sign, hours, minutes] = offsetMatch;
    offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
    rest = rest.replace(whole, ' ');
  }
  const zoneMatch = offsetMatch ? null : ZONE_ABBREVIATION_PATTERN.exec(rest);
  const zone = zoneMatch ? resolveZoneAbbreviation(zoneMatch[1]!, hintZone) : undefined;
  if (zoneMatch) rest = rest.replace(zoneMatch[0], ' ');

  const read = readWallTime(rest, hint?.locale);
  if (!read || !isValidWallTime(read)) return undefined;
  const wall = !read.timed && hint?.dateOnly === 'end' ? { ...read, hour: 23, minute: 59, second: 0 } : read;

  if (offsetMinutes !== undefined) {
    const ms = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - offsetMinutes * 60_000;
    return { instant: new Date(ms).toISOString(), timeZone: hintZone };
  }
  const rulesZone = zone?.rules ?? hintZone ?? 'UTC';
  const ms = wallToUtc(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second), rulesZone);
  if (Number.isNaN(ms)) return undefined;
  return { instant: new Date(ms).toISOString(), timeZone: zone?.reported ?? hintZone };
}

function readWallTime(text: string, locale: string | undefined): (WallTime & { timed: boolean }) | undefined {
  const iso = ISO_LOCAL.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s] = iso;
    return {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h ?? 0),
      minute: Number(mi ?? 0),
      second: Number(s ?? 0),
      timed: h !== undefined,
    };
  }
  let rest = text;
  let hour = 0;
  let minute = 0;
  let second = 0;
  const time = TIME.exec(rest);
  if (time) {
    const [whole, h, mi, s, meridiem] = time;
    hour = Number(h);
    minute = Number(mi);
    second = Number(s ?? 0);
    if (meridiem) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
    }
    rest = rest.replace(whole, ' ');
  }
  const date = readDate(rest, locale);
  return date && { ...date, hour, minute, second, timed: time !== null };
}

function readDate(text: string, locale: string | undefined): Pick<WallTime, 'year' | 'month' | 'day'> | undefined {
  const japanese = JAPANESE_DATE.exec(text);
  if (japanese) return { year: Number(japanese[1]), month: Number(japanese[2]), day: Number(japanese[3]) };

  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const [, a, separator, b, c] = numeric;
    if (a!.length === 4) return { year: Number(a), month: Number(b), day: Number(c) };
    const year = c!.length === 2 ? 2000 + Number(c) : Number(c);
    // Only US English writes month first; dotted dates are always day first.
    const monthFirst = separator === '/' && /^en-US$/i.test(locale ?? '');
    return monthFirst ? { year, month: Number(a), day: Number(b) } : { year, month: Number(b), day: Number(a) };
  }

  // Words and numbers; the month is the last month word, since a leading weekday can look like one
  // (Italian and Spanish `mar` is Tuesday as well as March).
  const tokens = text.split(/[\s,()]+/).filter(Boolean);
  let monthIndex = -1;
  let month: number | undefined;
  tokens.forEach((token, index) => {
    const found = /^\d/.test(token) ? undefined : monthFromWord(token);
    if (found) {
      monthIndex = index;
      month = found;
    }
  });
  if (month === undefined) return undefined;
  const numberAt = (index: number) => {
    const m = /^(\d{1,4})\.?(?:er|st|nd|rd|th|º)?$/i.exec(tokens[index] ?? '');
    return m ? Number(m[1]) : undefined;
  };
  const yearToken = tokens.findIndex((t, i) => i !== monthIndex && /^\d{4}\.?$/.test(t));
  if (yearToken < 0) return undefined;
  const year = Number(tokens[yearToken]!.replace('.', ''));
  // Day before the month (2 Nov, 2. Nov, 2 de noviembre) or right after it (Dec 4).
  const candidates = [monthIndex - 1, monthIndex - 2, monthIndex + 1].filter((i) => i !== yearToken);
  for (const index of candidates) {
    if (index === monthIndex - 2 && !/^de$/i.test(tokens[monthIndex - 1] ?? '')) continue;
    const day = numberAt(index);
    if (day !== undefined && day >= 1 && day <= 31) return { year, month, day };
  }
  return undefined;
}

function isValidWallTime(w: WallTime): boolean {
  if (w.year < 1970 || w.year > 2200 || w.month < 1 || w.month > 12 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return w.day >= 1 && w.day <= daysInMonth;
}
