// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { FIXTURES } from '../../tests/fixtures/manifest';
import { liveFixture, parseFixture } from '../../tests/fixtures/load';
import { PageContext } from '../schemas';
import { ADAPTERS, adapterForHost } from './adapters';

describe('every fixture through its adapter', () => {
  test('fixture names and served URLs are unique', () => {
    expect(new Set(FIXTURES.map((f) => f.name)).size).toBe(FIXTURES.length);
    const served = FIXTURES.map((f) => {
      const u = new URL(f.url);
      return u.host + u.pathname + u.search;
    });
    expect(new Set(served).size).toBe(FIXTURES.length);
  });

  for (const fixture of FIXTURES) {
    test(`${fixture.name}: ${fixture.expected.pageKind}, ${fixture.expected.recognition}`, async () => {
      const url = new URL(fixture.url);
      const adapter = adapterForHost(url.hostname);
      expect(adapter).toBeDefined();
      // The page as a browser shows it: its scripts run (Katal components, shadow roots, frames, async rendering).
      const doc = await liveFixture(fixture, (d) => adapter!.isContentReady(fixture.expected.pageKind, d));
      const { expected } = fixture;
      const kind = adapter!.classify(url, doc);
      expect(kind).toBe(fixture.expected.pageKind);
      const context = adapter!.extract(url, doc);
      expect(PageContext.safeParse(context).success).toBe(true);
      expect(context.pageKind).toBe(fixture.expected.pageKind);
      expect(context.orderId).toBe(fixture.expected.orderId);
      expect(context.buyer?.name).toBe(fixture.expected.buyerName);
      expect(context.marketplace?.code).toBe(fixture.expected.marketplace);
      expect(context.recognition.status, JSON.stringify(context.recognition)).toBe(fixture.expected.recognition);
      expect(context.recognition.missing.length === 0).toBe(fixture.expected.recognition === 'full');
      expect(adapter!.isContentReady(kind, doc)).toBe(fixture.expected.recognition !== 'unrecognized');
      // The clock starts when the page says (absent: the page shows no start).
      expect(context.clockStart?.at).toBe(expected.clockStart);
      if (expected.orderRef !== undefined || context.orderRef !== undefined) expect(context.orderRef).toBe(expected.orderRef);
      if (expected.shipTo) expect(context.shipTo).toMatchObject(expected.shipTo);
      if (expected.totals) {
        expect(context.totals?.total?.currency).toBe(expected.totals.currency);
        if (expected.totals.totalMinor !== undefined) expect(context.totals?.total?.amountMinor).toBe(expected.totals.totalMinor);
        if (expected.totals.itemSubtotalMinor !== undefined) expect(context.totals?.subtotal?.amountMinor).toBe(expected.totals.itemSubtotalMinor);
      }
      // Every field read says which tier found it.
      if (expected.orderId) expect(context.fieldTiers?.orderId).toBeDefined();
      if (expected.buyerName) expect(context.fieldTiers?.['buyer.name']).toBeDefined();
      if (expected.marketplace && adapter!.id === 'amazon') expect(context.fieldTiers?.marketplace).toBeDefined();
    });
  }

  test("a thread in a same-origin frame: the message is the buyer's text, not its bubble header", async () => {
    const fixture = FIXTURES.find((f) => f.name === 'amazon-de-inbox-iframe-fr-order')!;
    const url = new URL(fixture.url);
    const adapter = adapterForHost(url.hostname)!;
    const doc = await liveFixture(fixture, (d) => adapter.isContentReady('message', d));
    const context = adapter.extract(url, doc);
    expect(context.message?.body).toMatch(/^Le retour est créé\./);
    expect(context.message?.from).toBe('buyer');
  });

  for (const fixture of FIXTURES.filter((f) => f.async)) {
    test(`${fixture.name}: not ready while the spinner shows, still classified from the URL`, () => {
      const url = new URL(fixture.url);
      const adapter = adapterForHost(url.hostname)!;
      const doc = parseFixture(fixture);
      expect(adapter.classify(url, doc)).toBe(fixture.expected.pageKind);
      expect(adapter.isContentReady(fixture.expected.pageKind, doc)).toBe(false);
      // Extracting too early must not throw; it reports the page as not (yet) recognised.
      expect(adapter.extract(url, doc).recognition.status).toBe('unrecognized');
    });
  }
});

describe('registry', () => {
  test('hosts map to adapters', () => {
    expect(adapterForHost('sellercentral.amazon.de')?.id).toBe('amazon');
    expect(adapterForHost('sellercentral-europe.amazon.com')?.id).toBe('amazon');
    expect(adapterForHost('zdirect.zalando.com')?.id).toBe('zalando');
    expect(adapterForHost('partner.zalando.com')).toBeUndefined();
    expect(adapterForHost('evil-sellercentral.amazon.de.example.com')).toBeUndefined();
  });

  test('extract never throws, even on an empty or hostile document', () => {
    const empty = new DOMParser().parseFromString('', 'text/html');
    for (const adapter of ADAPTERS) {
      const host = adapter.id === 'amazon' ? 'sellercentral.amazon.com' : 'zdirect.zalando.com';
      for (const path of ['/orders-v3/order/not-an-id', '/orders/x', '/gp/chargebacks/home.html#/details?chargebackId=%E0%A4%A', '/']) {
        const context = adapter.extract(new URL(`https://${host}${path}`), empty);
        expect(PageContext.safeParse(context).success).toBe(true);
      }
      expect(adapter.findReplyBox(empty)).toBeNull();
    }
  });
});
