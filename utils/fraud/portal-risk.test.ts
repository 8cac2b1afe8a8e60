import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX } from './matrix';
import { scoreOrder } from './score';
import { fraudInput } from '../../tests/helpers/fraud-orders';

const LEVELS = ['HIGH', 'MEDIUM', 'LOW', 'NONE', 'PENDING'] as const;
const RECOMMENDATIONS = ['CANCEL', 'INVESTIGATE', 'ACCEPT', 'NONE', undefined] as const;

describe("the portal's own fraud analysis in the score", () => {
  it('says what the portal said, in its own words, as text', () => {
    const input = fraudInput({
      isOwnShop: true,
      context: {
        portal: 'shopify',
        url: 'https://admin.shopify.com/store/harbour-and-pine/orders/5123456789',
        orderId: '#1001',
        portalRisk: { level: 'HIGH', recommendation: 'CANCEL', indicators: ['Card verification value (CVV) check failed', '<img src=x onerror=alert(1)>'] },
      },
    });
    const fired = scoreOrder(input, DEFAULT_MATRIX).fired.find((f) => f.indicator === 'portal_risk_high');
    expect(fired).toMatchObject({ points: 40, label: "The portal's fraud analysis: high risk" });
    expect(fired?.evidence).toBe(
      "Shopify's fraud analysis rates this order high risk and recommends cancelling: Card verification value (CVV) check failed; <img src=x onerror=alert(1)>",
    );
  });

  it('fires the rule of its level only, on any portal and scope, and nothing for low, none or pending', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEVELS),
        fc.constantFrom(...RECOMMENDATIONS),
        fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 20 }),
        fc.boolean(),
        (level, recommendation, indicators, isOwnShop) => {
          const portalRisk = { level, ...(recommendation ? { recommendation } : {}), ...(indicators.length ? { indicators } : {}) };
          const ids = scoreOrder(fraudInput({ isOwnShop, context: { portalRisk } }), DEFAULT_MATRIX)
            .fired.map((f) => f.indicator)
            .filter((id) => id.startsWith('portal_risk'));
          expect(ids).toEqual(level === 'HIGH' ? ['portal_risk_high'] : level === 'MEDIUM' ? ['portal_risk_medium'] : []);
        },
      ),
    );
  });

  it('a page without the analysis scores as before', () => {
    const withNone = scoreOrder(fraudInput(), DEFAULT_MATRIX);
    expect(withNone.fired.some((f) => f.indicator.startsWith('portal_risk'))).toBe(false);
  });
});
