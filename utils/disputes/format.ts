const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/**
 * "2026-11-05 14:02 UTC" or "2026-11-05 15:02 Europe/Berlin": ISO-like so banks and Amazon read it the
 * same whatever their language; the zone is always named. An unparseable instant is shown as given.
 */
export function formatInstant(iso: string, timeZone = 'UTC'): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${timeZone}`;
}

/** "2026-11-05": for sentences where the time of day adds nothing. */
export function formatDay(iso: string, timeZone = 'UTC'): string {
  return formatInstant(iso, timeZone).slice(0, 10);
}

/**
 * Plain text with no markup: tags removed, whitespace runs collapsed. Values come from portal pages and
 * buyer messages; a defence must never carry HTML (A-to-z shows it raw, or rejects it).
 */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first `max` characters of a one-line plain text, cut at a word and marked with an ellipsis. */
export function snippet(text: string, max: number): string {
  const one = plainText(text).replace(/\s+/g, ' ');
  if (one.length <= max) return one;
  const cut = one.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
