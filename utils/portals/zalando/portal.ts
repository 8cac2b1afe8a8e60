import type { SlaPolicy } from '../../schemas/sla';
import { withStart, type PageClock } from '../../sla/page-clock';
import type { PortalDefinition } from '../definition';
import { ZALANDO_HOSTS } from './hosts';

export type ZalandoClock = 'zalando_customer_care' | 'zalando_order_export';

const PREFIX_RE = /^ZALANDO(?:[-_]|$)/i;

/** zDirect's published deadlines (docs/portals.md). */
const POLICIES: Record<ZalandoClock, SlaPolicy> = {
  zalando_customer_care: {
    label: 'Customer Care reply',
    warningFraction: 0.25,
    notifyLeadMinutes: 120,
    clock: 'calendar',
    duration: { amount: 24, unit: 'hours' },
  },
  zalando_order_export: { label: 'Order export', warningFraction: 0.25, notifyLeadMinutes: 30, clock: 'calendar', duration: { amount: 3, unit: 'hours' } },
};

function zalandoClockFor(ctx: Parameters<PortalDefinition['sla']['clockFor']>[0]): PageClock<ZalandoClock> | null | undefined {
  switch (ctx.pageKind) {
    case 'message':
      return withStart({ caseKind: 'zalando_customer_care' }, ctx.clockStart?.at ?? ctx.message?.receivedAt, ctx.clockStart?.endsAt);
    case 'order':
      // An approved order must be exported within hours; the approval time is not on the page.
      return ctx.orderStatus && /\bapproved\b/i.test(ctx.orderStatus) ? { caseKind: 'zalando_order_export' } : null;
    case 'chargeback':
      // Zalando passes card disputes on as they are: the card networks' window applies.
      return undefined;
    default:
      return null;
  }
}

/** Zalando zDirect: what the rest of Caseside knows about it (the DOM side is ./index.ts). */
export const zalandoPortal: PortalDefinition<'zalando', ZalandoClock, never> = {
  id: 'zalando',
  name: 'Zalando',
  hosts: ZALANDO_HOSTS,
  detector: { entrypoint: 'zalando-detector', file: 'zalando' },
  panel: { entrypoint: 'panel-zalando' },
  marketplaces: {
    // `ZALANDO` alone (no shop country on the page) or `ZALANDO-<country>`.
    codePattern: /^ZALANDO(-[A-Z]{2})?$/,
    owns: (code) => PREFIX_RE.test(code.trim()),
    country: (code) => code.trim().toUpperCase().replace(PREFIX_RE, ''),
  },
  sla: {
    policies: POLICIES,
    fixedClocks: ['zalando_order_export'],
    clockFor: zalandoClockFor,
    clockOfCaseKind: { message: 'zalando_customer_care' },
  },
  disputes: { kinds: {}, kindForPage: () => undefined },
  templates: {
    storefrontName: () => 'Zalando',
    // Buyers know the customer-facing order number, not the order's UUID.
    orderId: (ctx) => ctx.orderNumber ?? ctx.orderId,
    // zDirect's replies go to Zalando Customer Care, not to the buyer: no buyer-messaging rules.
    messagingRules: [],
  },
  messagesFrom: 'customer_care',
  // Order UUIDs or the customer-facing order numbers (long digit strings).
  isOrderId: (orderId) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(orderId) || /^\d{12,20}$/.test(orderId),
};
