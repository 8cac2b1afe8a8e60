import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, shouldRecompute, validatePolicySet } from './policies';

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
    expect(errorsOf(set).map((e) => e.message)).toEqual([
      'policies.amazon_refund_after_return uses business time but calendar.workingHours has no working hours',
      'policies.amazon_refund_after_return: business days must be whole numbers',
    ]);
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
