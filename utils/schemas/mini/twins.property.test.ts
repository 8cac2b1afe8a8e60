import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectTypeOf } from 'vitest';
import type * as zm from 'zod/mini';
import type { z } from 'zod';
import { PageContext } from '../page';
import { Language } from '../common';
import { TabPush } from '../../messaging';
import { LIMITS } from '../limits';
import { PORTAL_IDS } from '../../portals/catalogue';
import { PageContext as PageContextMini } from './page';
import { Language as LanguageMini } from './fields';
import { TabPush as TabPushMini } from './push';

/**
 * The zod/mini twins the panel script parses with must mean what the classic schemas mean: for every
 * value, both accept or both reject; accepted, they give the same data; rejected, they name the same
 * fields. Values are drawn near the edges (limits, formats, enums, unknown keys) where a twin that
 * forgot a check would differ.
 */

interface Parser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: Array<{ path: PropertyKey[]; code: string }> } };
}

function agree(classic: Parser, mini: Parser, value: unknown): void {
  const a = classic.safeParse(value);
  const b = mini.safeParse(value);
  expect(b.success).toBe(a.success);
  if (a.success && b.success) expect(b.data).toEqual(a.data);
  if (!a.success && !b.success) {
    const issues = (r: typeof a) => (r.success ? [] : r.error.issues.map((i) => `${i.path.map(String).join('.')}:${i.code}`).sort());
    expect(issues(b)).toEqual(issues(a));
  }
}

const nonsense = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}));
const text = (max: number) =>
  fc.oneof({ weight: 6, arbitrary: fc.string({ maxLength: 12 }) }, fc.constant('x'.repeat(max)), fc.constant('y'.repeat(max + 1)), nonsense);
const instant = fc.oneof(
  { weight: 4, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()) },
  fc.constantFrom(
    '2024-03-01T10:00:00+02:00',
    '2024-03-01T10:00:00',
    '2024-02-30T10:00:00Z',
    '2100-12-31T23:59:59Z',
    '2101-01-01T00:00:00Z',
    '1999-12-31T23:59:59Z',
  ),
  fc.string({ maxLength: 8 }),
  nonsense,
);
const int = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000 }),
  fc.constantFrom(1.5, -1, 1_000_000, 1_000_001, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, Number.NaN, Infinity),
  nonsense,
);
const money = fc.oneof({ weight: 5, arbitrary: fc.record({ amountMinor: int, currency: fc.constantFrom('EUR', 'USD', 'eur', 'EURO', '') }) }, nonsense);
const oneOf = <T>(values: readonly T[]) => fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, fc.constantFrom('bogus', '', 'EN'), nonsense);
/** Sometimes a key the strict schemas refuse. */
const withExtra = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.boolean(), fc.boolean()).map(([v, extra, bare]) => (bare || typeof v !== 'object' || v === null ? v : extra ? { ...v, surprise: 1 } : v));
const record = <R extends Record<string, fc.Arbitrary<unknown>>>(model: R, required: Array<keyof R> = []) =>
  withExtra(fc.record(model, { requiredKeys: required as never[] }));

const address = record(
  {
    name: text(LIMITS.pageText),
    lines: fc.oneof(fc.array(text(LIMITS.pageText), { maxLength: 3 }), fc.constant(Array.from({ length: LIMITS.listItems + 1 }, () => 'l')), nonsense),
    city: text(LIMITS.pageText),
    country: fc.constantFrom('DE', 'de', 'DEU', 'GB'),
    phone: text(LIMITS.pageText),
  },
  ['lines'],
);
const item = record({ title: text(LIMITS.pageText), sku: text(LIMITS.pageText), quantity: int, unitPrice: money, status: text(LIMITS.pageText) }, ['quantity']);

const pageContext = fc.oneof(
  {
    weight: 12,
    arbitrary: record(
      {
        portal: oneOf(PORTAL_IDS),
        pageKind: oneOf(['order', 'order-list', 'message', 'claim', 'chargeback', 'return', 'refund', 'unknown']),
        url: fc.oneof(
          fc.constantFrom('https://sellercentral.amazon.de/orders-v3/order/302-1234567-1234567', 'not a url', 'mailto:x@example.com', ''),
          fc.constant(`https://example.com/${'a'.repeat(LIMITS.url)}`),
          fc.webUrl(),
        ),
        marketplace: record(
          {
            code: fc.constantFrom('DE', 'D', 'ZALANDO-DE', 'A-VERY-LONG-CODE'),
            currency: fc.constantFrom('EUR', 'eur'),
            timeZone: text(LIMITS.pageText),
            language: oneOf(['en', 'de', 'ja', 'pt']),
          },
          ['code'],
        ),
        orderId: text(LIMITS.orderId),
        orderRef: text(100),
        buyer: record({ name: text(LIMITS.pageText), email: text(LIMITS.pageText) }),
        shipTo: address,
        items: fc.oneof(fc.array(item, { maxLength: 3 }), nonsense),
        totals: record({ total: money, shipping: money }),
        purchasedAt: instant,
        chargeback: record({ id: text(LIMITS.pageText), amount: money, respondBy: instant, notifiedAt: instant }),
        claim: record({ id: text(LIMITS.pageText), filedAt: instant, stage: text(LIMITS.pageText) }),
        return: record({ receivedAt: instant, amount: money }),
        message: record({ body: text(LIMITS.pageLongText), receivedAt: instant, from: text(LIMITS.pageText) }),
        clockStart: record({ at: instant, endsAt: instant, source: oneOf(['buyer-message', 'notice', 'purchase']) }, ['source']),
        fieldTiers: fc.oneof(
          fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), fc.constant('k'.repeat(61))), oneOf(['hook', 'label', 'structure', 'url']), { maxKeys: 3 }),
          nonsense,
        ),
        recognition: record(
          {
            status: oneOf(['full', 'partial', 'unrecognized']),
            missing: fc.oneof(fc.array(text(LIMITS.shortText), { maxLength: 3 }), nonsense),
            lowerTier: fc.oneof(fc.array(text(80), { maxLength: 2 }), fc.constant(Array.from({ length: 61 }, () => 'x')), nonsense),
          },
          ['status', 'missing'],
        ),
      },
      ['portal', 'pageKind', 'url', 'recognition'],
    ),
  },
  fc.anything(),
);

const uuid = fc.oneof({ weight: 4, arbitrary: fc.uuid() }, fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000'), nonsense);
const caseEvent = record(
  {
    id: uuid,
    caseId: uuid,
    orderId: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)),
    type: oneOf(['note', 'decision', 'template_inserted', 'status', 'sla', 'created']),
    agentId: fc.oneof(uuid, fc.constant(null)),
    agentName: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)),
    text: fc.oneof(fc.string({ maxLength: 8 }), nonsense),
    decision: oneOf(['hold', 'release', 'fraud']),
    data: fc.oneof(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue(), { maxKeys: 2 }), nonsense),
    createdAt: instant,
  },
  ['id', 'caseId', 'orderId', 'type', 'agentId', 'agentName', 'text', 'createdAt'],
);
const tabPush = fc.oneof(
  record(
    {
      type: fc.constant('push:live'),
      event: record({ type: fc.constantFrom('case-event', 'other'), orderId: fc.constant(null), caseId: uuid, event: caseEvent }, [
        'type',
        'orderId',
        'caseId',
        'event',
      ]),
    },
    ['type', 'event'],
  ),
  record(
    {
      type: fc.constant('push:sync'),
      status: record(
        {
          signedIn: fc.oneof(fc.boolean(), nonsense),
          online: fc.boolean(),
          pending: int,
          failed: int,
          heldForOthers: int,
          agentName: fc.string({ maxLength: 4 }),
          lastError: nonsense,
        },
        ['signedIn', 'online', 'pending', 'failed'],
      ),
    },
    ['type', 'status'],
  ),
  record({ type: fc.constantFrom('push:resync', 'push:other', 'heartbeat') }, ['type']),
  fc.anything(),
);

describe('zod/mini twins of the schemas the panel script parses', () => {
  it('PageContext: the same answer for every value', () => {
    fc.assert(
      fc.property(pageContext, (v) => agree(PageContext, PageContextMini, v)),
      { numRuns: 1_000 },
    );
  }, 120_000);

  it('PageContext: valid pages are accepted by both, not only refused alike', () => {
    const valid = {
      portal: 'amazon',
      pageKind: 'chargeback',
      url: 'https://sellercentral.amazon.com/gp/chargebacks/home.html',
      chargeback: { id: 'CB-1', amount: { amountMinor: 4599, currency: 'USD' }, respondBy: '2026-12-09T08:00:00Z' },
      recognition: { status: 'full', missing: [] },
    };
    expect(PageContextMini.safeParse(valid)).toEqual(PageContext.safeParse(valid));
    expect(PageContextMini.safeParse(valid).success).toBe(true);
  });

  it('TabPush: the same answer for every value', () => {
    fc.assert(
      fc.property(tabPush, (v) => agree(TabPush, TabPushMini, v)),
      { numRuns: 1_000 },
    );
  }, 120_000);

  it('Language: the same answer for every value', () => {
    fc.assert(fc.property(fc.oneof(fc.constantFrom('en', 'de', 'fr', 'es', 'it', 'ja', 'EN'), fc.anything()), (v) => agree(Language, LanguageMini, v)));
  });

  it('the twins infer the same types', () => {
    expectTypeOf<zm.output<typeof PageContextMini>>().toEqualTypeOf<z.output<typeof PageContext>>();
    expectTypeOf<zm.input<typeof PageContextMini>>().toEqualTypeOf<z.input<typeof PageContext>>();
    expectTypeOf<zm.output<typeof TabPushMini>>().toEqualTypeOf<z.output<typeof TabPush>>();
  });
});
