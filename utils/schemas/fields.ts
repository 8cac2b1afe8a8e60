import { z } from 'zod';

/**
 * The limits every field shares, request and response alike. A request field that is looser than the
 * answer it flows into lets a write succeed whose every later read fails, so both sides build their
 * fields from these (server/hardening/schema-limits.test.ts walks the routes and checks it).
 */
export const LIMITS = {
  /** Order ids on either portal (Amazon 19 characters, Zalando UUIDs or order numbers) with room to spare. */
  orderId: 64,
  /** A portal's own reference for a claim, chargeback, return or thread. */
  externalId: 200,
  /** Labels, names, titles, one-line values read from a page. */
  shortText: 200,
  /** Address lines, subjects, reason texts. */
  mediumText: 500,
  /** Evidence values, notes, message bodies read from a page. */
  longText: 5000,
  /** A page's URL. */
  url: 4096,
  /** Snake_case keys of evidence items; the item's label falls back to the key. */
  evidenceKey: 60,
  /** Entries of lists read from a page (items, address lines, missing hooks). */
  listItems: 200,
  /** One value read from a portal page (a name, a status, a reason): generous, a page is not ours. */
  pageText: 1000,
  /** A buyer's message as the page shows it. */
  pageLongText: 20_000,
} as const;

/** Money bound: the amount columns are 64-bit, and JSON numbers are exact only up to 2^53 - 1. */
export const MAX_AMOUNT_MINOR = Number.MAX_SAFE_INTEGER;
export const AmountMinor = z
  .number()
  .int()
  .min(-MAX_AMOUNT_MINOR, `must be at least -${MAX_AMOUNT_MINOR}`)
  .max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`);

/** Whole numbers stored in 32-bit columns (versions, counts, sizes). */
export const INT32_MAX = 2_147_483_647;

/** Instants outside these years are typing mistakes or hostile input; the database takes them but no read should. */
export const EARLIEST_INSTANT = Date.parse('2000-01-01T00:00:00Z');
export const LATEST_INSTANT = Date.parse('2101-01-01T00:00:00Z');

/** A UTC instant, ISO 8601 with offset (we always emit `Z`), within the years 2000 to 2100. */
export const Instant = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s);
  return t >= EARLIEST_INSTANT && t < LATEST_INSTANT;
}, 'must be a date in the years 2000 to 2100');

export const OrderId = z.string().trim().min(1).max(LIMITS.orderId);

/** Optional plain text read from a portal page: bounded, never trimmed (the page showed it so). */
export const PageText = (max: number = LIMITS.pageText) => z.string().max(max);

/**
 * NUL and lone UTF-16 surrogates: PostgreSQL refuses the first in text and jsonb, and the second cannot
 * be encoded as UTF-8. Both only ever come from pasted binary or a broken page, so a request carrying
 * them is refused with the field's path.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unstorableText(value: string): string | undefined {
  const match = UNSTORABLE.exec(value);
  if (!match) return undefined;
  return match[0] === '\u0000' ? 'must not contain NUL characters' : 'must not contain unpaired UTF-16 surrogates';
}

/**
 * The path of the first string (key or value) in a parsed JSON value that cannot be stored, with why;
 * undefined when everything is storable. Depth-first, so the named field is the first one in the body.
 */
export function findUnstorableText(value: unknown, path: string): { field: string; problem: string } | undefined {
  if (typeof value === 'string') {
    const problem = unstorableText(value);
    return problem ? { field: path, problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const keyProblem = unstorableText(key);
      if (keyProblem) return { field: path, problem: `keys ${keyProblem}` };
      const found = findUnstorableText(inner, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
