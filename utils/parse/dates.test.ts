import { describe, expect, test } from 'vitest';
import { parsePortalDate } from './dates';

describe('parsePortalDate', () => {
  test.each([
    ['Wed, Dec 4, 2019, 8:27 AM PST', '2019-12-04T16:27:00.000Z', 'America/Los_Angeles'],
    ['Sun, 2 Nov 2025, 15:20 MET', '2025-11-02T14:20:00.000Z', 'Europe/Berlin'],
    ['2 Nov 2025 15:20 GMT', '2025-11-02T15:20:00.000Z', 'UTC'],
    ['So., 2. Nov. 2025, 15:20 MEZ', '2025-11-02T14:20:00.000Z', 'Europe/Berlin'],
    ['2. November 2025 um 15:20 MEZ', '2025-11-02T14:20:00.000Z', 'Europe/Berlin'],
    ['dim. 2 nov. 2025 15:20 CET', '2025-11-02T14:20:00.000Z', 'Europe/Berlin'],
    ['dom 2 nov 2025, 15:20 CET', '2025-11-02T14:20:00.000Z', 'Europe/Berlin'],
    ['dom, 2 nov 2025 15:20 CET', '2025-11-02T14:20:00.000Z', 'Europe/Berlin'],
    ['2021年5月19日(水) 23:45 JST', '2021-05-19T14:45:00.000Z', 'Asia/Tokyo'],
    ['Mon, Nov 3, 2025, 11:58 PM PST', '2025-11-04T07:58:00.000Z', 'America/Los_Angeles'],
    ['Jul 4, 2025 12:05 AM PDT', '2025-07-04T07:05:00.000Z', 'America/Los_Angeles'],
    ['Jul 4, 2025 12:05 PM EDT', '2025-07-04T16:05:00.000Z', 'America/New_York'],
    ['1 Jul 2025 09:00 BST', '2025-07-01T08:00:00.000Z', 'Europe/London'],
    ['1 août 2025 09:00 CEST', '2025-08-01T07:00:00.000Z', 'Europe/Berlin'],
    ['1 Jan 2026 10:00 AEDT', '2025-12-31T23:00:00.000Z', 'Australia/Sydney'],
    ['1 Jan 2026 10:00 IST', '2026-01-01T04:30:00.000Z', 'Asia/Kolkata'],
    ['1 Jan 2026 10:00 WET', '2026-01-01T10:00:00.000Z', 'Europe/Lisbon'],
    ['1 Jan 2026 10:00 MST', '2026-01-01T17:00:00.000Z', 'America/Denver'],
    ['1 Jan 2026 10:00 CST', '2026-01-01T16:00:00.000Z', 'America/Chicago'],
    ['1 Jan 2026 10:00 UTC', '2026-01-01T10:00:00.000Z', 'UTC'],
    ['mar 4 mar 2025 10:00 CET', '2025-03-04T09:00:00.000Z', 'Europe/Berlin'],
  ])('%s', (text, instant, timeZone) => {
    expect(parsePortalDate(text)).toEqual({ instant, timeZone });
  });

  test('ISO instants pass through', () => {
    expect(parsePortalDate('2025-11-02T15:20:00Z')?.instant).toBe('2025-11-02T15:20:00.000Z');
    expect(parsePortalDate('2025-11-02T16:20:00+01:00')?.instant).toBe('2025-11-02T15:20:00.000Z');
  });

  test('a date without time is the start of the day in the hinted zone', () => {
    expect(parsePortalDate('Dec 4, 2019', { timeZone: 'America/Los_Angeles' })).toEqual({
      instant: '2019-12-04T08:00:00.000Z',
      timeZone: 'America/Los_Angeles',
    });
    expect(parsePortalDate('2 novembre 2025', { timeZone: 'Europe/Paris' })).toEqual({ instant: '2025-11-01T23:00:00.000Z', timeZone: 'Europe/Paris' });
    expect(parsePortalDate('2 de noviembre de 2025', { timeZone: 'Europe/Madrid' })?.instant).toBe('2025-11-01T23:00:00.000Z');
    expect(parsePortalDate('Dec 4, 2019')).toEqual({ instant: '2019-12-04T00:00:00.000Z', timeZone: undefined });
  });

  test("a deadline's date without a time is the last minute of that day in the hinted zone", () => {
    expect(parsePortalDate('Nov 4, 2025', { timeZone: 'Europe/Berlin', dateOnly: 'end' })?.instant).toBe('2025-11-04T22:59:00.000Z');
    // The day the clocks go back has 25 hours: still its last minute, not 24 h after its start.
    expect(parsePortalDate('26.10.2025', { timeZone: 'Europe/Berlin', dateOnly: 'end' })?.instant).toBe('2025-10-26T22:59:00.000Z');
    expect(parsePortalDate('Mar 8, 2026', { timeZone: 'America/Los_Angeles', dateOnly: 'end' })?.instant).toBe('2026-03-09T06:59:00.000Z');
    // A time on the page wins.
    expect(parsePortalDate('Nov 4, 2025 10:00', { timeZone: 'Europe/Berlin', dateOnly: 'end' })?.instant).toBe('2025-11-04T09:00:00.000Z');
  });

  test('numeric dates: dotted is day first, US slashes month first', () => {
    expect(parsePortalDate('02.11.2025 15:20', { timeZone: 'Europe/Berlin' })?.instant).toBe('2025-11-02T14:20:00.000Z');
    expect(parsePortalDate('11/02/2025', { timeZone: 'UTC', locale: 'en-US' })?.instant).toBe('2025-11-02T00:00:00.000Z');
    expect(parsePortalDate('02/11/2025', { timeZone: 'UTC', locale: 'en-GB' })?.instant).toBe('2025-11-02T00:00:00.000Z');
  });

  test('IST on an Irish page is Irish summer time, not India', () => {
    expect(parsePortalDate('Tue, 14 Jul 2026, 10:05 IST', { timeZone: 'Europe/Dublin' })).toEqual({
      instant: '2026-07-14T09:05:00.000Z',
      timeZone: 'Europe/Dublin',
    });
    expect(parsePortalDate('Tue, 14 Jul 2026, 10:05 IST', { timeZone: 'Asia/Kolkata' })?.instant).toBe('2026-07-14T04:35:00.000Z');
    expect(parsePortalDate('Tue, 14 Jul 2026, 10:05 IST')?.instant).toBe('2026-07-14T04:35:00.000Z');
  });

  test('a central European abbreviation keeps the marketplace zone of the same family', () => {
    expect(parsePortalDate('dim. 2 nov. 2025 15:20 CET', { timeZone: 'Europe/Paris' })?.timeZone).toBe('Europe/Paris');
    expect(parsePortalDate('Wed, Dec 4, 2019, 8:27 AM PST', { timeZone: 'Europe/Paris' })?.timeZone).toBe('America/Los_Angeles');
  });

  describe('DST edges', () => {
    test('Berlin: the last minute before the spring switch and the first after', () => {
      expect(parsePortalDate('30.03.2025 01:59', { timeZone: 'Europe/Berlin' })?.instant).toBe('2025-03-30T00:59:00.000Z');
      expect(parsePortalDate('30.03.2025 03:00', { timeZone: 'Europe/Berlin' })?.instant).toBe('2025-03-30T01:00:00.000Z');
    });
    test('a summer date labelled with the winter abbreviation uses the zone rules (Amazon prints PST all year)', () => {
      expect(parsePortalDate('Jul 4, 2025 8:00 AM PST')?.instant).toBe('2025-07-04T15:00:00.000Z');
      expect(parsePortalDate('Sun, 27 Jul 2025, 15:20 MEZ')?.instant).toBe('2025-07-27T13:20:00.000Z');
    });
    test('US spring forward: before and after 2 AM on Mar 9 2025', () => {
      expect(parsePortalDate('Mar 9, 2025 1:30 AM PST')?.instant).toBe('2025-03-09T09:30:00.000Z');
      expect(parsePortalDate('Mar 9, 2025 3:30 AM PDT')?.instant).toBe('2025-03-09T10:30:00.000Z');
    });
    test('autumn: the day after the switch is back on standard time', () => {
      expect(parsePortalDate('Mon, 27 Oct 2025, 10:00 MEZ')?.instant).toBe('2025-10-27T09:00:00.000Z');
      expect(parsePortalDate('Sat, 25 Oct 2025, 10:00 MESZ')?.instant).toBe('2025-10-25T08:00:00.000Z');
    });
  });

  test.each(['', 'hello', 'soon', '31.02.2025', 'Feb 30, 2025', '25:00 Dec 4, 2019', '13:00 PM Dec 4, 2019', 'x'.repeat(300)])(
    'unparseable %j gives undefined',
    (text) => {
      expect(parsePortalDate(text)).toBeUndefined();
    },
  );

  test('a bad zone hint does not throw', () => {
    expect(parsePortalDate('Dec 4, 2019', { timeZone: 'Mars/Olympus' })?.instant).toBe('2019-12-04T00:00:00.000Z');
    expect(parsePortalDate(null as unknown as string)).toBeUndefined();
  });
});
