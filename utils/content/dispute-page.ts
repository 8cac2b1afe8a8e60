import { portalDefinition } from '@/utils/portals/catalogue';
import type { PageContext } from '@/utils/schemas/page';

/** Chargeback pages and the claim pages a portal counts as disputes (its folder says) have a dispute. */
export function isDisputePage(ctx: PageContext): boolean {
  return ctx.pageKind === 'chargeback' || (ctx.pageKind === 'claim' && portalDefinition(ctx.portal)?.disputes.kindForPage(ctx) !== undefined);
}
