import type { PageContext, PageContextInput, PageKind } from '../../schemas';
import { deepText } from '../deep-dom';
import { compact, queryFirst } from '../dom';
import { finalizeContext } from '../recognition';
import { miraklFocus, pageRoot, type MiraklFocus } from './focus';
import { HOOKS, LABELS, ORDER_STATES, SPINNERS } from './labels';
import { countryFacts, miraklMarketplace, pageLanguage, readCountry, readOperator } from './marketplace';
import { ORDER_ID_RE, orderIdOfPath } from './pages';
import { MiraklReader, stateOf } from './read';
import { readIncident, readItems, readShipTo } from './read-order';
import { readThread, replyNeededSince, threadRoot, type ThreadMessage } from './thread';

/**
 * Reads a back-office page into a PageContext: the order, its lines and totals, the customer (shown only
 * once the order is accepted and debited), the thread in focus and the incident in focus. Never throws.
 */

/** Content ready: no spinner, and the page shows an order id, a table or a thread. */
export function isMiraklContentReady(kind: PageKind, doc: Document): boolean {
  if (kind === 'unknown') return true;
  const root = pageRoot(doc);
  if (queryFirst(root, SPINNERS) !== null) return false;
  if (kind === 'order-list' || kind === 'claim') return root.querySelector('table, [role="table"], [role="grid"], h1') !== null;
  return ORDER_ID_RE.test(deepText(root) ?? '');
}

type Fields = Partial<PageContextInput>;

/** A segment that is an amount alone ("£67.45", "139,99 €", "186,97 zł"). */
const MONEY_SEGMENT = /^(?:[€£$]\s?[\d.,\s]+|[\d.,\s]+\s?(?:€|£|\$|zł|[A-Z]{3}))$/;

const plausibleName = (v: string | undefined) =>
  v && /\p{L}/u.test(v) && v.length <= 80 && v.split(/\s+/).length <= 8 && !/^[\d\s-]+$/.test(v) && !/[.:]$/.test(v) && !/[:：]/.test(v) ? v : undefined;

function readOrderId(reader: MiraklReader): string | undefined {
  const idIn = (text: string | undefined) => (text ? ORDER_ID_RE.exec(text)?.[1] : undefined);
  const structure = () => {
    for (const scope of reader.scopes) {
      for (const el of Array.from(scope.querySelectorAll('h1, nav[aria-label], h1 + p, p, a[href*="/mmp/shop/order/"]'))) {
        if (el.closest('[role="listbox"], [aria-label] [href*="inbox?thread"]')) continue;
        const id = idIn(deepText(el));
        if (id) return id;
      }
      const own = idIn(deepText(scope));
      if (own) return own;
    }
    return undefined;
  };
  return reader.read('orderId', { hook: () => idIn(reader.hook(HOOKS.orderId)), structure, url: () => orderIdOfPath(reader.url) }, { required: true });
}

/** The order's state as the API names it: the state badge's title, its label, or a state word in the heading. */
function readOrderState(reader: MiraklReader, required: boolean): string | undefined {
  const hookEl = reader.hookElement(HOOKS.orderState);
  return reader.read(
    'orderStatus',
    {
      hook: () => stateOf(ORDER_STATES, hookEl?.getAttribute('title') ?? undefined) ?? stateOf(ORDER_STATES, deepText(hookEl)),
      label: () =>
        reader
          .labelValues(LABELS.status)
          .map((v) => stateOf(ORDER_STATES, v))
          .find(Boolean),
      structure: () => {
        const badges = reader.scopes.flatMap((s) => Array.from(s.querySelectorAll('h1 ~ *, h1 *, [title], strong')).filter((el) => !el.closest('table, tr')));
        return [...badges.map((el) => deepText(el)), ...reader.segments()].map((t) => stateOf(ORDER_STATES, t)).find(Boolean);
      },
    },
    { required },
  );
}

function readBuyer(reader: MiraklReader, thread: readonly ThreadMessage[]) {
  const name = reader.read('buyer.name', {
    hook: () => plausibleName(reader.hook(HOOKS.customer)),
    label: () => [...reader.columnValues(LABELS.customer), ...reader.labelValues(LABELS.customer)].map(plausibleName).find(Boolean),
    structure: () => plausibleName(thread.find((m) => m.role === 'CUSTOMER')?.author),
  });
  return compact({ name });
}

function readTotals(reader: MiraklReader) {
  const money = (name: string, labels: readonly string[], hooks: readonly string[] = []) =>
    reader.read(name, {
      ...(hooks.length ? { hook: () => reader.money(reader.hook(hooks)) } : {}),
      label: () =>
        reader
          .labelValues(labels)
          .map((v) => reader.money(v))
          .find(Boolean),
    });
  const total =
    money('totals.total', LABELS.total, HOOKS.total) ??
    reader.read('totals.total', {
      structure: () =>
        reader
          .segments('h1 small, h1, p')
          .map((s) => (MONEY_SEGMENT.test(s) ? reader.money(s) : undefined))
          .find(Boolean),
    });
  return compact({ subtotal: money('totals.subtotal', LABELS.subtotal), shipping: money('totals.shipping', LABELS.shipping), total });
}

function readOrderFields(reader: MiraklReader, thread: readonly ThreadMessage[], required: boolean): Fields {
  const purchasedAt = reader.read('purchasedAt', {
    hook: () => reader.instant(reader.hook(HOOKS.created)),
    label: () =>
      reader
        .labelValues(LABELS.created)
        .map((v) => reader.instant(v))
        .find(Boolean),
  });
  const shipBy = reader.read('shipBy', {
    hook: () => reader.instant(reader.hook(HOOKS.shipBefore)),
    label: () =>
      reader
        .labelValues(LABELS.shipBefore)
        .map((v) => reader.instant(v))
        .find(Boolean) ?? reader.dateAfter(LABELS.shipBefore),
  });
  const orderStatus = readOrderState(reader, required);
  const acceptBy = orderStatus === 'WAITING_ACCEPTANCE' ? reader.read('acceptBy', { label: () => reader.dateAfter(LABELS.acceptBefore) }) : undefined;
  const items = readItems(reader, required);
  const totals = readTotals(reader);
  // No products subtotal printed: the lines' prices add up to it.
  const prices = items.map((i) => i.unitPrice && { amountMinor: i.unitPrice.amountMinor * i.quantity, currency: i.unitPrice.currency });
  if (totals && !totals.subtotal && prices.length > 0 && prices.every((p) => p && p.currency === prices[0]!.currency)) {
    totals.subtotal = { amountMinor: prices.reduce((sum, p) => sum + p!.amountMinor, 0), currency: prices[0]!.currency };
    reader.found('totals.subtotal', 'structure');
  }
  return {
    buyer: readBuyer(reader, thread),
    shipTo: readShipTo(reader),
    items,
    totals,
    purchasedAt,
    shipBy,
    acceptBy,
    orderStatus,
  };
}

function readMessagePage(reader: MiraklReader): Fields {
  const thread = readThread(reader);
  if (thread.length === 0) reader.log.miss('thread');
  const since = replyNeededSince(thread);
  const root = threadRoot(thread);
  const subject = deepText(root?.querySelector('h1, h2, h3')) ?? undefined;
  const customer = [...thread].reverse().find((m) => m.role === 'CUSTOMER');
  // Each message's author is known by the role word beside it ("(Customer)", "· Cliente ·"): a label.
  if (since) reader.found('clockStart', 'label');
  const { items: _items, ...order } = readOrderFields(reader, thread, false);
  return {
    ...order,
    message: compact({
      subject: subject && !ORDER_ID_RE.test(subject) ? subject : undefined,
      body: customer?.body,
      receivedAt: since,
      from: thread.at(-1)?.role,
    }),
    clockStart: since ? { at: since, source: 'buyer-message' } : undefined,
  };
}

function readIncidentPage(reader: MiraklReader, orderId: string | undefined): Fields {
  const thread = readThread(reader);
  const incident = readIncident(reader);
  const since = replyNeededSince(thread);
  const order = readOrderFields(reader, thread, false);
  const start = since ?? incident.openedAt;
  if (start) reader.found('clockStart', 'label');
  return {
    ...order,
    items: incident.line ? [incident.line] : order.items,
    claim: compact({
      // The back office shows no incident number: an incident is raised on an order line, one open at a
      // time, so the order and the line's SKU name it (the order alone when the line is not shown).
      id: orderId ? (incident.line?.sku ? `${orderId}/${incident.line.sku}` : orderId) : undefined,
      reason: incident.reason,
      filedAt: incident.openedAt,
      status: incident.state,
      amount: incident.amount,
    }),
    message: since
      ? compact({ body: [...thread].reverse().find((m) => m.role === 'CUSTOMER')?.body, receivedAt: since, from: thread.at(-1)?.role })
      : undefined,
    clockStart: start ? { at: start, source: since ? 'buyer-message' : 'claim' } : undefined,
  };
}

const READERS: Partial<Record<PageKind, (reader: MiraklReader, orderId: string | undefined) => Fields>> = {
  order: (reader) => readOrderFields(reader, [], true),
  message: readMessagePage,
  claim: readIncidentPage,
};

function recognitionFor(kind: PageKind, doc: Document, focus: MiraklFocus, reader: MiraklReader): PageContext['recognition'] {
  const lowerTier = reader.log.lowerTier.slice(0, 60);
  if (!isMiraklContentReady(kind, doc)) return { status: 'unrecognized', missing: [`content of a ${kind} page`, ...reader.log.missing] };
  if (focus.listWithoutFocus)
    return {
      status: kind === 'order-list' || kind === 'unknown' ? 'full' : 'partial',
      missing: kind === 'order-list' || kind === 'unknown' ? [] : ['item in focus'],
    };
  const missing = [...reader.log.missing];
  return { status: missing.length ? 'partial' : 'full', missing, ...(lowerTier.length ? { lowerTier } : {}) };
}

export function extractMiraklPage(url: URL, doc: Document, kind: PageKind): PageContext {
  const focus = miraklFocus(doc, url, kind);
  const language = pageLanguage(doc);
  const operator = readOperator(doc, url.hostname);
  const probe = new MiraklReader(url, doc, focus.scopes, undefined, 'en-GB');
  const channelTexts = [...probe.labelValues(LABELS.channel), ...probe.segments('p, dd, div, span'), ...focus.scopes.map((s) => deepText(s) ?? '')];
  const { country, found: countryTier } = readCountry(doc, operator, channelTexts, language);
  const marketplace = miraklMarketplace(operator, country);
  const reader = new MiraklReader(url, doc, focus.scopes, marketplace, countryFacts(country)?.locale ?? 'en-GB');
  if (operator) reader.found('marketplace', operator.found === 'url' ? 'url' : countryTier);
  let fields: Fields = {};
  let orderId: string | undefined;
  const reads = READERS[kind];
  if (reads && !focus.listWithoutFocus && isMiraklContentReady(kind, doc)) {
    try {
      orderId = readOrderId(reader);
      fields = reads(reader, orderId);
    } catch {
      reader.log.miss('page (unreadable)');
    }
  }
  const { fieldTiers: _unused, ...rest } = fields;
  return finalizeContext({
    ...rest,
    portal: 'mirakl',
    pageKind: kind,
    url: url.href,
    marketplace,
    orderId,
    items: fields.items ?? [],
    portalTimeZone: marketplace?.timeZone,
    fieldTiers: Object.keys(reader.log.tiers).length ? reader.log.tiers : undefined,
    recognition: recognitionFor(kind, doc, focus, reader),
  });
}
