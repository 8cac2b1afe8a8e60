import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disputeIdOfHash, inboxPathFor } from './inbox-link';

describe('the inbox link to one dispute', () => {
  it('reads back every dispute id it writes', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const path = inboxPathFor(id);
        expect(path.startsWith('/disputes.html#')).toBe(true);
        expect(disputeIdOfHash(path.slice(path.indexOf('#')))).toBe(id.toLowerCase());
      }),
    );
  });

  it('reads nothing but a UUID from an address', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const id = disputeIdOfHash(`#dispute=${encodeURIComponent(text)}`);
        expect(id === null || /^[0-9a-f-]{36}$/.test(id)).toBe(true);
      }),
    );
    expect(disputeIdOfHash('#dispute=../../v1/teams')).toBeNull();
    expect(disputeIdOfHash('')).toBeNull();
    expect(disputeIdOfHash('#other=1')).toBeNull();
  });
});
