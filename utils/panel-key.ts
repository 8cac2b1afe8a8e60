import type { PageContext } from './schemas/page';

/**
 * The record a page is about: a claim page is about its claim, a message page about its thread, and any
 * page with an order id about that order. Used as the panel cache key and to match live events.
 */
export function recordRef(ctx: PageContext): string | undefined {
  switch (ctx.pageKind) {
    case 'claim':
      return ctx.claim?.id ?? ctx.orderId;
    case 'chargeback':
      return ctx.chargeback?.id ?? ctx.orderId;
    case 'return':
      return ctx.return?.id ?? ctx.orderId;
    case 'message':
      return ctx.orderId ?? ctx.message?.threadId;
    default:
      return ctx.orderId;
  }
}

export function panelCacheKey(ctx: PageContext): string | undefined {
  const ref = recordRef(ctx);
  return ref ? `${ctx.portal}|${ctx.pageKind}|${ref}` : undefined;
}
