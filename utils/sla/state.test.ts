import { describe, expect, it } from 'vitest';
import type { SlaSnapshot } from '../schemas/sla';
import { formatDuration, slaState } from './state';

const H = 3_600_000;
const snapshot: SlaSnapshot = {
  caseKind: 'amazon_buyer_message',
  label: 'Buyer message reply',
  startedAt: '2026-11-20T00:00:00.000Z',
  deadline: '2026-11-21T00:00:00.000Z',
  warningFraction: 0.25,
  paused: false,
  policyVersion: 1,
};
const at = (hours: number) => Date.parse(snapshot.startedAt) + hours * H;

describe('slaState', () => {
  it('is ok with more than the warning fraction left', () => {
    expect(slaState(snapshot, at(10))).toEqual({ state: 'ok', remainingMs: 14 * H, overdueMs: 0 });
  });

  it('warns inside the last quarter', () => {
    expect(slaState(snapshot, at(17.9)).state).toBe('ok');
    expect(slaState(snapshot, at(18))).toEqual({ state: 'warning', remainingMs: 6 * H, overdueMs: 0 });
  });

  it('is breached at and after the deadline, with the overdue time', () => {
    expect(slaState(snapshot, at(24)).state).toBe('breached');
    expect(slaState(snapshot, at(26))).toEqual({ state: 'breached', remainingMs: 0, overdueMs: 2 * H });
  });

  it('is paused with the time left at the pause, whatever the clock says', () => {
    const paused = { ...snapshot, paused: true, remainingAtPauseMs: 5 * H };
    expect(slaState(paused, at(100))).toEqual({ state: 'paused', remainingMs: 5 * H, overdueMs: 0 });
  });

  it('is none without a snapshot', () => {
    expect(slaState(null, at(1))).toEqual({ state: 'none', remainingMs: 0, overdueMs: 0 });
  });

  it('follows a new snapshot object', () => {
    expect(slaState(snapshot, at(1)).state).toBe('ok');
    const later = { ...snapshot, deadline: '2026-11-20T02:00:00.000Z' };
    expect(slaState(later, at(1)).state).toBe('ok');
    expect(slaState(later, at(1.6)).state).toBe('warning');
  });

  it('is cheap enough for a per-second tick', () => {
    const started = performance.now();
    for (let i = 0; i < 200_000; i++) slaState(snapshot, at(i % 30));
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('formatDuration', () => {
  it('shows days and hours, hours and minutes, minutes, seconds', () => {
    expect(formatDuration(27 * H + 59 * 60_000)).toBe('1 d 3 h');
    expect(formatDuration(24 * H)).toBe('1 d');
    expect(formatDuration(2 * H + 5 * 60_000 + 59_000)).toBe('2 h 05 min');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration(45_900)).toBe('45 s');
    expect(formatDuration(0)).toBe('0 s');
  });

  it('signs overdue time', () => {
    expect(formatDuration(-(2 * H + 5 * 60_000))).toBe('-2 h 05 min');
    expect(formatDuration(-3 * 24 * H)).toBe('-3 d');
  });

  it('speaks the five languages', () => {
    const ms = 26 * H;
    expect([formatDuration(ms, 'en'), formatDuration(ms, 'de'), formatDuration(ms, 'fr'), formatDuration(ms, 'es'), formatDuration(ms, 'it')]).toEqual([
      '1 d 2 h',
      '1 T 2 Std.',
      '1 j 2 h',
      '1 d 2 h',
      '1 g 2 h',
    ]);
    expect(formatDuration(2 * H + 5 * 60_000, 'de')).toBe('2 Std. 05 Min.');
  });
});
