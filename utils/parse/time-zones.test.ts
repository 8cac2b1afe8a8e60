import { afterEach, describe, expect, it, vi } from 'vitest';
import { isKnownTimeZone } from './time-zones';

describe('isKnownTimeZone', () => {
  afterEach(() => vi.restoreAllMocks());

  it('tells known zones from unknown ones', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('asks Intl once per zone, however many dates a page shows', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    for (let i = 0; i < 20; i++) {
      expect(isKnownTimeZone('Asia/Tokyo')).toBe(true);
      expect(isKnownTimeZone('Not/A_Zone')).toBe(false);
    }
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
