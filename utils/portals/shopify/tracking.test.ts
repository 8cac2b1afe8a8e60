// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { shopifyMarketplace } from './marketplaces';
import { ShopifyReader } from './read';
import { readTracking } from './tracking';

/**
 * The fulfilment card's tracking, in the shapes the admin prints it: "Carrier · number · status" under a
 * "Fulfilled (n)" badge, the number as a link to the carrier, or a "Tracking number" label; in the five
 * admin languages. Written before the reader.
 */
function readerOf(html: string, language = 'en'): ShopifyReader {
  document.body.innerHTML = `<main>${html}</main>`;
  const scope = document.querySelector('main')!;
  return new ShopifyReader(new URL('https://admin.shopify.com/store/x/orders/1'), document, scope, language, shopifyMarketplace('x', language, 'EUR'));
}

const ITEM_ROW = `<div><span>Wool socks<br><span>M · SKU: NW-SK3-M</span></span><span>$24.00 × 2</span><span>$48.00</span></div>`;

describe('the tracking number on a Shopify order page', () => {
  test('"Carrier · number · status" under the fulfilled badge, in every admin language, found by label', () => {
    for (const [lang, badge, status] of [
      ['en', 'Fulfilled (2)', 'Delivered 4 Nov 2026'],
      ['de', 'Erfüllt (1)', 'Versendet 4. Nov. 2026'],
      ['fr', 'Traité (3)', 'Livré le 4 nov. 2026'],
      ['es', 'Preparado (1)', 'Entregado 4 nov 2026'],
      ['it', 'Evaso (2)', 'Consegnato 4 nov 2026'],
      ['en', 'Partially fulfilled (1)', 'In transit'],
    ] as const) {
      const reader = readerOf(`<section><h2><span>${badge}</span></h2><p>GLS Parcel · 64801234567 · ${status}</p>${ITEM_ROW}</section>`, lang);
      expect(readTracking(reader), `${lang} ${badge}`).toEqual({ trackingNumber: '64801234567', shippingService: 'GLS Parcel' });
      expect(reader.log.tiers['trackingNumber']).toBe('label');
    }
  });

  test('the number as a link to the carrier, with no card heading the reader knows: found by structure', () => {
    const reader = readerOf(
      `<div><div><span>UPS</span> <a href="https://www.ups.com/track?tracknum=1Z999AA10123456784" target="_blank">1Z999AA10123456784</a></div>${ITEM_ROW}</div>`,
    );
    expect(readTracking(reader)).toEqual({ trackingNumber: '1Z999AA10123456784', shippingService: 'UPS' });
    expect(reader.log.tiers['trackingNumber']).toBe('structure');
  });

  test('a "Tracking number" label with its value, in French', () => {
    const reader = readerOf(
      `<section><h2>Traité (1)</h2><p>Transporteur : Colissimo</p><p>Numéro de suivi : <a href="https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901">6A12345678901</a></p></section>`,
      'fr',
    );
    expect(readTracking(reader).trackingNumber).toBe('6A12345678901');
  });

  test('nothing on an unfulfilled order, nor from SKUs, variants, prices or order names', () => {
    const reader = readerOf(
      `<section><h2><span>Unfulfilled (3)</span></h2>${ITEM_ROW}<div><span>Plate<br><span>Ø 28 cm · SKU: BS1234567890</span></span><span>€38.00 × 2</span></div></section>
       <section><h2>Paid</h2><div><span>Shipping</span><span>BRT Standard</span><span>€7.90</span></div></section>
       <a href="/store/x/orders/5843217690801">#1053</a>`,
    );
    expect(readTracking(reader)).toEqual({});
  });

  test('a generated number and carrier are read back exactly', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{0,2}\d{8,22}[A-Z]{0,2}$/),
        fc.constantFrom('DHL Paket', 'Royal Mail Tracked 48', 'Correos Express', 'PostNL', 'Poste Italiane', 'DPD', 'Hermes'),
        fc.constantFrom(['en', 'Fulfilled (1)'], ['de', 'Erfüllt (4)'], ['fr', 'Traité (2)'], ['es', 'Preparado (1)'], ['it', 'Evaso (3)']),
        (number, carrier, [lang, badge]) => {
          const reader = readerOf(`<section><h2><span>${badge}</span></h2><p>${carrier} · ${number} · 12.11.2026</p>${ITEM_ROW}</section>`, lang);
          expect(readTracking(reader)).toEqual({ trackingNumber: number, shippingService: carrier });
        },
      ),
      { numRuns: 200 },
    );
  });
});
