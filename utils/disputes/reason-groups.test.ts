import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardNetwork } from '../schemas/sla';
import { DisputeReason } from '../schemas/disputes';
import { CODES_BY_NETWORK } from './card-codes';
import { GROUP_OF_REASON, groupOfCode, reasonGroupOf } from './reason-groups';

/** Codes whose network files them in another family than our reason category would suggest. */
const NETWORK_SAYS_OTHERWISE = new Set([
  // Amex files "paid by other means" among cardmember disputes (C), Visa among processing errors (12.6).
  'amex C14',
]);

describe('reason groups', () => {
  it('follows the networks: Visa by family number, Amex by letter, Mastercard and Discover by list', () => {
    expect(groupOfCode('visa', '10.4')).toBe('fraud');
    expect(groupOfCode('visa', '11.3')).toBe('authorisation');
    expect(groupOfCode('visa', '12.6.1')).toBe('processing_error');
    expect(groupOfCode('visa', '13.1')).toBe('consumer_dispute');
    expect(groupOfCode('mastercard', '4837')).toBe('fraud');
    expect(groupOfCode('mastercard', '4808')).toBe('authorisation');
    expect(groupOfCode('mastercard', '4834')).toBe('processing_error');
    expect(groupOfCode('mastercard', '4853')).toBe('consumer_dispute');
    expect(groupOfCode('amex', 'F29')).toBe('fraud');
    expect(groupOfCode('amex', 'fr2')).toBe('fraud');
    expect(groupOfCode('amex', 'C08')).toBe('consumer_dispute');
    expect(groupOfCode('discover', 'UA02')).toBe('fraud');
    expect(groupOfCode('visa', '14.1')).toBeUndefined();
  });

  it('gives every code the engine knows a family, agreeing with its reason category', () => {
    for (const network of CardNetwork.options) {
      for (const [code, rule] of Object.entries(CODES_BY_NETWORK[network])) {
        const group = groupOfCode(network, code);
        // Amex inquiry and miscellaneous codes (R, M) belong to none of the four families.
        if (network === 'amex' && /^[RM]/.test(code)) {
          expect(group, `${network} ${code}`).toBeUndefined();
          continue;
        }
        expect(group, `${network} ${code}`).toBeDefined();
        const reason = typeof rule === 'string' ? rule : rule.text;
        const fromReason = GROUP_OF_REASON[reason];
        if (fromReason && !NETWORK_SAYS_OTHERWISE.has(`${network} ${code}`) && typeof rule === 'string') expect(group, `${network} ${code}`).toBe(fromReason);
      }
    }
  });

  it('lets a known code decide, else the reason, else says nothing (property)', () => {
    const codes = CardNetwork.options.flatMap((n) => Object.keys(CODES_BY_NETWORK[n]).map((c) => [n, c] as const));
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.constantFrom(...DisputeReason.options), ([network, code], reason) => {
        const byCode = groupOfCode(network, code);
        expect(reasonGroupOf({ network, code, reason })).toBe(byCode ?? GROUP_OF_REASON[reason]);
        // Spacing and case in the code do not matter.
        expect(reasonGroupOf({ network, code: ` ${code.toLowerCase()} `, reason })).toBe(byCode ?? GROUP_OF_REASON[reason]);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.constantFrom(...DisputeReason.options), (junk, reason) => {
        const group = reasonGroupOf({ code: junk, reason });
        if (group !== GROUP_OF_REASON[reason]) expect(['fraud', 'authorisation', 'processing_error', 'consumer_dispute']).toContain(group);
      }),
    );
  });
});
