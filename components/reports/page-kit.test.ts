import { describe, expect, it } from 'vitest';
import { definedOnly, lastWeek } from './page-kit';

describe('the reports pages kit', () => {
  it('starts on the last seven UTC days, today included, across a month end', () => {
    expect(lastWeek(Date.parse('2026-03-02T23:30:00Z'))).toEqual({ from: '2026-02-24', to: '2026-03-02' });
  });
  it('drops unset query values and keeps empty strings', () => {
    expect(definedOnly({ from: '2026-11-01', to: undefined, agentId: '' })).toEqual({ from: '2026-11-01', agentId: '' });
  });
});
