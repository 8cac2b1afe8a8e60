import { z } from 'zod';
import { AmountMinor, Instant } from './fields';

/** Money is integer minor units plus an ISO 4217 currency (STYLE.md rule 7). */
export const Money = z.strictObject({
  amountMinor: AmountMinor,
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as EUR'),
});
export type Money = z.infer<typeof Money>;

export { Instant };
export type Instant = z.infer<typeof Instant>;

export const PortalId = z.enum(['amazon', 'zalando']);
export type PortalId = z.infer<typeof PortalId>;

/** The page kinds the panel knows; `unknown` is a portal page that is not a work page. */
export const PageKind = z.enum(['order', 'order-list', 'message', 'claim', 'chargeback', 'return', 'refund', 'unknown']);
export type PageKind = z.infer<typeof PageKind>;

/** Short marketplace codes (US, DE, ...) plus ZALANDO-<country> style codes for zDirect. */
export const MarketplaceCode = z.string().regex(/^[A-Z]{2}(-[A-Z]{2})?$|^ZALANDO(-[A-Z]{2})?$/);

export const Language = z.enum(['en', 'de', 'fr', 'es', 'it']);
export type Language = z.infer<typeof Language>;

export const Role = z.enum(['agent', 'lead']);
export type Role = z.infer<typeof Role>;

export const Uuid = z.uuid();
