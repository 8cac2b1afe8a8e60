import { describe, expect, it } from 'vitest';
import type { PriorTransaction } from '../schemas/disputes';
import { ce3Eligibility, type DisputedTransaction } from './ce3';

const FILED = '2026-11-20T10:00:00Z';
const daysBefore = (days: number) => new Date(Date.parse(FILED) - days * 86_400_000).toISOString();

const disputed: DisputedTransaction = {
  id: 'ch_disputed',
  at: '2026-11-02T09:00:00Z',
  disputeFiledAt: FILED,
  cardFingerprint: 'fp_1',
  ipAddress: '203.0.113.7',
  deviceId: 'dev-abc',
  shippingAddress: 'Hauptstraße 5, 10115 Berlin',
  accountId: 'cust_42',
};

const prior = (id: string, days: number, extra: Partial<PriorTransaction> = {}): PriorTransaction => ({
  id,
  at: daysBefore(days),
  cardFingerprint: 'fp_1',
  ipAddress: '203.0.113.7',
  deviceId: 'dev-abc',
  shippingAddress: 'hauptstrasse 5 10115 berlin',
  accountId: 'CUST_42',
  disputed: false,
  ...extra,
});

describe('ce3Eligibility', () => {
  it('two undisputed payments 120-365 days old matching on several fields qualify', () => {
    const result = ce3Eligibility(disputed, [prior('ch_a', 150), prior('ch_b', 300, { deviceId: 'other', accountId: undefined })]);
    expect(result.eligible).toBe(true);
    expect(result.qualifying.map((q) => q.transaction.id)).toEqual(['ch_a', 'ch_b']);
    expect(result.qualifying[0]!.matched).toEqual(['ipAddress', 'deviceId', 'shippingAddress', 'accountId']);
    expect(result.qualifying[1]!.matched).toEqual(['ipAddress', 'shippingAddress']);
    expect(result.summary).toContain('2 earlier undisputed payments on the same card qualify');
  });

  it('one qualifying payment is not enough', () => {
    const result = ce3Eligibility(disputed, [prior('ch_a', 150)]);
    expect(result.eligible).toBe(false);
    expect(result.summary).toContain('Only 1 earlier payment qualifies');
  });

  it('payments too recent or too old are rejected with their age', () => {
    const result = ce3Eligibility(disputed, [prior('ch_recent', 119), prior('ch_old', 366), prior('ch_ok', 200)]);
    expect(result.eligible).toBe(false);
    expect(result.rejected.map((r) => r.transaction.id)).toEqual(['ch_recent', 'ch_old']);
    expect(result.rejected[0]!.why[0]).toMatch(/only 119 days before the dispute/);
    expect(result.rejected[1]!.why[0]).toMatch(/366 days before the dispute/);
  });

  it('the 120 and 365 day bounds are included', () => {
    expect(ce3Eligibility(disputed, [prior('ch_a', 120), prior('ch_b', 365)]).eligible).toBe(true);
  });

  it('a disputed or fraud-reported payment does not count', () => {
    const result = ce3Eligibility(disputed, [prior('ch_a', 150, { disputed: true }), prior('ch_b', 160, { fraudReported: true }), prior('ch_c', 170)]);
    expect(result.eligible).toBe(false);
    expect(result.rejected.find((r) => r.transaction.id === 'ch_a')!.why).toContain('was disputed');
    expect(result.rejected.find((r) => r.transaction.id === 'ch_b')!.why).toContain('was reported as fraud');
  });

  it('a payment matching on one field only is rejected', () => {
    const onlyIp = { deviceId: 'x', shippingAddress: 'elsewhere 1', accountId: 'someone' };
    const result = ce3Eligibility(disputed, [prior('ch_a', 150, onlyIp), prior('ch_b', 160)]);
    expect(result.eligible).toBe(false);
    expect(result.rejected[0]!.why[0]).toBe('matches on IP address only (needs 2 of IP address, device ID, shipping address, account ID)');
  });

  it('address and account without IP or device do not count', () => {
    const weak = { ipAddress: '198.51.100.1', deviceId: undefined };
    const result = ce3Eligibility(disputed, [prior('ch_a', 150, weak), prior('ch_b', 160, weak)]);
    expect(result.eligible).toBe(false);
    expect(result.rejected[0]!.why[0]).toMatch(/neither IP address nor device ID/);
  });

  it('a payment on another card is rejected', () => {
    const result = ce3Eligibility(disputed, [prior('ch_a', 150, { cardFingerprint: 'fp_2' }), prior('ch_b', 160)]);
    expect(result.rejected[0]!.why).toContain('was paid with a different card');
  });

  it('missing data on the disputed payment never matches', () => {
    const bare: DisputedTransaction = { id: 'ch_disputed', at: disputed.at, disputeFiledAt: FILED };
    const result = ce3Eligibility(bare, [prior('ch_a', 150), prior('ch_b', 160)]);
    expect(result.eligible).toBe(false);
    expect(result.rejected[0]!.why[0]).toMatch(/matches on none/);
  });
});
