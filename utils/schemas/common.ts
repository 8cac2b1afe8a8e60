import { z } from 'zod';
import { MARKETPLACE_CODE_RE, PORTAL_IDS } from '../portals/catalogue';
import { AmountMinor, Instant } from './fields';

/** Money is integer minor units plus an ISO 4217 currency (STYLE.md rule 7). */
export const Money = z.strictObject({
  amountMinor: AmountMinor,
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as EUR'),
});
export type Money = z.infer<typeof Money>;

export { Instant };
export type Instant = z.infer<typeof Instant>;

/** The portals of the registry (utils/portals/registry.ts). */
export const PortalId = z.enum(PORTAL_IDS);
export type PortalId = z.infer<typeof PortalId>;

/** Where a case or dispute lives: a registered portal, or the team's own shop (card disputes, notes). */
export const CasePortal = z.enum([...PORTAL_IDS, 'shop']);
export type CasePortal = z.infer<typeof CasePortal>;

/** The page kinds the panel knows; `unknown` is a portal page that is not a work page. */
export const PageKind = z.enum(['order', 'order-list', 'message', 'claim', 'chargeback', 'return', 'refund', 'unknown']);
export type PageKind = z.infer<typeof PageKind>;

/** Short marketplace codes (US, DE, ...) plus the portals' own forms (utils/portals/<portal>/portal.ts). */
export const MarketplaceCode = z.string().regex(MARKETPLACE_CODE_RE);

export const Language = z.enum(['en', 'de', 'fr', 'es', 'it']);
export type Language = z.infer<typeof Language>;

/** `receiver`: a member of an internal team (warehouse, finance ...) who sees only the hand-offs to its teams. */
export const Role = z.enum(['agent', 'lead', 'receiver']);
export type Role = z.infer<typeof Role>;

export const Uuid = z.uuid();
