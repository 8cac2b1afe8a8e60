// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import type { PageKind } from '../../schemas';
import { classifyByContent } from './detect';
import { EXAMPLES, pageKindFromUrl, URL_PREDICATES } from './pages';

describe('Zalando URL predicates', () => {
  for (const [kind, predicate] of URL_PREDICATES) {
    test(`${kind} accepts its own examples and rejects every other kind's`, () => {
      for (const [exampleKind, urls] of Object.entries(EXAMPLES) as [PageKind, readonly string[]][]) {
        for (const url of urls) expect(predicate(new URL(url)), `${kind} on ${url}`).toBe(exampleKind === kind);
      }
    });
  }
  test('every example classifies as its own kind', () => {
    for (const [kind, urls] of Object.entries(EXAMPLES)) for (const url of urls) expect(pageKindFromUrl(new URL(url))).toBe(kind);
  });
});

describe('Zalando detection by content', () => {
  const doc = (body: string) => new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
  test('status tabs make an order list', () => {
    expect(
      classifyByContent(
        doc('<div role="tablist"><a role="tab">Initial (3)</a><a role="tab">Approved</a><a role="tab">Fulfilled (9)</a><a role="tab">All</a></div>'),
      ),
    ).toBe('order-list');
    expect(classifyByContent(doc('<div role="tablist"><a role="tab">Initial</a><a role="tab">Approved</a></div>'))).toBe('unknown');
  });
  test('Article details make an order, or a return when the page is a return', () => {
    expect(classifyByContent(doc('<h1>Order 1040970000502251</h1><h2>Article details</h2>'))).toBe('order');
    expect(classifyByContent(doc('<h1>Return 4d3c</h1><h2>Artikeldetails</h2>'))).toBe('return');
  });
  test('Customer Care requests are messages; other pages unknown', () => {
    expect(classifyByContent(doc('<h1>Customer Care request CC-1</h1>'))).toBe('message');
    expect(classifyByContent(doc('<h1>Dashboard</h1><h2>Returns this week</h2>'))).toBe('unknown');
  });
  test('status tabs with other count styles, German "Alle", or a state nav of links', () => {
    expect(
      classifyByContent(
        doc(
          '<div role="tablist"><button role="tab">Initial (0)</button><button role="tab">Approved (2)</button><button role="tab">Fulfilled (87)</button><button role="tab">Alle (89)</button></div>',
        ),
      ),
    ).toBe('order-list');
    expect(classifyByContent(doc('<nav><a>Initial · 1</a><a>Approved · 6</a><a>Fulfilled · 310</a><a>All · 317</a></nav>'))).toBe('order-list');
    // The side menu's links are not status tabs.
    expect(classifyByContent(doc('<nav><a>Orders</a><a>Returns</a><a>Customer Care</a></nav>'))).toBe('unknown');
  });
  test('the orders list with one order open in a drawer is that order; a closed drawer leaves the list', () => {
    const tabs = '<div role="tablist"><a role="tab">Initial</a><a role="tab">Approved</a><a role="tab">Fulfilled</a><a role="tab">All</a></div>';
    expect(classifyByContent(doc(`${tabs}<aside role="dialog"><h2>Order 1041230007700029</h2></aside>`))).toBe('order');
    expect(classifyByContent(doc(`${tabs}<aside role="dialog" hidden><h2>Order 1041230007700029</h2></aside>`))).toBe('order-list');
  });
  test('German headings: an order by its number, a return, a Customer Care request', () => {
    expect(classifyByContent(doc('<h1>Bestellung 1041230009912345</h1>'))).toBe('order');
    expect(classifyByContent(doc('<h1>Bestellung</h1>'))).toBe('unknown');
    expect(classifyByContent(doc('<h1>Retoure zur Bestellung 1041230009912353</h1>'))).toBe('return');
    expect(classifyByContent(doc('<h1>Kundenservice-Anfrage</h1>'))).toBe('message');
  });
});
