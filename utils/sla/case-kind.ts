import { portalDefinition } from '../portals/catalogue';
import type { PageContext } from '../schemas/page';
import { cardDisputeClock, type PageClock } from './page-clock';

export { cardNetworkForReason, type PageClock } from './page-clock';

/**
 * Which clock the page's case runs on, with the start instant when the page shows it (the backend
 * falls back to when the case was first seen). Null for pages without a deadline. The portal's folder
 * decides for its own pages; a chargeback it has no clock of its own for runs on the card networks' window.
 */
export function caseKindForPage(ctx: PageContext): PageClock | null {
  const own = portalDefinition(ctx.portal)?.sla.clockFor(ctx);
  if (own !== undefined) return own as PageClock | null;
  return ctx.pageKind === 'chargeback' ? cardDisputeClock(ctx) : null;
}
