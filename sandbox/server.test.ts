import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../tests/fixtures/manifest';
import { findFixture } from './server';

describe('sandbox routing', () => {
  it('serves every fixture at its own URL', () => {
    for (const f of FIXTURES) {
      const u = new URL(f.url);
      expect(findFixture(u.hostname, u.pathname + u.search)?.name, f.url).toBe(f.name);
    }
  });
  it('serves SPA shells for the order paths they render, and nothing for unknown paths', () => {
    const list = FIXTURES.find((f) => f.alsoServes?.length);
    expect(list).toBeDefined();
    expect(findFixture('sellercentral.amazon.de', '/inventory')).toBeUndefined();
    expect(findFixture('evil.example', '/orders-v3/order/302-1234567-1234567')).toBeUndefined();
  });
});
