import { describe, expect, test } from 'vitest';
import type { PageKind } from '../../schemas';
import { cleanPath, EXAMPLES, isAmazonOrderId, pageKindFromUrl, URL_PREDICATES } from './pages';

describe('Amazon URL predicates', () => {
  for (const [kind, predicate] of URL_PREDICATES) {
    test(`${kind} accepts its own examples and rejects every other kind's`, () => {
      for (const [exampleKind, urls] of Object.entries(EXAMPLES) as [PageKind, readonly string[]][]) {
        for (const url of urls) expect(predicate(new URL(url)), `${kind} on ${url}`).toBe(exampleKind === kind);
      }
    });
  }

  test('every example classifies as its own kind, unknown pages as unknown', () => {
    for (const [kind, urls] of Object.entries(EXAMPLES)) for (const url of urls) expect(pageKindFromUrl(new URL(url))).toBe(kind);
  });

  test('ref= segments are not part of the path', () => {
    expect(cleanPath(new URL('https://sellercentral.amazon.de/orders-v3/ref=xx_myo_dnav_xx/'))).toBe('/orders-v3');
  });

  test('order id format', () => {
    for (const id of ['302-1234567-1234567', 'D01-1234567-1234567', '000-0000000-0000000']) expect(isAmazonOrderId(id)).toBe(true);
    for (const id of ['302-123456-1234567', '3021234567123456', 'abc', '', undefined, '302-1234567-1234567x']) expect(isAmazonOrderId(id)).toBe(false);
  });
});
