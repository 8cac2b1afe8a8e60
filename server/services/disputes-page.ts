import { classifyReason, networkFromCode } from '../../utils/disputes';
import { isMarketplaceClaim, portalDefinition } from '../../utils/portals/catalogue';
import type { DisputeKind } from '../../utils/schemas/disputes';
import type { PageContext } from '../../utils/schemas/page';
import type { SlaPolicySet } from '../../utils/schemas/sla';
import { cardNetworkForReason, caseKindForPage } from '../../utils/sla/case-kind';
import { computeSlaDeadline } from '../../utils/sla/deadline';
import { operatorOf, policyOf } from '../../utils/sla/policies';
import { HttpError } from '../errors';
import type { NewDispute } from '../repositories/disputes';
import { orderKeyOf } from './page-keys';

/**
 * What a chargeback or claim page says about its dispute, as the row to store: kind, the portal's id,
 * amount, normalised reason, filing date and the deadline from the team's SLA policies. Pure.
 */

/** The portal's own dispute kind for the page (its folder says), else a chargeback page is a card dispute. */
function kindOf(ctx: PageContext): DisputeKind {
  if (ctx.pageKind !== 'chargeback' && ctx.pageKind !== 'claim') {
    throw new HttpError('validation_failed', "context.pageKind: only chargeback pages and the portals' claim pages are disputes.", 'body.context.pageKind');
  }
  const own = portalDefinition(ctx.portal)?.disputes.kindForPage(ctx) as DisputeKind | undefined;
  if (own) return own;
  if (ctx.pageKind === 'chargeback') return 'card_dispute';
  throw new HttpError('validation_failed', "context.pageKind: this portal's claim pages are not disputes.", 'body.context.pageKind');
}

/** A card network code leading the reason text ("13.1 Merchandise not received", "4853 Cardholder dispute"). */
function leadingCode(text: string | undefined): string | undefined {
  const first = text?.trim().split(/[\s:–-]+/)[0];
  return first && networkFromCode(first) ? first : undefined;
}

/**
 * The deadline: the team's SLA clock for the page (the portal's own dispute clocks, card disputes by
 * network). When the portal states an earlier respond-by date, that one binds.
 */
export function disputeDeadline(ctx: PageContext, policies: SlaPolicySet, filedAt: Date): Date {
  const clock = caseKindForPage(ctx);
  const policy = clock ? policyOf(policies, clock.caseKind, operatorOf(ctx.portal, ctx.marketplace?.code)) : undefined;
  const stated = ctx.chargeback?.respondBy ? new Date(ctx.chargeback.respondBy) : undefined;
  let computed: Date | undefined;
  if (clock && policy && policy.clock !== 'shipBy') {
    const start = clock.startedAt ? new Date(clock.startedAt) : filedAt;
    computed = computeSlaDeadline(start, policy, policies.calendar, clock.cardNetwork ? { cardNetwork: clock.cardNetwork } : {});
  }
  const candidates = [computed, stated].filter((d): d is Date => d !== undefined && !Number.isNaN(d.getTime()));
  if (candidates.length === 0) {
    throw new HttpError(
      'validation_failed',
      'No deadline: the team has no SLA policy for this dispute and the page shows no respond-by date.',
      'body.context.chargeback.respondBy',
    );
  }
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}

export function disputeFromPage(ctx: PageContext, policies: SlaPolicySet, now: Date): NewDispute {
  const kind = kindOf(ctx);
  const info = ctx.pageKind === 'chargeback' ? ctx.chargeback : ctx.claim;
  const infoField = ctx.pageKind === 'chargeback' ? 'chargeback' : 'claim';
  const orderId = orderKeyOf(ctx);
  if (!orderId) throw new HttpError('validation_failed', 'context.orderId: the page shows no order id.', 'body.context.orderId');
  const externalId = info?.id?.trim();
  if (!externalId) throw new HttpError('validation_failed', `context.${infoField}.id: the page shows no ${infoField} id.`, `body.context.${infoField}.id`);
  const amount = info?.amount ?? ctx.totals?.total;
  if (!amount) throw new HttpError('validation_failed', `context.${infoField}.amount: the page shows no amount.`, `body.context.${infoField}.amount`);

  const reasonText = info?.reason?.trim() || undefined;
  const claim = isMarketplaceClaim(kind);
  const reasonCode = claim ? undefined : leadingCode(reasonText);
  const network = claim ? undefined : (reasonCode && networkFromCode(reasonCode)) || (reasonText ? cardNetworkForReason(reasonText) : undefined);
  const filedAtIso = ctx.pageKind === 'chargeback' ? ctx.chargeback?.notifiedAt : ctx.claim?.filedAt;
  const filedAt = filedAtIso ? new Date(filedAtIso) : now;

  return {
    kind,
    portal: ctx.portal,
    marketplace: ctx.marketplace?.code ?? null,
    externalId: externalId.slice(0, 200),
    orderId,
    caseId: null,
    network: network ?? null,
    reasonCode: reasonCode ?? null,
    reasonText: reasonText ? reasonText.slice(0, 500) : null,
    reason: classifyReason({ kind, ...(network ? { network } : {}), ...(reasonCode ? { code: reasonCode } : {}), ...(reasonText ? { text: reasonText } : {}) }),
    amountMinor: amount.amountMinor,
    currency: amount.currency,
    filedAt,
    deadline: disputeDeadline(ctx, policies, filedAt),
    ...(ctx.pageKind === 'chargeback' && ctx.chargeback?.stage ? { stage: ctx.chargeback.stage } : {}),
  };
}
