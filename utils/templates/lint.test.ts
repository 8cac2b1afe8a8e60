import { describe, expect, it } from 'vitest';
import { lintTemplate } from './lint';

const rules = (body: string, portal: 'amazon' | 'zalando' = 'amazon') => lintTemplate(body, { portal }).map((f) => f.rule);

describe('lintTemplate: links', () => {
  it.each([
    ['See https://myshop.example.com/returns for details'],
    ['Go to www.meinshop.de'],
    ['Our site meinshop.de has more'],
    ['Visit http://bit.ly/abc'],
    ['Log in at https://amazon.de.account-check.com/verify'],
  ])('flags %s', (body) => {
    expect(rules(body)).toContain('external-link');
  });

  it('allows Amazon links and text that only looks dotted', () => {
    for (const body of [
      'Track it on https://www.amazon.de/gp/your-account/order-details?orderID={{order.id}}',
      'See amazon.co.uk/returns or amzn.to/3xyz',
      'Bitte z.B. das Foto schicken, Version 1.5 ist aktuell.',
      'Vielen Dank! Ihre Bestellung {{order.id}} ist unterwegs.',
    ]) {
      expect(rules(body), body).toEqual([]);
    }
  });

  it('reports one finding per link with an excerpt', () => {
    const findings = lintTemplate('Hello, please see https://www.myshop.de/faq for answers.', { portal: 'amazon' });
    expect(findings).toEqual([
      {
        rule: 'external-link',
        message: 'Links outside Amazon are not allowed in buyer messages',
        excerpt: 'Hello, please see https://www.myshop.de/faq for answers.',
      },
    ]);
  });
});

describe('lintTemplate: contact details', () => {
  it.each([
    ['Write to support@myshop.de'],
    ['Call +49 30 1234567'],
    ['Telefon: 030 1234567'],
    ['Call (206) 555-0100 anytime'],
    ['Message us on WhatsApp'],
    ['Appelez-nous demain'],
    ['Fax: 0301234567'],
    ['Tel-Nr.: 0301234567'],
  ])('flags %s', (body) => {
    expect(rules(body)).toContain('contact-details');
  });

  it('does not mistake order ids, dates, prices or tracking placeholders for phone numbers', () => {
    expect(rules('Order 302-1234567-1234567 of 20.11.2026 for 1.234,56 € ships as {{tracking.number}}.')).toEqual([]);
  });

  // Found by the property test: a SKU that starts with a phone word joined to its digits is a code.
  it.each(['L’article FAX-000000-BLK est de nouveau disponible.', 'Item TEL-123456-XL is back in stock.', 'Artikel FAX-000000-42 ist da.'])(
    'leaves the SKU in %s alone',
    (body) => {
      expect(rules(body)).toEqual([]);
    },
  );

  it('flags an email only once, not also as a link', () => {
    expect(rules('support@myshop.de')).toEqual(['contact-details']);
  });
});

describe('lintTemplate: marketing in five languages', () => {
  it.each([
    ['Use coupon SAVE10 on your next order'],
    ['Mit dem Gutscheincode erhalten Sie 10 % Rabatt'],
    ["Profitez d'une remise de 10 %"],
    ['Le ofrecemos un descuento'],
    ['Ti offriamo uno sconto'],
    ['Visit our shop for more'],
    ['Besuchen Sie unseren Shop'],
    ['Visitez notre boutique'],
    ['Visite nuestra tienda'],
    ['Visita il nostro negozio'],
    ['Leave a review and get a free gift!'],
    ['Für eine Bewertung schenken wir Ihnen ein Geschenk.'],
    ['Laissez un avis et recevez un cadeau'],
    ['Deje una reseña y reciba un regalo'],
    ['Lascia una recensione e ricevi un omaggio'],
    ['We would love a 5-star review'],
    ['Über eine positive Bewertung freuen wir uns'],
  ])('flags %s', (body) => {
    expect(rules(body)).toContain('marketing');
  });

  it('allows ordinary service language about refunds and feedback', () => {
    for (const body of [
      'Thank you for your feedback. We have issued a full refund.',
      'Danke für Ihr Feedback, die Erstattung ist veranlasst.',
      'Nous avons effectué le remboursement.',
      'Hemos procesado el reembolso.',
      'Abbiamo emesso il rimborso.',
    ]) {
      expect(rules(body), body).toEqual([]);
    }
  });
});

describe('lintTemplate: variables and portals', () => {
  it('names unknown variables on every portal, and lints fallbacks', () => {
    expect(lintTemplate('Hi {{buyer.nickname}}', { portal: 'zalando' })).toEqual([
      { rule: 'unknown-variable', message: '{{buyer.nickname}} is not a known variable; it will be asked for on every insert', excerpt: '{{buyer.nickname}}' },
    ]);
    expect(rules('Hi {{buyer.firstName | "friend, see www.myshop.de"}}')).toEqual(['external-link']);
  });

  it('applies the Amazon buyer-messaging rules only to Amazon', () => {
    expect(rules('See www.myshop.de for a discount', 'zalando')).toEqual([]);
    expect(rules('See www.myshop.de for a discount', 'amazon')).toEqual(['external-link', 'marketing']);
  });
});
