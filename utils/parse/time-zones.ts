/**
 * Zone abbreviations the portals print, mapped to the IANA zone whose rules give the right offset
 * for the date (DST included). Amazon prints `PST` all year on some pages, so the abbreviation names
 * the region, and the zone's own rules decide between standard and summer time.
 */
interface ZoneFamily {
  /** Default zone when the marketplace hint is not in this family. */
  zone: string;
  /** Zones that share the rules; a hint in this list is kept (CET on amazon.fr stays Europe/Paris). */
  members?: readonly string[];
  /** Fixed offset zones (GMT, UTC): the wall time is read at this offset whatever the hint. */
  fixedUtc?: boolean;
}

const CENTRAL_EUROPE = [
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Rome',
  'Europe/Madrid',
  'Europe/Amsterdam',
  'Europe/Brussels',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Copenhagen',
  'Europe/Oslo',
  'Europe/Prague',
  'Europe/Luxembourg',
] as const;
const centralEurope: ZoneFamily = { zone: 'Europe/Berlin', members: CENTRAL_EUROPE };
const pacific: ZoneFamily = { zone: 'America/Los_Angeles' };
const mountain: ZoneFamily = { zone: 'America/Denver', members: ['America/Denver', 'America/Phoenix', 'America/Edmonton'] };
const central: ZoneFamily = { zone: 'America/Chicago', members: ['America/Chicago', 'America/Mexico_City', 'America/Winnipeg'] };
const eastern: ZoneFamily = { zone: 'America/New_York', members: ['America/New_York', 'America/Toronto'] };
const utc: ZoneFamily = { zone: 'UTC', members: ['Europe/London', 'Europe/Lisbon', 'Europe/Dublin'], fixedUtc: true };
const westernEurope: ZoneFamily = { zone: 'Europe/Lisbon', members: ['Europe/Lisbon'] };
const australiaEast: ZoneFamily = { zone: 'Australia/Sydney', members: ['Australia/Sydney', 'Australia/Melbourne'] };

const ZONE_ABBREVIATIONS: Readonly<Record<string, ZoneFamily>> = {
  PST: pacific,
  PDT: pacific,
  PT: pacific,
  MST: mountain,
  MDT: mountain,
  CST: central,
  CDT: central,
  EST: eastern,
  EDT: eastern,
  ET: eastern,
  GMT: utc,
  UTC: utc,
  Z: utc,
  BST: { zone: 'Europe/London' },
  MET: centralEurope,
  MEZ: centralEurope,
  MESZ: centralEurope,
  CET: centralEurope,
  CEST: centralEurope,
  WET: westernEurope,
  WEST: westernEurope,
  JST: { zone: 'Asia/Tokyo' },
  // IST is India's, Ireland's summer time and Israel's: the marketplace decides (Amazon.ie prints IST all summer).
  IST: { zone: 'Asia/Kolkata', members: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'] },
  AEST: australiaEast,
  AEDT: australiaEast,
};

export const ZONE_ABBREVIATION_PATTERN = new RegExp(
  `(?<![A-Za-z])(${Object.keys(ZONE_ABBREVIATIONS)
    .filter((k) => k.length > 1)
    .join('|')})(?![A-Za-z])`,
);

export interface ResolvedZone {
  /** IANA zone the text meant, as reported to callers. */
  reported: string;
  /** IANA zone whose rules turn the wall time into an instant. */
  rules: string;
}

/** The zone an abbreviation names, preferring the marketplace hint when it is in the same family. */
export function resolveZoneAbbreviation(abbreviation: string, hintZone?: string): ResolvedZone | undefined {
  const family = ZONE_ABBREVIATIONS[abbreviation.toUpperCase()];
  if (!family) return undefined;
  const reported = hintZone && family.members?.includes(hintZone) ? hintZone : family.zone;
  return { reported, rules: family.fixedUtc ? 'UTC' : reported };
}

const knownZones = new Map<string, boolean>();

/**
 * True when Intl knows the zone; a bad hint must not make parsing throw. Remembered per zone: every date
 * a page shows asks about the marketplace's zone, and each Intl.DateTimeFormat costs main-thread time.
 */
export function isKnownTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    ok = true;
  } catch {
    ok = false;
  }
  if (knownZones.size < 200) knownZones.set(zone, ok);
  return ok;
}
