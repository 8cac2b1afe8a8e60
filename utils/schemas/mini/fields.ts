import * as z from 'zod/mini';
import { PORTAL_IDS } from '../../portals/catalogue';
import { EARLIEST_INSTANT, LATEST_INSTANT, LIMITS, MAX_AMOUNT_MINOR } from '../limits';

/**
 * The content side's twins of the shared field schemas (utils/schemas/fields.ts, common.ts), written
 * with zod/mini: zod's functional API, the same checks, but a panel script bundles only the checks it
 * uses instead of every method of every schema class. The twins must accept and reject the same values
 * as the classic schemas: twins.property.test.ts beside this file checks it with fast-check.
 * See https://zod.dev/packages/mini.
 */
export const AmountMinor = z
  .number()
  .check(z.int(), z.minimum(-MAX_AMOUNT_MINOR, `must be at least -${MAX_AMOUNT_MINOR}`), z.maximum(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`));

export const Instant = z.iso.datetime({ offset: true }).check(
  z.refine((s) => {
    const t = Date.parse(s);
    return t >= EARLIEST_INSTANT && t < LATEST_INSTANT;
  }, 'must be a date in the years 2000 to 2100'),
);

export const PageText = (max: number = LIMITS.pageText) => z.string().check(z.maxLength(max));

export const Money = z.strictObject({
  amountMinor: AmountMinor,
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as EUR')),
});

export const PortalId = z.enum(PORTAL_IDS);
export const PageKind = z.enum(['order', 'order-list', 'message', 'claim', 'chargeback', 'return', 'refund', 'unknown']);
export const Language = z.enum(['en', 'de', 'fr', 'es', 'it']);
export const DecisionKind = z.enum(['hold', 'release', 'fraud']);
