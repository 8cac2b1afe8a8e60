/** Plain numbers shared by the classic schemas (fields.ts) and their zod/mini twins (mini/): no zod here. */

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
/** Whole numbers stored in 32-bit columns (versions, counts, sizes). */
export const INT32_MAX = 2_147_483_647;

/** Instants outside these years are typing mistakes or hostile input; the database takes them but no read should. */
export const EARLIEST_INSTANT = Date.parse('2000-01-01T00:00:00Z');
export const LATEST_INSTANT = Date.parse('2101-01-01T00:00:00Z');
