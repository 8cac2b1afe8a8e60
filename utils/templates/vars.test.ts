import { describe, expect, it } from 'vitest';
import { PageContext, type PageContextInput } from '../schemas/page';
import { orderContext } from '../../tests/helpers/fraud-orders';
import { renderTemplate } from './render';
import { displayName, firstNameOf, templateVarsFromContext } from './vars';

const ctx = (overrides: Partial<PageContextInput> = {}) => PageContext.parse(orderContext(overrides));

describe('firstNameOf', () => {
  it.each([
    ['Max Mustermann', 'Max'],
    ['Dr. Anna-Lena Schmidt', 'Anna-Lena'],
    ['MUSTERMANN, MAX', 'Max'],
    ['Mustermann, Max', 'Max'],
    ['MAX MUSTERMANN', 'Max'],
    ['  Frau   Erika  Musterfrau ', 'Erika'],
    ['Mme Amélie Poulain', 'Amélie'],
    ['Sig.ra Giulia Rossi', 'Giulia'],
    ['Sra. María José García', 'María'],
    ["SEAN O'BRIEN", 'Sean'],
    ['Don Draper', 'Don'],
  ])('%s -> %s', (name, first) => {
    expect(firstNameOf(name)).toBe(first);
  });

  it.each([['Mustermann'], ['J. Smith'], ['ACME Handels GmbH'], ['Widget Ltd.'], [''], ['Dr. Schmidt']])('%s -> cannot tell', (name) => {
    expect(firstNameOf(name)).toBeUndefined();
  });
});

describe('displayName', () => {
  it("puts shouted names in ordinary case and keeps the buyer's own mixed case", () => {
    expect(displayName('MAX  MUSTERMANN')).toBe('Max Mustermann');
    expect(displayName('Jan de Vries')).toBe('Jan de Vries');
    expect(displayName('ANNA-LENA SCHMIDT')).toBe('Anna-Lena Schmidt');
  });
});

describe('templateVarsFromContext', () => {
  it('takes what the page shows', () => {
    const vars = templateVarsFromContext(
      ctx({
        trackingNumber: 'JJD000390007',
        items: [
          { title: 'Kaffeebecher, 2er Set', quantity: 1 },
          { title: 'Teller', quantity: 2 },
          { asin: 'B000TEST01', quantity: 1 },
        ],
      }),
      { agentName: 'Jana', slaDeadline: '2026-11-21T13:30:00Z', language: 'de' },
    );
    expect(vars).toEqual({
      'buyer.name': 'Max Mustermann',
      'buyer.firstName': 'Max',
      'order.id': '302-1234567-1234567',
      'order.items': 'Kaffeebecher, 2er Set, 2 × Teller und B000TEST01',
      'tracking.number': 'JJD000390007',
      'sla.deadline': '2026-11-21T13:30:00Z',
      'agent.name': 'Jana',
      marketplace: 'Amazon.de',
    });
  });

  it('leaves out what the page does not show, so rendering reports it missing', () => {
    const vars = templateVarsFromContext(ctx({ buyer: undefined, shipTo: undefined, items: [], marketplace: undefined }), { agentName: 'Jana' });
    expect(vars).toEqual({ 'order.id': '302-1234567-1234567', 'agent.name': 'Jana' });
    expect(renderTemplate('Hi {{buyer.firstName | "there"}}, tracking {{tracking.number}}', vars)).toEqual({
      text: 'Hi there, tracking {{tracking.number}}',
      missing: ['tracking.number'],
    });
  });

  it("uses Zalando's customer-facing order number and store name", () => {
    const vars = templateVarsFromContext(
      ctx({
        portal: 'zalando',
        url: 'https://zdirect.zalando.com/orders/x',
        orderId: '1d2c3b4a-0000-4000-8000-000000000001',
        orderNumber: '1040970000502251',
        marketplace: { code: 'ZALANDO-DE' },
      }),
      { agentName: 'Jana' },
    );
    expect(vars['order.id']).toBe('1040970000502251');
    expect(vars.marketplace).toBe('Zalando');
  });

  it('derives the storefront from the marketplace code when the page has no domain', () => {
    expect(templateVarsFromContext(ctx({ marketplace: { code: 'UK' } }), { agentName: 'A' }).marketplace).toBe('Amazon.co.uk');
  });
});
