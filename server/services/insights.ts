import { DEFAULT_MATRIX, validateMatrix, withNewIndicators } from '../../utils/fraud/matrix';
import { scoreOrder } from '../../utils/fraud/score';
import type { CaseRecord } from '../../utils/schemas/api';
import type { Language } from '../../utils/schemas/common';
import { FraudInput, type FraudMatrix, type FraudScore, type PartyHistory } from '../../utils/schemas/fraud';
import type { PageContext } from '../../utils/schemas/page';
import type { SlaPolicySet, SlaSnapshot } from '../../utils/schemas/sla';
import type { Template } from '../../utils/schemas/templates';
import type { FraudKeys } from '../../utils/fraud/keys';
import { DEFAULT_POLICIES, validatePolicySet, withNewClocks } from '../../utils/sla/policies';
import { languageForMarketplace } from '../../utils/templates/language';
import { rankTemplates } from '../../utils/templates/rank';
import type { Database } from '../db/open';
import { readPartyRecords, type PartyRecords } from '../repositories/party-history';
import { countEarlierBuyerOrders, findRelatedOrders, type OrderRow } from '../repositories/orders';
import { panelClock } from './case-clock';
import { readTogether } from './parallel-reads';
import { contextForMatching } from './page-keys';
import type { TeamSettings } from './settings';

export interface InsightInput {
  ctx: PageContext;
  /** The order row as stored after this page load (keys, address change). */
  order: OrderRow | undefined;
  caseRecord: CaseRecord | null;
  settings: TeamSettings;
  templates: Template[];
  now: Date;
  /** The team's checked matrix and policy set when the caller has them (the panel's cached configuration). */
  matrix?: FraudMatrix;
  policies?: SlaPolicySet;
  /** The context as matched and its keys, when the caller already derived them (services/page-keys.ts). */
  matching?: { context: PageContext; keys: FraudKeys };
}

export interface Insights {
  fraud: FraudScore | null;
  sla: SlaSnapshot | null;
  templates: Template[];
}

/** Fraud score, SLA clock and ranked templates for the panel, from the shared engines. */
export async function buildInsights(db: Database, teamId: string, input: InsightInput): Promise<Insights> {
  const [fraud, sla] = await readTogether(db, [
    () => scoreFraud(db, teamId, input),
    // The case keeps the clock (and policy version) it started with; see services/case-clock.ts.
    () => panelClock(db, teamId, { ctx: input.ctx, caseRecord: input.caseRecord, policySet: input.policies ?? teamPolicies(input.settings), now: input.now }),
  ] as const);
  return { fraud, sla, templates: rankedTemplates(input) };
}

/** The team's matrix when it is valid; a broken one falls back to the default rather than hiding scores. */
export function teamMatrix(settings: TeamSettings): FraudMatrix {
  if (settings.fraudMatrix === undefined) return DEFAULT_MATRIX;
  const checked = validateMatrix(withNewIndicators(settings.fraudMatrix));
  return checked.ok ? checked.matrix : DEFAULT_MATRIX;
}

export function teamPolicies(settings: TeamSettings): SlaPolicySet {
  if (settings.slaPolicies === undefined) return DEFAULT_POLICIES;
  const checked = validatePolicySet(withNewClocks(settings.slaPolicies));
  return checked.ok ? checked.policySet : DEFAULT_POLICIES;
}

const HOUR_MS = 3_600_000;

/** Only order-bearing pages are scored: the score is about an order and who placed it. */
async function scoreFraud(db: Database, teamId: string, input: InsightInput): Promise<FraudScore | null> {
  const { ctx, order, now } = input;
  if (!order) return null;
  const matrix = input.matrix ?? teamMatrix(input.settings);
  const matching = input.matching;
  const fraudInput = await buildFraudInput(db, teamId, {
    ctx,
    order,
    windowHours: matrix.parameters.velocity.windowHours,
    now,
    ...(matching ? { matching: matching.context } : {}),
  });
  return scoreOrder(fraudInput, matrix, matching?.keys);
}

/**
 * What the engine scores for an order: the page plus the team's history around it. The panel and the
 * matrix back-test (services/backtest.ts) both build it here. `windowHours` bounds the related-order lookup.
 */
export async function buildFraudInput(
  db: Database,
  teamId: string,
  { ctx, order, windowHours, now, matching }: { ctx: PageContext; order: OrderRow; windowHours: number; now: Date; matching?: PageContext },
): Promise<FraudInput> {
  const at = order.purchasedAt ?? order.firstSeenAt;
  const windowMs = windowHours * HOUR_MS;
  const keys = { buyerKey: order.buyerKey, addressKey: order.addressKey, phoneKey: order.phoneKey };

  const buyerKey = order.buyerKey;
  const addressKey = order.addressKey;
  const [related, buyerOrderCount, parties] = await readTogether(db, [
    () =>
      findRelatedOrders(db, teamId, keys, { excludeOrderId: order.orderId, from: new Date(at.getTime() - windowMs), to: new Date(at.getTime() + windowMs) }),
    () => (buyerKey ? countEarlierBuyerOrders(db, teamId, buyerKey, order.orderId, at) : Promise.resolve(0)),
    () => readPartyRecords(db, teamId, { buyerKey, addressKey }, order.orderId),
  ] as const);
  const buyerHistory = parties.buyer && historyOf(parties.buyer);
  const addressHistory = parties.address && historyOf(parties.address);

  const fraudInput = FraudInput.parse({
    context: matching ?? contextForMatching(ctx),
    isOwnShop: false, // both portals are marketplaces: the score is about buyer abuse
    relatedOrders: related.map((o) => ({
      orderId: o.orderId,
      buyerKey: o.buyerKey ?? '',
      addressKey: o.addressKey ?? '',
      ...(o.phoneKey ? { phoneKey: o.phoneKey } : {}),
      purchasedAt: (o.purchasedAt ?? o.firstSeenAt).toISOString(),
      ...(o.totalMinor !== null && o.currency ? { total: { amountMinor: o.totalMinor, currency: o.currency } } : {}),
    })),
    buyerOrderCount,
    ...(buyerHistory ? { buyerHistory } : {}),
    ...(addressHistory ? { addressHistory } : {}),
    addressChangedAfterPurchase: order.addressChangedAt !== null,
    now: now.toISOString(),
  });
  return fraudInput;
}

function historyOf({ cases, flagged }: PartyRecords): PartyHistory {
  const of = (kind: 'claim' | 'return' | 'chargeback') => {
    const ids = cases.filter((d) => d.kind === kind).map((d) => d.ref);
    return { count: ids.length, ids };
  };
  return { claims: of('claim'), returns: of('return'), chargebacks: of('chargeback'), fraudFlags: { count: flagged.length, ids: flagged } };
}

const LANGUAGES: readonly Language[] = ['en', 'de', 'fr', 'es', 'it'];

function rankedTemplates(input: InsightInput): Template[] {
  const market = input.ctx.marketplace;
  const pageLanguage = market?.language && (LANGUAGES as readonly string[]).includes(market.language) ? (market.language as Language) : undefined;
  const language = pageLanguage ?? (market ? languageForMarketplace(market.code, 'en') : 'en');
  return rankTemplates(input.templates, { pageKind: input.ctx.pageKind, language, ...(market ? { marketplace: market.code } : {}) });
}
