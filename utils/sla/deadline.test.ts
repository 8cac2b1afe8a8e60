import { describe, expect, it } from 'vitest';
import type { SlaCaseKind, SlaPolicy, TeamCalendar } from '../schemas/sla';
import { computeSlaDeadline, computeSlaSnapshot, SlaInputError } from './deadline';
import { DEFAULT_CALENDAR, DEFAULT_POLICIES } from './policies';
import { wallToUtc } from './zoned';

const businessHours = (amount: number): SlaPolicy => ({
  label: 'Test',
  clock: 'business',
  duration: { amount, unit: 'hours' },
  warningFraction: 0.25,
  notifyLeadMinutes: 60,
});
const businessDays = (amount: number): SlaPolicy => ({ ...businessHours(0), duration: { amount, unit: 'days' } });
const calendarDays = (amount: number): SlaPolicy => ({ ...businessHours(0), clock: 'calendar', duration: { amount, unit: 'days' } });
const calendarHours = (amount: number): SlaPolicy => ({ ...businessHours(0), clock: 'calendar', duration: { amount, unit: 'hours' } });
const deadline = (start: string, policy: SlaPolicy, calendar: TeamCalendar = DEFAULT_CALENDAR) =>
  computeSlaDeadline(new Date(start), policy, calendar).toISOString();

const LA: TeamCalendar = { ...DEFAULT_CALENDAR, timeZone: 'America/Los_Angeles' };
const withHoliday = (date: string): TeamCalendar => ({ ...DEFAULT_CALENDAR, holidays: [date] });

describe('computeSlaDeadline: calendar clocks', () => {
  it('adds elapsed hours', () => {
    expect(deadline('2026-11-20T10:00:00Z', calendarHours(24))).toBe('2026-11-21T10:00:00.000Z');
  });

  it('adds days at the same local time across the Berlin spring change', () => {
    // 11:00 CET on 25 March; 7 days later is 11:00 CEST on 1 April, one hour less elapsed.
    expect(deadline('2026-03-25T10:00:00Z', calendarDays(7))).toBe('2026-04-01T09:00:00.000Z');
  });

  it('adds days across the Los Angeles autumn change', () => {
    // 10:00 PDT on 30 October; 3 days later is 10:00 PST on 2 November.
    expect(deadline('2026-10-30T17:00:00Z', calendarDays(3), LA)).toBe('2026-11-02T18:00:00.000Z');
  });
});

describe('computeSlaDeadline: business clocks', () => {
  it('skips the weekend', () => {
    // Friday 15:00 Berlin + 8 working hours = 2 h on Friday + 6 h on Monday -> Monday 15:00.
    expect(deadline('2026-11-20T14:00:00Z', businessHours(8))).toBe('2026-11-23T14:00:00.000Z');
  });

  it('skips holidays', () => {
    expect(deadline('2026-11-20T14:00:00Z', businessHours(8), withHoliday('2026-11-23'))).toBe('2026-11-24T14:00:00.000Z');
  });

  it('starts counting at the next opening when started at night or on a weekend', () => {
    // Saturday noon -> Monday 09:00 + 2 h.
    expect(deadline('2026-11-21T11:00:00Z', businessHours(2))).toBe('2026-11-23T10:00:00.000Z');
    // Tuesday 20:00 -> Wednesday 09:00 + 1 h.
    expect(deadline('2026-11-24T19:00:00Z', businessHours(1))).toBe('2026-11-25T09:00:00.000Z');
  });

  it('counts working hours across the Berlin DST changes', () => {
    // Friday 27 March 16:00 CET + 4 h: 1 h Friday, 3 h Monday 30 March (CEST) -> 12:00 CEST.
    expect(deadline('2026-03-27T15:00:00Z', businessHours(4))).toBe('2026-03-30T10:00:00.000Z');
    // Friday 23 October 16:00 CEST + 4 h -> Monday 26 October 12:00 CET.
    expect(deadline('2026-10-23T14:00:00Z', businessHours(4))).toBe('2026-10-26T11:00:00.000Z');
  });

  it('counts working hours across the Los Angeles spring change', () => {
    // Friday 6 March 16:00 PST + 4 h -> Monday 9 March 12:00 PDT.
    expect(deadline('2026-03-07T00:00:00Z', businessHours(4), LA)).toBe('2026-03-09T19:00:00.000Z');
  });

  it('adds business days at the same local time', () => {
    // Friday 15:00 + 2 business days -> Tuesday 15:00; with Monday a holiday -> Wednesday 15:00.
    expect(deadline('2026-11-20T14:00:00Z', businessDays(2))).toBe('2026-11-24T14:00:00.000Z');
    expect(deadline('2026-11-20T14:00:00Z', businessDays(2), withHoliday('2026-11-23'))).toBe('2026-11-25T14:00:00.000Z');
    // From Saturday the count starts Monday 09:00.
    expect(deadline('2026-11-21T11:00:00Z', businessDays(2))).toBe('2026-11-25T08:00:00.000Z');
  });

  it('keeps the local time of day when business days cross a DST change', () => {
    // Friday 27 March 15:00 CET + 2 business days -> Tuesday 31 March 15:00 CEST.
    expect(deadline('2026-03-27T14:00:00Z', businessDays(2))).toBe('2026-03-31T13:00:00.000Z');
    // Los Angeles: Friday 30 October 15:00 PDT + 2 business days -> Tuesday 3 November 15:00 PST.
    expect(deadline('2026-10-30T22:00:00Z', businessDays(2), LA)).toBe('2026-11-03T23:00:00.000Z');
  });

  it('works in lunch-break calendars', () => {
    const split: TeamCalendar = {
      ...DEFAULT_CALENDAR,
      workingHours: {
        mon: [
          { start: '13:00', end: '17:00' },
          { start: '09:00', end: '12:00' },
        ],
      },
    };
    // Monday 11:00 + 2 h = 1 h before lunch + 1 h after -> 14:00.
    expect(deadline('2026-11-23T10:00:00Z', businessHours(2), split)).toBe('2026-11-23T13:00:00.000Z');
  });

  it('explains impossible requests', () => {
    expect(() => deadline('2026-11-20T14:00:00Z', businessHours(1), { ...DEFAULT_CALENDAR, workingHours: {} })).toThrow(/no working hours/);
    expect(() => deadline('nonsense', calendarHours(1))).toThrow(SlaInputError);
    expect(() => deadline('2026-11-20T14:00:00Z', businessDays(1.5))).toThrow(/whole number/);
    expect(() => deadline('2026-11-20T14:00:00Z', DEFAULT_POLICIES.policies.amazon_mfn_shipment)).toThrow(/ship-by/);
  });
});

describe('wall time conversion at DST edges', () => {
  const utc = (wall: number, zone: string) => new Date(wallToUtc(wall, zone)).toISOString();
  it('moves a skipped time forward and takes the earlier of a repeated one', () => {
    expect(utc(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(utc(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(utc(Date.UTC(2026, 2, 8, 2, 30), 'America/Los_Angeles')).toBe('2026-03-08T10:30:00.000Z');
    expect(utc(Date.UTC(2026, 10, 1, 1, 30), 'America/Los_Angeles')).toBe('2026-11-01T08:30:00.000Z');
    expect(utc(Date.UTC(2026, 6, 1, 12, 0), 'America/Los_Angeles')).toBe('2026-07-01T19:00:00.000Z');
    expect(utc(Date.UTC(2026, 0, 15, 12, 0), 'Asia/Tokyo')).toBe('2026-01-15T03:00:00.000Z');
  });
});

describe('each default policy', () => {
  const START = '2026-11-20T10:00:00Z'; // Friday 11:00 in Berlin
  const snap = (caseKind: SlaCaseKind, extra: { shipBy?: string; cardNetwork?: 'visa' | 'mastercard' | 'amex' | 'discover' } = {}) =>
    computeSlaSnapshot({
      caseKind,
      startedAt: START,
      pauses: [],
      policy: DEFAULT_POLICIES.policies[caseKind],
      calendar: DEFAULT_POLICIES.calendar,
      policyVersion: DEFAULT_POLICIES.version,
      now: START,
      ...extra,
    })?.deadline;

  it.each([
    ['amazon_buyer_message', '2026-11-21T10:00:00.000Z'],
    ['amazon_atoz_info_request', '2026-11-22T10:00:00.000Z'],
    ['amazon_atoz_appeal', '2026-12-20T10:00:00.000Z'],
    ['amazon_chargeback', '2026-11-27T10:00:00.000Z'],
    ['amazon_return_authorization', '2026-11-21T10:00:00.000Z'],
    ['amazon_refund_after_return', '2026-11-24T10:00:00.000Z'],
    ['zalando_customer_care', '2026-11-21T10:00:00.000Z'],
    ['zalando_order_export', '2026-11-20T13:00:00.000Z'],
    ['card_dispute', '2026-12-20T10:00:00.000Z'],
  ] as const)('%s', (kind, expected) => {
    expect(snap(kind)).toBe(expected);
  });

  it('amazon_mfn_shipment runs to the ship-by date', () => {
    expect(snap('amazon_mfn_shipment', { shipBy: '2026-11-23T22:59:59Z' })).toBe('2026-11-23T22:59:59.000Z');
    expect(() => snap('amazon_mfn_shipment')).toThrow(/none was given/);
  });

  it('card disputes follow the network', () => {
    expect(snap('card_dispute', { cardNetwork: 'visa' })).toBe('2026-12-20T10:00:00.000Z');
    expect(snap('card_dispute', { cardNetwork: 'mastercard' })).toBe('2027-01-04T10:00:00.000Z');
    expect(snap('card_dispute', { cardNetwork: 'amex' })).toBe('2026-12-10T10:00:00.000Z');
    expect(snap('card_dispute', { cardNetwork: 'discover' })).toBe('2026-12-20T10:00:00.000Z');
  });
});

describe('computeSlaSnapshot: pauses', () => {
  const base = {
    caseKind: 'amazon_buyer_message' as const,
    startedAt: '2026-11-20T10:00:00Z',
    policy: DEFAULT_POLICIES.policies.amazon_buyer_message,
    calendar: DEFAULT_CALENDAR,
    policyVersion: 3,
    now: '2026-11-20T22:00:00Z',
  };

  it('returns null when no response is needed', () => {
    expect(computeSlaSnapshot({ ...base, pauses: [], noResponseNeeded: true })).toBeNull();
  });

  it('builds the snapshot the panel needs', () => {
    expect(computeSlaSnapshot({ ...base, pauses: [], marketplaceTimeZone: 'Europe/Berlin' })).toEqual({
      caseKind: 'amazon_buyer_message',
      label: 'Buyer message reply',
      startedAt: '2026-11-20T10:00:00.000Z',
      deadline: '2026-11-21T10:00:00.000Z',
      warningFraction: 0.25,
      paused: false,
      marketplaceTimeZone: 'Europe/Berlin',
      policyVersion: 3,
    });
  });

  it('extends the deadline by closed pauses, merging overlaps and ignoring pauses after the deadline', () => {
    const pauses = [
      { from: '2026-11-20T12:00:00Z', to: '2026-11-20T15:00:00Z' },
      { from: '2026-11-20T14:00:00Z', to: '2026-11-20T16:00:00Z' },
      { from: '2026-11-25T12:00:00Z', to: '2026-11-25T15:00:00Z' },
    ];
    const s = computeSlaSnapshot({ ...base, pauses, now: '2026-11-26T00:00:00Z' });
    expect(s?.deadline).toBe('2026-11-21T14:00:00.000Z');
    expect(s?.paused).toBe(false);
  });

  it('reports an open pause with the time left when it began', () => {
    const s = computeSlaSnapshot({ ...base, pauses: [{ from: '2026-11-20T20:00:00Z' }] });
    expect(s).toMatchObject({ paused: true, remainingAtPauseMs: 14 * 3_600_000, deadline: '2026-11-21T12:00:00.000Z' });
  });

  it('extends business clocks only by the working time lost', () => {
    const refund = { ...base, caseKind: 'amazon_refund_after_return' as const, policy: DEFAULT_POLICIES.policies.amazon_refund_after_return };
    // Paused over the weekend: no working time lost.
    const weekend = computeSlaSnapshot({ ...refund, pauses: [{ from: '2026-11-21T08:00:00Z', to: '2026-11-23T07:00:00Z' }], now: '2026-11-23T12:00:00Z' });
    expect(weekend?.deadline).toBe('2026-11-24T10:00:00.000Z');
    // Paused Monday 09:00-12:00 Berlin: 3 working hours lost, Tuesday 11:00 becomes Tuesday 14:00.
    const monday = computeSlaSnapshot({ ...refund, pauses: [{ from: '2026-11-23T08:00:00Z', to: '2026-11-23T11:00:00Z' }], now: '2026-11-23T12:00:00Z' });
    expect(monday?.deadline).toBe('2026-11-24T13:00:00.000Z');
  });

  it('rejects bad instants with a clear error', () => {
    expect(() => computeSlaSnapshot({ ...base, pauses: [{ from: 'yesterday' }] })).toThrow('pause start is not a valid date: "yesterday"');
  });
});
