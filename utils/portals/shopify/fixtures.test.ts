// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { parseFixture } from '../../../tests/fixtures/load';
import { SHOPIFY_FIXTURES } from '../../../tests/fixtures/manifest-shopify';
import type { PageSpec, PortalFixtureEntry } from '../../../tests/fixtures/page-spec';
import { PageContext } from '../../schemas';
import { insertIntoReplyBox } from '../reply-box';
import { disputeBanner, readDisputeBanner } from './dispute';
import { shopifyAdapter } from '.';

/**
 * Every Shopify admin page of the manifest against the full spec written for it before this adapter
 * existed (tests/fixtures/manifest-shopify.ts): ids, buyer, status, dates, items, totals, the risk card,
 * the dispute banner and the timeline's comment box.
 */

/** The page as rendered for one order: the shell's main content replaced by the order's template. */
function renderedAt(entry: PortalFixtureEntry, url: string): Document {
  const doc = parseFixture(entry);
  const orderTemplate = doc.querySelector<HTMLTemplateElement>(`template[data-fixture-order="${/(\d+)$/.exec(new URL(url).pathname)![1]}"]`);
  const template = orderTemplate ?? doc.querySelector<HTMLTemplateElement>('template[data-fixture-render]');
  if (template) doc.getElementById('AppFrameMain')!.replaceChildren(template.content.cloneNode(true));
  return doc;
}

const pages = SHOPIFY_FIXTURES.flatMap((entry) => [
  { entry, url: entry.url, spec: entry.expected },
  ...(entry.afterNavigation ? [{ entry, url: entry.afterNavigation.url, spec: entry.afterNavigation.expected }] : []),
]);

function checkPage(context: PageContext, spec: PageSpec) {
  expect(PageContext.safeParse(context).success).toBe(true);
  expect(context.pageKind).toBe(spec.pageKind);
  expect(context.orderId).toBe(spec.orderId);
  expect(context.orderRef).toBe(spec.orderRef);
  expect(context.buyer?.name).toBe(spec.buyerName);
  expect(context.marketplace?.code).toBe(spec.marketplace);
  expect(context.marketplace?.domain).toBe(`${spec.store}.myshopify.com`);
  expect(context.recognition, JSON.stringify(context.recognition)).toMatchObject({ status: spec.recognition, missing: [] });
  expect(context.orderStatus).toBe(spec.status);
  expect(context.purchasedAt).toBe(spec.placedAt);
  expect(context.shipTo).toMatchObject(spec.shipTo!);
  expect(context.totals?.total).toEqual({ amountMinor: spec.totals!.totalMinor, currency: spec.totals!.currency });
  expect(context.totals?.subtotal).toEqual({ amountMinor: spec.totals!.itemSubtotalMinor, currency: spec.totals!.currency });
  expect(
    context.items.map((i) => ({ title: i.title, variant: i.variant, sku: i.sku, quantity: i.quantity, unitPriceMinor: i.unitPrice?.amountMinor })),
  ).toEqual(spec.items!.map(({ state: _state, ...item }) => item));
  expect(context.portalRisk ? { level: context.portalRisk.level, recommendation: context.portalRisk.recommendation } : undefined).toEqual(
    spec.risk ? { level: spec.risk.level, recommendation: spec.risk.recommendation } : undefined,
  );
  expect(context.clockStart?.at).toBe(spec.clockStart);
  expect(context.trackingNumber).toBe(spec.tracking?.number);
  expect(context.shippingService).toBe(spec.tracking?.carrier);
  if (spec.dispute) {
    expect(context.chargeback).toMatchObject({
      amount: { amountMinor: spec.dispute.amountMinor, currency: spec.dispute.currency },
      reason: spec.dispute.reasonText,
      notifiedAt: spec.dispute.openedAt,
      status: spec.dispute.status,
      stage: spec.dispute.type === 'INQUIRY' ? 'inquiry' : 'chargeback',
    });
    expect(context.chargeback?.respondBy).toBe(spec.dispute.evidenceDueBy);
    expect(context.chargeback?.id).toBeTruthy();
    if (spec.dispute.evidenceDueBy) expect(context.clockStart).toEqual({ at: spec.dispute.openedAt, endsAt: spec.dispute.evidenceDueBy, source: 'notice' });
  } else {
    expect(context.chargeback).toBeUndefined();
  }
  // Every field says how it was found; none of the order's fields needed the URL but the legacy id.
  expect(context.fieldTiers).toMatchObject({ orderId: 'structure', 'buyer.name': 'label', orderRef: 'url', 'totals.total': 'label' });
}

describe('every Shopify admin fixture reads what its spec states', () => {
  test('the pages cover both hosts, every risk level and none, open and closed disputes', () => {
    expect(new Set(SHOPIFY_FIXTURES.map((f) => new URL(f.url).hostname.replace(/^[^.]+\.myshopify/, '*.myshopify')))).toEqual(
      new Set(['admin.shopify.com', '*.myshopify.com']),
    );
    expect(new Set(pages.map((p) => p.spec.risk?.level ?? 'absent'))).toEqual(new Set(['HIGH', 'MEDIUM', 'LOW', 'NONE', 'PENDING', 'absent']));
  });

  for (const { entry, url, spec } of pages) {
    test(`${entry.name} at ${new URL(url).pathname}: ${spec.pageKind} ${spec.orderId}`, () => {
      const doc = renderedAt(entry, url);
      expect(shopifyAdapter.classify(new URL(url), doc)).toBe(spec.pageKind);
      expect(shopifyAdapter.isContentReady(spec.pageKind, doc)).toBe(true);
      checkPage(shopifyAdapter.extract(new URL(url), doc), spec);
    });
  }

  for (const { entry, spec } of pages.filter((p) => p.spec.dispute)) {
    test(`${entry.name}: the banner's dispute is Shopify's ${spec.dispute!.type} ${spec.dispute!.status} for ${spec.dispute!.reason}`, () => {
      const banner = disputeBanner(renderedAt(entry, entry.url));
      expect(readDisputeBanner(banner!)).toMatchObject({ status: spec.dispute!.status, reason: spec.dispute!.reason, reasonText: spec.dispute!.reasonText });
    });
  }

  test('an async page is not ready (nor read) while its shell shows the spinner, and is classified from the URL', () => {
    for (const entry of SHOPIFY_FIXTURES.filter((f) => f.async)) {
      const doc = parseFixture(entry);
      expect(shopifyAdapter.classify(new URL(entry.url), doc)).toBe(entry.expected.pageKind);
      expect(shopifyAdapter.isContentReady(entry.expected.pageKind, doc)).toBe(false);
      const context = shopifyAdapter.extract(new URL(entry.url), doc);
      expect(context.recognition.status).toBe('unrecognized');
      expect(context.orderId).toBeUndefined();
    }
  });
});

describe("the timeline's comment box takes a template as a staff-only note", () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  for (const entry of SHOPIFY_FIXTURES) {
    test(`${entry.name}: the comment box, never the search or tags field, and the page sees the text`, () => {
      const rendered = renderedAt(entry, entry.url);
      document.documentElement.setAttribute('lang', rendered.documentElement.getAttribute('lang') ?? 'en');
      document.body.replaceChildren(...Array.from(rendered.body.childNodes).map((n) => document.importNode(n, true)));
      const target = shopifyAdapter.findReplyBox(document);
      expect(target).not.toBeNull();
      const box = target!.element;
      expect(`${box.getAttribute('aria-label')}`).toMatch(/comment|kommentar|commentaire|comentario|commento/i);
      expect(box.closest('section, .Polaris-Card')?.querySelector('h2')?.textContent).toMatch(/timeline|verlauf|chronologie|cronolog/i);
      expect(insertIntoReplyBox(target!, 'Called the buyer: parcel left with a neighbour.')).toEqual({ ok: true });
      const text = target!.kind === 'textarea' ? (box as HTMLTextAreaElement).value : box.textContent;
      expect(text).toBe('Called the buyer: parcel left with a neighbour.');
    });
  }

  test('a page without a timeline has no comment box', () => {
    document.body.innerHTML = '<main><h1>#1001</h1><input type="search" aria-label="Search"><input aria-label="Tags"></main>';
    expect(shopifyAdapter.findReplyBox(document)).toBeNull();
  });
});
