import { isRelayEmailDomain, portalDefinition } from '../portals/catalogue';
import type { Money } from '../schemas/common';
import type { FraudIndicatorId, FraudInput, FraudMatrix, HistoryCount, RelatedOrder } from '../schemas/fraud';
import { formatMoney } from '../money';
import { describeDropPoint } from './forwarders';
import { fraudKeysFor, type FraudKeys } from './keys';
import { foldAccents, normalizeAddress } from './normalize';

/** What one indicator found: the sentence an agent reads and the orders it points at. */
export type Hit = { evidence: string; relatedOrderIds: string[] };

/** Facts derived once per scoring run and shared by the checks. */
export type Facts = {
  input: FraudInput;
  params: PreparedParameters;
  keys: FraudKeys;
  /** The order's purchase time (or now), epoch ms. */
  atMs: number;
  drop: ReturnType<typeof describeDropPoint>;
  /** Related orders within the velocity window per key, filled on first use (two rules ask for the address). */
  recent: Partial<Record<'addressKey' | 'buyerKey' | 'phoneKey', RelatedOrder[]>>;
};

/** Matrix parameters folded once per matrix object (a WeakMap keeps this free for the caller). */
export type PreparedParameters = FraudMatrix['parameters'] & {
  keywordsFlat: string[];
  asinSet: Set<string>;
  skuSet: Set<string>;
  expeditedFlat: string[];
  disposableDomains: string[];
};

const prepared = new WeakMap<FraudMatrix, PreparedParameters>();

export function prepareParameters(matrix: FraudMatrix): PreparedParameters {
  let p = prepared.get(matrix);
  if (!p) {
    const params = matrix.parameters;
    p = {
      ...params,
      keywordsFlat: params.highDemand.keywords.map(flat).filter((k) => k !== ''),
      asinSet: new Set(params.highDemand.asins.map((a) => a.trim().toUpperCase())),
      skuSet: new Set(params.highDemand.skus.map((s) => s.trim().toUpperCase())),
      expeditedFlat: params.expeditedServiceKeywords.map(flat).filter((k) => k !== ''),
      disposableDomains: params.disposableEmailDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')),
    };
    prepared.set(matrix, p);
  }
  return p;
}

/** `keys`: the context's keys when the caller already derived them (the backend does, once per request). */
export function collectFacts(input: FraudInput, matrix: FraudMatrix, keys: FraudKeys = fraudKeysFor(input.context)): Facts {
  const purchased = input.context.purchasedAt ? Date.parse(input.context.purchasedAt) : NaN;
  return {
    input,
    params: prepareParameters(matrix),
    keys,
    atMs: Number.isNaN(purchased) ? Date.parse(input.now) : purchased,
    drop: input.context.shipTo ? describeDropPoint(input.context.shipTo) : {},
    recent: {},
  };
}

/** Folded text with single spaces and a space at both ends, for whole-word `includes` checks. */
function flat(s: string): string {
  const words = foldAccents(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words === '' ? '' : ` ${words} `;
}

const MAX_IDS_IN_TEXT = 8;
function listIds(ids: string[]): string {
  if (ids.length <= MAX_IDS_IN_TEXT) return ids.join(', ');
  return `${ids.slice(0, MAX_IDS_IN_TEXT).join(', ')} and ${ids.length - MAX_IDS_IN_TEXT} more`;
}

/** The order's total: the page's total, else its subtotal, else the sum of its item lines. */
export function orderTotal(input: FraudInput): Money | undefined {
  const { totals, items } = input.context;
  if (totals?.total) return totals.total;
  if (totals?.subtotal) return totals.subtotal;
  let sum: Money | undefined;
  for (const item of items) {
    if (!item.unitPrice) continue;
    if (sum && sum.currency !== item.unitPrice.currency) return undefined;
    sum = { amountMinor: (sum?.amountMinor ?? 0) + item.unitPrice.amountMinor * item.quantity, currency: item.unitPrice.currency };
  }
  return sum;
}

function relatedWithin(facts: Facts, key: 'addressKey' | 'buyerKey' | 'phoneKey'): RelatedOrder[] {
  const cached = facts.recent[key];
  if (cached) return cached;
  const own = facts.keys[key];
  const windowMs = facts.params.velocity.windowHours * 3_600_000;
  const ownId = facts.input.context.orderId;
  const found = own
    ? facts.input.relatedOrders.filter((o) => o[key] === own && o.orderId !== ownId && Math.abs(Date.parse(o.purchasedAt) - facts.atMs) <= windowMs)
    : [];
  facts.recent[key] = found;
  return found;
}

function velocity(facts: Facts, key: 'addressKey' | 'buyerKey' | 'phoneKey', minimum: number, what: string): Hit | null {
  const others = relatedWithin(facts, key);
  const count = others.length + 1;
  if (count < minimum) return null;
  const ids = others.map((o) => o.orderId);
  return { evidence: `${count} orders ${what} in ${facts.params.velocity.windowHours} h: ${listIds(ids)}`, relatedOrderIds: ids };
}

function history(facts: Facts, kind: 'claims' | 'returns' | 'chargebacks' | 'fraudFlags', minimum: number, noun: string): Hit | null {
  const buyer: HistoryCount = facts.input.buyerHistory[kind];
  const address: HistoryCount = facts.input.addressHistory[kind];
  // Buyer and address often report the same case; count each id once.
  const ids = [...new Set([...buyer.ids, ...address.ids])];
  const count = Math.max(ids.length, buyer.count, address.count);
  if (count < minimum) return null;
  const who = buyer.count > 0 && address.count > 0 ? 'by this buyer and at this address' : buyer.count > 0 ? 'by this buyer' : 'at this address';
  const list = ids.length > 0 ? `: ${listIds(ids)}` : '';
  return { evidence: `${count} earlier ${noun}${count === 1 ? '' : 's'} ${who}${list}`, relatedOrderIds: ids };
}

/** Why the address is risky, for the expedited-shipping rule; empty when it is not. */
function riskyAddressReasons(facts: Facts): string[] {
  const reasons: string[] = [];
  if (facts.drop.forwarder) reasons.push('a freight-forwarder address');
  if (facts.drop.poBox) reasons.push('a PO box');
  if (facts.drop.packStation) reasons.push('a pack station');
  if (facts.input.addressChangedAfterPurchase) reasons.push('an address changed after purchase');
  if (relatedWithin(facts, 'addressKey').length + 1 >= facts.params.velocity.addressCount) reasons.push('an address with several recent orders');
  return reasons;
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();
function localTime(ms: number, timeZone: string): { hour: number; text: string } | null {
  let fmt = hourFormatters.get(timeZone);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      return null; // an unknown zone: the odd-hour rule cannot tell, so it stays silent
    }
    hourFormatters.set(timeZone, fmt);
  }
  const text = fmt.format(ms);
  return { hour: Number(text.slice(0, 2)), text };
}

function isHighDemand(facts: Facts, item: FraudInput['context']['items'][number]): boolean {
  const p = facts.params;
  if (item.asin && p.asinSet.has(item.asin.trim().toUpperCase())) return true;
  if (item.sku && p.skuSet.has(item.sku.trim().toUpperCase())) return true;
  if (!item.title) return false;
  const title = flat(item.title);
  return p.keywordsFlat.some((k) => title.includes(k));
}

export const CHECKS: Record<FraudIndicatorId, (facts: Facts) => Hit | null> = {
  billing_shipping_mismatch(facts) {
    const { billTo, shipTo } = facts.input.context;
    if (!billTo || !shipTo) return null;
    if (billTo.country && shipTo.country && billTo.country !== shipTo.country) {
      return { evidence: `Billing country ${billTo.country}, shipping country ${shipTo.country}`, relatedOrderIds: [] };
    }
    const billPostal = billTo.postalCode?.replace(/\s+/g, '').toUpperCase();
    const shipPostal = shipTo.postalCode?.replace(/\s+/g, '').toUpperCase();
    if (billPostal && shipPostal && billPostal !== shipPostal) {
      return { evidence: `Billing postcode ${billTo.postalCode}, shipping postcode ${shipTo.postalCode}`, relatedOrderIds: [] };
    }
    if (billTo.lines.length > 0 && shipTo.lines.length > 0 && normalizeAddress(billTo) !== normalizeAddress(shipTo)) {
      return { evidence: `Billing address "${billTo.lines.join(', ')}" differs from shipping address "${shipTo.lines.join(', ')}"`, relatedOrderIds: [] };
    }
    return null;
  },
  forwarder_address: (facts) => (facts.drop.forwarder ? { evidence: `Ships to a freight forwarder (${facts.drop.forwarder})`, relatedOrderIds: [] } : null),
  po_box: (facts) => (facts.drop.poBox ? { evidence: `Ships to a PO box (${facts.drop.poBox})`, relatedOrderIds: [] } : null),
  pack_station: (facts) =>
    facts.drop.packStation ? { evidence: `Ships to a pack station or pickup point (${facts.drop.packStation})`, relatedOrderIds: [] } : null,
  address_changed: (facts) =>
    facts.input.addressChangedAfterPurchase ? { evidence: 'The shipping address was changed after purchase', relatedOrderIds: [] } : null,
  new_buyer_high_value(facts) {
    const p = facts.params.newBuyer;
    const prior = facts.input.buyerOrderCount;
    if (prior > p.maxPriorOrders) return null;
    const total = orderTotal(facts.input);
    const threshold = total ? p.amountThresholdsMinor[total.currency] : undefined;
    if (!total || threshold === undefined || total.amountMinor < threshold) return null;
    const hot = facts.input.context.items.filter((item) => isHighDemand(facts, item));
    if (p.requireHighDemand && hot.length === 0) return null;
    const who = prior === 0 ? 'First order from this buyer' : `Buyer has only ${prior} earlier order${prior === 1 ? '' : 's'}`;
    const goods = hot.length > 0 ? ` with high-demand goods (${hot.map((i) => i.title ?? i.asin ?? i.sku).join('; ')})` : '';
    return {
      evidence: `${who}: ${formatMoney(total)}${goods}, at or above ${formatMoney({ amountMinor: threshold, currency: total.currency })}`,
      relatedOrderIds: [],
    };
  },
  velocity_address: (facts) => velocity(facts, 'addressKey', facts.params.velocity.addressCount, 'to this address'),
  velocity_name: (facts) => velocity(facts, 'buyerKey', facts.params.velocity.nameCount, 'under this name'),
  velocity_phone: (facts) => velocity(facts, 'phoneKey', facts.params.velocity.phoneCount, 'with this phone number'),
  shared_address(facts) {
    const address = facts.keys.addressKey;
    if (!address) return null;
    const buyers = new Set<string>();
    if (facts.keys.buyerKey) buyers.add(facts.keys.buyerKey);
    const ids: string[] = [];
    for (const o of facts.input.relatedOrders) {
      if (o.addressKey !== address || o.orderId === facts.input.context.orderId || o.buyerKey === '') continue;
      if (o.buyerKey !== facts.keys.buyerKey) ids.push(o.orderId);
      buyers.add(o.buyerKey);
    }
    if (buyers.size < facts.params.sharedAddressBuyerCount) return null;
    return { evidence: `${buyers.size} different buyers ordered to this address: ${listIds(ids)}`, relatedOrderIds: ids };
  },
  odd_hour(facts) {
    const ctx = facts.input.context;
    const zone = ctx.marketplace?.timeZone ?? ctx.portalTimeZone;
    if (!ctx.purchasedAt || !zone) return null;
    const local = localTime(facts.atMs, zone);
    if (!local) return null;
    const { start, end } = facts.params.oddHours;
    const odd = start <= end ? local.hour >= start && local.hour < end : local.hour >= start || local.hour < end;
    return odd ? { evidence: `Ordered at ${local.text} local time (${zone})`, relatedOrderIds: [] } : null;
  },
  expedited_shipping(facts) {
    const service = facts.input.context.shippingService;
    if (!service) return null;
    const text = flat(service);
    if (!facts.params.expeditedFlat.some((k) => text.includes(k))) return null;
    const reasons = riskyAddressReasons(facts);
    if (reasons.length === 0) return null;
    return { evidence: `Expedited shipping (${service.trim()}) to ${reasons.join(' and ')}`, relatedOrderIds: [] };
  },
  disposable_email(facts) {
    const email = facts.input.context.buyer?.email?.trim().toLowerCase();
    const at = email ? email.lastIndexOf('@') : -1;
    if (!email || at < 1) return null;
    const domain = email.slice(at + 1);
    const local = email.slice(0, at).split('+')[0] ?? '';
    const disposable = facts.params.disposableDomains.find((d) => domain === d || domain.endsWith(`.${d}`));
    if (disposable) return { evidence: `Email uses a disposable inbox (${disposable})`, relatedOrderIds: [] };
    // A portal's anonymised relay addresses look random by design and are not a signal.
    if (isRelayEmailDomain(domain)) return null;
    return looksRandom(local) ? { evidence: `Email address looks random (${email})`, relatedOrderIds: [] } : null;
  },
  prior_claims: (facts) => history(facts, 'claims', facts.params.historyMinimums.claims, 'claim'),
  prior_returns: (facts) => history(facts, 'returns', facts.params.historyMinimums.returns, 'return'),
  prior_chargebacks: (facts) => history(facts, 'chargebacks', facts.params.historyMinimums.chargebacks, 'chargeback'),
  prior_fraud_flags: (facts) => history(facts, 'fraudFlags', facts.params.historyMinimums.fraudFlags, 'fraud flag'),
  portal_risk_high: (facts) => portalRisk(facts, 'HIGH'),
  portal_risk_medium: (facts) => portalRisk(facts, 'MEDIUM'),
};

const RECOMMENDS: Record<string, string> = { CANCEL: 'recommends cancelling', INVESTIGATE: 'recommends investigating', ACCEPT: 'recommends fulfilling' };

/** The portal's own rating of the order at this level (Shopify's fraud analysis), with what it says and lists. */
function portalRisk(facts: Facts, level: 'HIGH' | 'MEDIUM'): Hit | null {
  const risk = facts.input.context.portalRisk;
  if (risk?.level !== level) return null;
  const name = portalDefinition(facts.input.context.portal)?.name ?? 'The portal';
  const says = risk.recommendation ? RECOMMENDS[risk.recommendation] : undefined;
  const listed = risk.indicators?.length ? `: ${risk.indicators.slice(0, 5).join('; ')}` : '';
  return { evidence: `${name}'s fraud analysis rates this order ${level.toLowerCase()} risk${says ? ` and ${says}` : ''}${listed}`, relatedOrderIds: [] };
}

/** A mailbox name nobody would pick: long digit runs or long runs without vowels ("xk7qzr9t2w"). */
export function looksRandom(local: string): boolean {
  const letters = local.replace(/[^a-z0-9]/g, '');
  if (letters.length < 8) return false;
  const digits = letters.replace(/\D/g, '').length;
  const consonantRun = Math.max(0, ...(letters.match(/[bcdfghjklmnpqrstvwxz]+/g) ?? []).map((r) => r.length));
  const switches = (letters.match(/[a-z](?=\d)|\d(?=[a-z])/g) ?? []).length;
  return digits >= 7 || consonantRun >= 6 || switches >= 4;
}
