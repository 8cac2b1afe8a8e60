import type { SlaPolicy } from '../../schemas/sla';
import { withStart, type PageClock } from '../../sla/page-clock';
import type { PortalDefinition } from '../definition';
import { MIRAKL_EXAMPLE_HOST } from './hosts';
import { MARKETPLACE_CODE_RE } from './codes';

export type MiraklClock = 'mirakl_order_acceptance' | 'mirakl_message_reply' | 'mirakl_incident';

/**
 * Deadlines are each operator's (the shared reference): acceptance 48 h at MediaMarkt, one working day at
 * Conrad; a reply to a customer or the operator within 24 h at PcComponentes (a warning at 20 h), 48 h at
 * Conrad. The policy's own terms are the stricter published ones, for operators without terms of their own;
 * the operators named there have theirs (`byOperator`, keyed like their marketplace codes). Every number is
 * a lead's setting.
 */
const POLICIES: Record<MiraklClock, SlaPolicy> = {
  mirakl_order_acceptance: {
    label: 'Order acceptance',
    warningFraction: 0.25,
    notifyLeadMinutes: 120,
    clock: 'calendar',
    duration: { amount: 24, unit: 'hours' },
    byOperator: {
      MEDIAMARKT: { clock: 'calendar', duration: { amount: 48, unit: 'hours' } },
      CONRAD: { clock: 'business', duration: { amount: 1, unit: 'days' } },
    },
  },
  mirakl_message_reply: {
    label: 'Reply to a customer or operator message',
    warningFraction: 1 / 6,
    notifyLeadMinutes: 120,
    clock: 'calendar',
    duration: { amount: 24, unit: 'hours' },
    byOperator: { CONRAD: { clock: 'calendar', duration: { amount: 48, unit: 'hours' } } },
  },
  // An incident is answered in its conversation: the same reply window, counted from the incident or the customer's last unanswered message.
  mirakl_incident: {
    label: 'Incident reply',
    warningFraction: 1 / 6,
    notifyLeadMinutes: 120,
    clock: 'calendar',
    duration: { amount: 24, unit: 'hours' },
    byOperator: { CONRAD: { clock: 'calendar', duration: { amount: 48, unit: 'hours' } } },
  },
};

function miraklClockFor(ctx: Parameters<PortalDefinition['sla']['clockFor']>[0]): PageClock<MiraklClock> | null | undefined {
  switch (ctx.pageKind) {
    case 'message':
      return withStart({ caseKind: 'mirakl_message_reply' }, ctx.clockStart?.at ?? ctx.message?.receivedAt);
    case 'claim':
      return ctx.orderId ? withStart({ caseKind: 'mirakl_incident' }, ctx.clockStart?.at ?? ctx.claim?.filedAt) : null;
    case 'order':
      // An order waiting for acceptance is refused automatically at the operator's deadline, which the page shows.
      return ctx.orderStatus === 'WAITING_ACCEPTANCE' ? withStart({ caseKind: 'mirakl_order_acceptance' }, ctx.purchasedAt, ctx.acceptBy) : null;
    default:
      return null;
  }
}

/** Mirakl seller back offices (Secret Sales and other operators): what the rest of Caseside knows (the DOM side is ./index.ts). */
export const miraklPortal: PortalDefinition<'mirakl', MiraklClock, 'mirakl_incident'> = {
  id: 'mirakl',
  name: 'Mirakl',
  // No host is built in: each operator's back office is a host a lead adds (teamHosts).
  hosts: [],
  teamHosts: { example: MIRAKL_EXAMPLE_HOST, paths: ['/mmp/shop/'] },
  detector: { entrypoint: 'mirakl-detector', file: 'mirakl' },
  panel: { entrypoint: 'panel-mirakl' },
  marketplaces: {
    // `<OPERATOR>-<COUNTRY>`: SECRETSALES-UK, DECATHLON-DE.
    codePattern: MARKETPLACE_CODE_RE,
    genericForm: true,
    owns: (code) => MARKETPLACE_CODE_RE.test(code.trim().toUpperCase()),
    country: (code) => MARKETPLACE_CODE_RE.exec(code.trim().toUpperCase())?.[2] ?? code.trim().toUpperCase(),
    operator: (code) => MARKETPLACE_CODE_RE.exec(code.trim().toUpperCase())?.[1],
  },
  sla: {
    policies: POLICIES,
    fixedClocks: ['mirakl_order_acceptance'],
    clockFor: miraklClockFor,
    clockOfCaseKind: { message: 'mirakl_message_reply', claim: 'mirakl_incident' },
  },
  disputes: {
    kinds: {
      mirakl_incident: {
        claim: true,
        labels: {
          en: 'marketplace incident',
          de: 'Marktplatz-Reklamation',
          fr: 'incident marketplace',
          es: 'incidencia del marketplace',
          it: 'reclamo del marketplace',
        },
        refundSentence: 'Refunding the customer closes the incident with the operator; defend it only when the order was delivered as described.',
      },
    },
    kindForPage: (ctx) => (ctx.pageKind === 'claim' && ctx.orderId ? 'mirakl_incident' : undefined),
  },
  templates: {
    // The operator's name as its customers know it ("Secret Sales").
    storefrontName: (ctx) => ctx.marketplace?.domain,
    orderId: (ctx) => ctx.orderId,
    messagingRules: [],
  },
  messagesFrom: 'buyer',
  isOrderId: (orderId) => /^\d{6,20}-[A-Z]{1,2}$/.test(orderId),
};
