import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('waits the base after the first failure and doubles up to the ceiling', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, { baseMs: 250, maxMs: 10_000 }));
    expect(delays).toEqual([250, 250, 500, 1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelay(7, { baseMs: 250, maxMs: 10_000 })).toBe(10_000);
  });

  it('stays finite and at the ceiling after any number of failures, even with a zero base', () => {
    expect(backoffDelay(5_000, { baseMs: 500, maxMs: 15_000 })).toBe(15_000);
    expect(backoffDelay(5_000, { baseMs: 0, maxMs: 15_000 })).toBe(0);
  });
});
