import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import fr from '@/public/_locales/fr/messages.json';
import { translatorFrom } from '../i18n';
import { fmtDuration, handoffTable } from './tables';

const t = translatorFrom(en);

describe('fmtDuration', () => {
  it('writes minutes with the two largest units that are not zero', () => {
    expect(fmtDuration(0, t)).toBe('0 min');
    expect(fmtDuration(45, t)).toBe('45 min');
    expect(fmtDuration(60, t)).toBe('1 h');
    expect(fmtDuration(135, t)).toBe('2 h 15 min');
    expect(fmtDuration(1_440, t)).toBe('1 d');
    expect(fmtDuration(1_440 + 15, t)).toBe('1 d');
    expect(fmtDuration(3 * 1_440 + 4 * 60 + 59, t)).toBe('3 d 4 h');
    expect(fmtDuration(89.6, t)).toBe('1 h 30 min');
  });

  it('leaves a duration that was not measured empty', () => {
    expect(fmtDuration(null, t)).toBe('');
  });

  it("uses the reader's units", () => {
    expect(fmtDuration(2 * 1_440 + 135, translatorFrom(fr))).toBe('2 j 2 h');
  });
});

describe('handoffTable', () => {
  it('is one row per internal team with its counts and times, charting the count', () => {
    const table = handoffTable({ rows: [{ team: 'Warehouse', count: 4, answered: 3, medianMinutes: 20, p90Minutes: 200, overdue: 1 }] }, t);
    expect(table.name).toBe('handoffs');
    expect(table.columns.map((c) => c.label)).toEqual(['Internal team', 'Hand-offs', 'Answered', 'Time to answer, median', 'Time to answer, p90', 'Overdue']);
    expect(table.rows).toEqual([['Warehouse', '4', '3', '20 min', '3 h 20 min', '1']]);
    expect(table.chart).toEqual({ label: 0, value: 1 });
  });
});
