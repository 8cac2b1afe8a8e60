/**
 * Dates in the fixture pages, written as tokens so the same page can show the instants it was saved with
 * (tests pin those) or be moved to "now" (the live demo, where clocks must be ok, close to a breach or
 * overdue rather than all a year late).
 *
 * A page declares, in one meta tag, the instant its text was current ("seen"), the zone its portal shows
 * times in, the zone's standard/summer abbreviations as the portal writes them, and the locale:
 *
 *   <meta name="caseside-fixture-clock" content="seen=2025-11-02T18:20:00Z zone=Europe/London names=GMT/BST locale=en">
 *
 * and each date or time in its text is a token holding the saved instant and a pattern:
 *
 *   {{date 2025-11-02T15:20:00Z|EEE, d MMM yyyy, HH:mm zzz}}   ->  Sun, 2 Nov 2025, 15:20 GMT
 *
 * Rendering with a `now` moves every instant by (now - seen), so the page keeps its story (the buyer wrote
 * three hours ago, the ship-by date is tomorrow) at any moment; rendering 'as-saved' gives today's text.
 * The meta tag (with its line) is bookkeeping for the sandbox, not part of the portal's page: rendering
 * drops it, so a page rendered as saved is byte for byte the page as it was written with literal dates.
 * Pattern letters: yyyy, M, MM, MMM, MMMM, d, dd, EEE, H, HH, h, mm, a (AM/PM), aaa (am/pm, as the
 * Shopify admin writes it), zzz; text in single quotes is literal, everything else is copied as is.
 */

export type FixtureNow = Date | 'as-saved';

export interface FixtureClock {
  seen: Date;
  zone: string;
  names: [standard: string, summer: string];
  locale: FixtureLocale;
}

type FixtureLocale = 'en' | 'de' | 'fr' | 'it' | 'es' | 'nl' | 'pl' | 'ja';

const CLOCK_META_RE = /<meta name="caseside-fixture-clock" content="([^"]*)">/;
// The tag's own line when it has one, else just the tag.
const CLOCK_META_LINE_RE = /^[ \t]*<meta name="caseside-fixture-clock" content="[^"]*">[ \t]*\r?\n|<meta name="caseside-fixture-clock" content="[^"]*">/m;
const TOKEN_RE = /\{\{date (\S+?)\|([^}]*)\}\}/g;

interface LocaleNames {
  monthsShort: string[];
  monthsLong: string[];
  weekdaysShort: string[];
}

// The portals' own abbreviations (what the saved pages show), not whatever ICU version Node carries.
const NAMES: Record<FixtureLocale, LocaleNames> = {
  en: {
    monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    monthsLong: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    weekdaysShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  },
  de: {
    monthsShort: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
    monthsLong: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    weekdaysShort: ['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'],
  },
  fr: {
    monthsShort: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    monthsLong: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    weekdaysShort: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
  },
  it: {
    monthsShort: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
    monthsLong: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    weekdaysShort: ['dom', 'lun', 'mar', 'mer', 'gio', 'ven', 'sab'],
  },
  es: {
    monthsShort: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
    monthsLong: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    weekdaysShort: ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'],
  },
  nl: {
    monthsShort: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    monthsLong: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    weekdaysShort: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
  },
  // Polish dates name the month in the genitive ("2 grudnia 2026").
  pl: {
    monthsShort: ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'],
    monthsLong: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
    weekdaysShort: ['niedz.', 'pon.', 'wt.', 'śr.', 'czw.', 'pt.', 'sob.'],
  },
  ja: {
    monthsShort: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    monthsLong: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    weekdaysShort: ['日', '月', '火', '水', '木', '金', '土'],
  },
};

/** The page's clock declaration, or null for pages without dates. */
export function fixtureClock(html: string): FixtureClock | null {
  const match = CLOCK_META_RE.exec(html);
  if (!match) return null;
  const fields = new Map(match[1]!.split(/\s+/).map((pair) => pair.split('=') as [string, string]));
  const seen = new Date(fields.get('seen') ?? '');
  const zone = fields.get('zone');
  const names = (fields.get('names') ?? '').split('/');
  const locale = fields.get('locale') as FixtureLocale | undefined;
  if (Number.isNaN(seen.getTime()) || !zone || names.length !== 2 || !locale || !(locale in NAMES)) {
    throw new Error(`caseside-fixture-clock needs seen=<instant> zone=<IANA> names=<STD>/<DST> locale=<${Object.keys(NAMES).join('|')}>, got "${match[1]}"`);
  }
  return { seen, zone, names: [names[0]!, names[1]!], locale };
}

/** The page with every date token written out, at `now` (moved) or as saved. */
export function renderFixtureDates(html: string, now: FixtureNow): string {
  const clock = fixtureClock(html);
  if (!clock) {
    if (html.includes('{{date ')) throw new Error('a fixture with date tokens needs a caseside-fixture-clock meta tag');
    return html;
  }
  // Whole minutes, so a live page reads like a real one ("15:20", not a time that changes every reload).
  const shiftMs = now === 'as-saved' ? 0 : Math.round((now.getTime() - clock.seen.getTime()) / 60_000) * 60_000;
  return html.replace(CLOCK_META_LINE_RE, '').replace(TOKEN_RE, (_, iso: string, pattern: string) => {
    const instant = Date.parse(iso);
    if (Number.isNaN(instant)) throw new Error(`fixture date token has no instant: ${iso}`);
    return formatFixtureDate(new Date(instant + shiftMs), pattern, clock);
  });
}

/** The date tokens' text in page order: what a test compares with the text the pages showed when saved. */
export function renderedDateTexts(html: string, now: FixtureNow): string[] {
  const clock = fixtureClock(html);
  if (!clock) return [];
  const marked = renderFixtureDates(html.replace(TOKEN_RE, '\u0001$&\u0002'), now);
  return Array.from(marked.matchAll(/\u0001([^\u0002]*)\u0002/g), (m) => m[1]!);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  offsetMinutes: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: Date, zone: string): WallClock {
  let fmt = partsFormatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(zone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(at).map((p) => [p.type, p.value]));
  const [year, month, day, hour, minute, second] = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return {
    year,
    month,
    day,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    hour,
    minute,
    offsetMinutes: Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000),
  };
}

/** Summer time when the offset is above the zone's lower offset of the year (January or July). */
function isSummerTime(at: Date, zone: string, offsetMinutes: number): boolean {
  const year = at.getUTCFullYear();
  const standard = Math.min(wallClock(new Date(Date.UTC(year, 0, 1)), zone).offsetMinutes, wallClock(new Date(Date.UTC(year, 6, 1)), zone).offsetMinutes);
  return offsetMinutes > standard;
}

const PATTERN_RE = /'([^']*)'|yyyy|MMMM|MMM|MM|M|dd|d|EEE|HH|H|h|mm|aaa|a|zzz/g;

export function formatFixtureDate(at: Date, pattern: string, clock: Pick<FixtureClock, 'zone' | 'names' | 'locale'>): string {
  const wall = wallClock(at, clock.zone);
  const names = NAMES[clock.locale];
  const two = (n: number) => String(n).padStart(2, '0');
  return pattern.replace(PATTERN_RE, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'yyyy':
        return String(wall.year);
      case 'MMMM':
        return names.monthsLong[wall.month - 1]!;
      case 'MMM':
        return names.monthsShort[wall.month - 1]!;
      case 'MM':
        return two(wall.month);
      case 'M':
        return String(wall.month);
      case 'dd':
        return two(wall.day);
      case 'd':
        return String(wall.day);
      case 'EEE':
        return names.weekdaysShort[wall.weekday]!;
      case 'HH':
        return two(wall.hour);
      case 'H':
        return String(wall.hour);
      case 'h':
        return String(wall.hour % 12 === 0 ? 12 : wall.hour % 12);
      case 'mm':
        return two(wall.minute);
      case 'a':
        return wall.hour < 12 ? 'AM' : 'PM';
      case 'aaa':
        return wall.hour < 12 ? 'am' : 'pm';
      case 'zzz':
        return isSummerTime(at, clock.zone, wall.offsetMinutes) ? clock.names[1] : clock.names[0];
      default:
        return token;
    }
  });
}
