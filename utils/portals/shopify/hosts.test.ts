// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifySender } from '../../../entrypoints/background/router';
import { renderedFixture } from '../../../tests/fixtures/load';
import { fixtureByName } from '../../../tests/fixtures/manifest';
import { disputeFromPage } from '../../../server/services/disputes-page';
import { MarketplaceCode } from '../../schemas/common';
import { withStartFromDeadline } from '../../../server/services/case-clock';
import { caseKindForPage } from '../../sla/case-kind';
import { DEFAULT_POLICIES } from '../../sla/policies';
import { adapterForHost } from '../adapters';
import { hostMatches, isPortalPage, matchesOf, portalOfHost, portalOfMarketplace } from '../catalogue';
import { adminLocation } from './hosts';
import { shopifyPortal } from './portal';
import { shopifyAdapter } from '.';

describe('the admin hosts: admin.shopify.com and any shop on *.myshopify.com, admin paths only', () => {
  test('a host pattern matches one label in front of its domain, never the domain itself or a look-alike', () => {
    expect(portalOfHost('admin.shopify.com')?.id).toBe('shopify');
    expect(portalOfHost('Maison-Lenoir.myshopify.com')?.id).toBe('shopify');
    for (const host of ['myshopify.com', 'a.b.myshopify.com', 'maison-lenoir.myshopify.com.evil.example', 'evilmyshopify.com', 'shopify.com']) {
      expect(portalOfHost(host), host).toBeUndefined();
      expect(adapterForHost(host), host).toBeUndefined();
    }
  });

  test('every shop handle is one host of the pattern, and the adapter agrees with the registry', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), (handle) => {
        const host = `${handle}.myshopify.com`;
        expect(hostMatches('*.myshopify.com', host)).toBe(true);
        expect(adapterForHost(host)?.id).toBe('shopify');
        expect(adminLocation(new URL(`https://${host}/admin/orders/1`))).toEqual({ store: handle, path: '/orders/1' });
      }),
    );
  });

  test("the manifest asks for the admin, never a shop's storefront; a storefront page is no portal sender", () => {
    expect(matchesOf(shopifyPortal)).toEqual(['https://admin.shopify.com/store/*', 'https://*.myshopify.com/admin/*']);
    expect(isPortalPage(new URL('https://admin.shopify.com/store/northwind-outfitters/orders/5843217690123'))).toBe(true);
    expect(isPortalPage(new URL('https://maison-lenoir.myshopify.com/admin/orders/5390012876544'))).toBe(true);
    expect(isPortalPage(new URL('https://maison-lenoir.myshopify.com/products/bougie-figuier'))).toBe(false);
    expect(isPortalPage(new URL('https://admin.shopify.com/login'))).toBe(false);
    expect(isPortalPage(new URL('http://admin.shopify.com/store/x/orders'))).toBe(false);
    // Other portals keep their whole hosts.
    expect(isPortalPage(new URL('https://zdirect.zalando.com/anything'))).toBe(true);
    const sender = (url: string) => classifySender({ id: 'ext', url }, 'ext', 'chrome-extension://ext/');
    expect(sender('https://maison-lenoir.myshopify.com/admin/orders/5390012876544')).toBe('portal');
    expect(sender('https://maison-lenoir.myshopify.com/cart')).toBe('rejected');
  });
});

describe('the store as a marketplace', () => {
  test('SHOPIFY and SHOPIFY-<country> are marketplace codes of the portal', () => {
    for (const code of ['SHOPIFY', 'SHOPIFY-DE']) {
      expect(MarketplaceCode.safeParse(code).success).toBe(true);
      expect(portalOfMarketplace(code)?.id).toBe('shopify');
    }
    expect(shopifyPortal.marketplaces.country('SHOPIFY-DE')).toBe('DE');
    expect(MarketplaceCode.safeParse('SHOPIFY-DEU').success).toBe(false);
  });
});

describe("a chargeback banner feeds the disputes model as the shop's own card dispute", () => {
  const contextOf = (name: string) => {
    const entry = fixtureByName(name);
    return shopifyAdapter.extract(new URL(entry.url), renderedFixture(entry));
  };

  test("an open chargeback: a card dispute of the store, Shopify's due date binding when it comes first", () => {
    const dispute = disputeFromPage(contextOf('shopify-order-de-chargeback'), DEFAULT_POLICIES, new Date('2026-12-01T13:00:00Z'));
    expect(dispute).toMatchObject({
      kind: 'card_dispute',
      portal: 'shopify',
      marketplace: 'SHOPIFY',
      orderId: '#2318',
      amountMinor: 8900,
      currency: 'EUR',
      reasonText: 'Produkt nicht erhalten',
      reason: 'not_received',
    });
    expect(dispute.externalId).toMatch(/6021198334512/);
    expect(dispute.filedAt.toISOString()).toBe('2026-11-28T09:31:00.000Z');
    expect(dispute.deadline.toISOString()).toBe('2026-12-08T18:00:00.000Z');
    // The panel's countdown ends on Shopify's due date too; a closed dispute's order page has no clock.
    const clock = caseKindForPage(contextOf('shopify-order-de-chargeback'));
    expect(clock).toEqual({ caseKind: 'card_dispute', endsAt: '2026-12-08T18:00:00.000Z' });
    expect(withStartFromDeadline(clock!, DEFAULT_POLICIES).startedAt).toBeDefined();
    expect(caseKindForPage(contextOf('shopify-order-es-chargeback-won'))).toBeNull();
  });

  test('the same page read twice is the same dispute (its id is stable)', () => {
    const a = disputeFromPage(contextOf('shopify-order-en-gb-inquiry'), DEFAULT_POLICIES, new Date('2026-12-01T15:00:00Z'));
    const b = disputeFromPage(contextOf('shopify-order-en-gb-inquiry'), DEFAULT_POLICIES, new Date('2026-12-02T09:00:00Z'));
    expect(a.externalId).toBe(b.externalId);
    expect(a.deadline.toISOString()).toBe('2026-12-04T23:00:00.000Z');
  });
});
