import { describe, expect, it } from 'vitest';
import { isValidTimeZone, utcToWall, wallToUtc, zoneOffsetMs } from './zoned';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zoned wall time', () => {
  it('converts wall times either side of a spring-forward change, east and far west of UTC', () => {
    expect(iso(wallToUtc(Date.UTC(2026, 2, 29, 1, 30), 'Europe/Berlin'))).toBe('2026-03-29T00:30:00.000Z');
    expect(iso(wallToUtc(Date.UTC(2026, 2, 29, 3, 30), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(wallToUtc(Date.UTC(2025, 2, 9, 1, 30), 'America/Los_Angeles'))).toBe('2025-03-09T09:30:00.000Z');
    expect(iso(wallToUtc(Date.UTC(2025, 2, 9, 3, 30), 'America/Los_Angeles'))).toBe('2025-03-09T10:30:00.000Z');
    expect(iso(wallToUtc(Date.UTC(2026, 2, 8, 3, 30), 'Pacific/Honolulu'))).toBe('2026-03-08T13:30:00.000Z');
  });

  it('moves a skipped wall time forward by the gap and takes the earlier of a repeated one', () => {
    expect(iso(wallToUtc(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(wallToUtc(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(wallToUtc(Date.UTC(2026, 10, 1, 1, 30), 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('reads offsets and wall times of instants, and knows which zones exist', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1), 'Europe/Berlin')).toBe(7_200_000);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1), 'Asia/Kolkata')).toBe(19_800_000);
    expect(iso(utcToWall(Date.UTC(2026, 0, 15, 23, 30, 5, 250), 'Asia/Tokyo'))).toBe('2026-01-16T08:30:05.250Z');
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
