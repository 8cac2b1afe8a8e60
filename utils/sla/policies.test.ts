import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeSlaDeadline } from './deadline';
import { DEFAULT_POLICIES, OPERATOR_CLOCKS, operatorOf, policyFor, policyOf, shouldRecompute, validatePolicySet, withNewClocks } from './policies';

const clone = () => structuredClone(DEFAULT_POLICIES) as unknown as Record<string, any>;
const errorsOf = (json: unknown) => {
  const result = validatePolicySet(json);
  return result.ok ? [] : result.errors;
};

describe('validatePolicySet', () => {
  it('accepts the defaults, with reference values', () => {
    expect(validatePolicySet(DEFAULT_POLICIES).ok).toBe(true);
    expect(DEFAULT_POLICIES.policies.card_dispute.byCardNetwork).toEqual({
      visa: { amount: 30, unit: 'days' },
      mastercard: { amount: 45, unit: 'days' },
      amex: { amount: 20, unit: 'days' },
      discover: { amount: 30, unit: 'days' },
    });
  });

  it('lets a team choose 72 h for A-to-z information requests', () => {
    const set = clone();
    set.policies.amazon_atoz_info_request.duration = { amount: 72, unit: 'hours' };
    expect(validatePolicySet(set).ok).toBe(true);
  });

  it('fills the default warning fraction', () => {
    const set = clone();
    delete set.policies.amazon_buyer_message.warningFraction;
    const result = validatePolicySet(set);
    expect(result.ok && result.policySet.policies.amazon_buyer_message.warningFraction).toBe(0.25);
  });

  it('names durations that are missing or not allowed', () => {
    const set = clone();
    delete set.policies.amazon_buyer_message.duration;
    set.policies.amazon_mfn_shipment.duration = { amount: 1, unit: 'days' };
    expect(errorsOf(set)).toEqual([
      { path: 'policies.amazon_buyer_message.duration', message: 'policies.amazon_buyer_message.duration is required for a calendar clock' },
      {
        path: 'policies.amazon_mfn_shipment.duration',
        message: "policies.amazon_mfn_shipment.duration must be left out: a shipBy clock runs to the order's ship-by date",
      },
    ]);
  });

  it('names calendar problems', () => {
    const set = clone();
    set.calendar.timeZone = 'Mars/Olympus';
    set.calendar.workingHours.mon = [{ start: '17:00', end: '09:00' }];
    set.calendar.holidays = ['2026-02-30'];
    expect(errorsOf(set).map((e) => e.message)).toEqual([
      'calendar.timeZone "Mars/Olympus" is not a known IANA time zone',
      'calendar.workingHours.mon.0: end (09:00) must be after start (17:00)',
      'calendar.holidays.0: "2026-02-30" is not a real date',
    ]);
  });

  it('refuses business clocks without working hours and fractional business days', () => {
    const set = clone();
    set.calendar.workingHours = {};
    set.policies.amazon_refund_after_return.duration = { amount: 1.5, unit: 'days' };
    const messages = errorsOf(set).map((e) => e.message);
    expect(messages.filter((m) => m.startsWith('policies.amazon_refund_after_return'))).toEqual([
      'policies.amazon_refund_after_return uses business time but calendar.workingHours has no working hours',
      'policies.amazon_refund_after_return: business days must be whole numbers',
    ]);
    // An operator's own business-time terms need working hours too.
    expect(messages).toContain('policies.mirakl_order_acceptance.byOperator.CONRAD uses business time but calendar.workingHours has no working hours');
  });

  it('names schema problems by path and never throws', () => {
    const set = clone();
    set.policies.zalando_order_export.clock = 'sundial';
    set.calendar.workingHours.tue = [{ start: '9am', end: '17:00' }];
    const paths = errorsOf(set).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['policies.zalando_order_export.clock', 'calendar.workingHours.tue.0.start']));
    expect(errorsOf(null)[0]?.path).toBe('');
  });
});

describe('shouldRecompute', () => {
  it('recomputes open cases only when asked and only for newer versions', () => {
    expect(shouldRecompute({ policyVersion: 1 }, 2, { applyToOpenCases: true })).toBe(true);
    expect(shouldRecompute({ policyVersion: 1 }, 2, { applyToOpenCases: false })).toBe(false);
    expect(shouldRecompute({ policyVersion: 2 }, 2, { applyToOpenCases: true })).toBe(false);
    expect(shouldRecompute({ policyVersion: 3 }, 2, { applyToOpenCases: true })).toBe(false);
  });
});

describe("operators' own terms (platforms hosting many operators)", () => {
  const acceptance = DEFAULT_POLICIES.policies.mirakl_order_acceptance;

  it('defaults to the published deadlines: MediaMarkt 48 h, Conrad one working day; others the stricter 24 h', () => {
    expect(policyOf(DEFAULT_POLICIES, 'mirakl_order_acceptance', 'MEDIAMARKT')).toMatchObject({ clock: 'calendar', duration: { amount: 48, unit: 'hours' } });
    expect(policyOf(DEFAULT_POLICIES, 'mirakl_order_acceptance', 'CONRAD')).toMatchObject({ clock: 'business', duration: { amount: 1, unit: 'days' } });
    expect(policyOf(DEFAULT_POLICIES, 'mirakl_order_acceptance', 'SECRETSALES')).toMatchObject({ clock: 'calendar', duration: { amount: 24, unit: 'hours' } });
    expect(policyOf(DEFAULT_POLICIES, 'mirakl_message_reply', 'CONRAD')?.duration).toEqual({ amount: 48, unit: 'hours' });
    expect(policyOf(DEFAULT_POLICIES, 'mirakl_message_reply', 'PCCOMPONENTES')).toMatchObject({
      duration: { amount: 24, unit: 'hours' },
      warningFraction: 1 / 6,
    });
  });

  it("reads the operator from the platform's marketplace codes only", () => {
    expect(operatorOf('mirakl', 'MEDIAMARKT-DE')).toBe('MEDIAMARKT');
    expect(operatorOf('mirakl', 'conrad-de')).toBe('CONRAD');
    expect(operatorOf('mirakl', 'DE')).toBeUndefined();
    expect(operatorOf('mirakl', null)).toBeUndefined();
    // Portals with one operator (Amazon's DE, Zalando's ZALANDO-DE) have no operators' terms.
    expect(operatorOf('amazon', 'DE')).toBeUndefined();
    expect(operatorOf('zalando', 'ZALANDO-DE')).toBeUndefined();
    expect(OPERATOR_CLOCKS.has('mirakl_incident')).toBe(true);
    expect(OPERATOR_CLOCKS.has('amazon_buyer_message')).toBe(false);
  });

  it("a case's terms never carry the table: what a clock stores is the operator's or the policy's terms", () => {
    fc.assert(
      fc.property(fc.constantFrom(undefined, 'MEDIAMARKT', 'CONRAD', 'OTHER'), (operator) => {
        const terms = policyFor(acceptance, operator);
        expect(terms).not.toHaveProperty('byOperator');
        expect(terms.label).toBe(acceptance.label);
        expect(terms.notifyLeadMinutes).toBe(acceptance.notifyLeadMinutes);
      }),
    );
  });

  it('an operator without its own warning keeps the policy warning; a deadline follows its own clock', () => {
    const start = new Date('2026-12-04T16:00:00Z'); // a Friday, 17:00 in Berlin: after working hours
    const conrad = policyFor(acceptance, 'CONRAD');
    expect(conrad.warningFraction).toBe(acceptance.warningFraction);
    // One working day from Friday evening: Monday is that day; the deadline is when Tuesday's hours begin (09:00 Berlin).
    expect(computeSlaDeadline(start, conrad, DEFAULT_POLICIES.calendar).toISOString()).toBe('2026-12-08T08:00:00.000Z');
    expect(computeSlaDeadline(start, policyFor(acceptance, 'MEDIAMARKT'), DEFAULT_POLICIES.calendar).toISOString()).toBe('2026-12-06T16:00:00.000Z');
  });

  it('names bad operator codes and terms by path', () => {
    const set = clone();
    set.policies.mirakl_order_acceptance.byOperator = {
      'media markt': { clock: 'calendar', duration: { amount: 48, unit: 'hours' } },
      CONRAD: { clock: 'business', duration: { amount: 1.5, unit: 'days' } },
      OTTO: { clock: 'shipBy', duration: { amount: 1, unit: 'days' } },
    };
    const paths = errorsOf(set).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['policies.mirakl_order_acceptance.byOperator.media markt', 'policies.mirakl_order_acceptance.byOperator.OTTO.clock']),
    );
    const fixed = clone();
    fixed.policies.mirakl_order_acceptance.byOperator = { CONRAD: { clock: 'business', duration: { amount: 1.5, unit: 'days' } } };
    expect(errorsOf(fixed)).toEqual([
      {
        path: 'policies.mirakl_order_acceptance.byOperator.CONRAD.duration',
        message: 'policies.mirakl_order_acceptance.byOperator.CONRAD: business days must be whole numbers',
      },
    ]);
    const shipBy = clone();
    shipBy.policies.amazon_mfn_shipment.byOperator = { MEDIAMARKT: { clock: 'calendar', duration: { amount: 48, unit: 'hours' } } };
    expect(errorsOf(shipBy).map((e) => e.path)).toEqual(['policies.amazon_mfn_shipment.byOperator.MEDIAMARKT']);
  });
});

describe('a stored set saved before a clock existed', () => {
  it("keeps the lead's edits and gives the new clock its default", () => {
    const saved = clone();
    saved.policies.amazon_buyer_message.duration = { amount: 12, unit: 'hours' };
    delete saved.policies.mirakl_order_acceptance;
    delete saved.policies.mirakl_incident;
    expect(validatePolicySet(saved).ok).toBe(false);
    const result = validatePolicySet(withNewClocks(saved));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policySet.policies.amazon_buyer_message.duration).toEqual({ amount: 12, unit: 'hours' });
    expect(result.policySet.policies.mirakl_order_acceptance).toEqual(DEFAULT_POLICIES.policies.mirakl_order_acceptance);
    expect(result.policySet.policies.mirakl_incident).toEqual(DEFAULT_POLICIES.policies.mirakl_incident);
  });
});
