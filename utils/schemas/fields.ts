import { z } from 'zod';
import { EARLIEST_INSTANT, LATEST_INSTANT, LIMITS, MAX_AMOUNT_MINOR } from './limits';

export { LIMITS, MAX_AMOUNT_MINOR, INT32_MAX, EARLIEST_INSTANT, LATEST_INSTANT } from './limits';

export const AmountMinor = z
  .number()
  .int()
  .min(-MAX_AMOUNT_MINOR, `must be at least -${MAX_AMOUNT_MINOR}`)
  .max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`);

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
