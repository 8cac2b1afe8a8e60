// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { SlaSnapshot } from '@/utils/schemas/sla';
import { I18nProvider } from './i18n-context';
import { SlaCountdown } from './SlaCountdown';

const SNAP: SlaSnapshot = {
  caseKind: 'amazon_buyer_message',
  label: 'Buyer message reply',
  startedAt: '2026-11-22T00:00:00.000Z',
  deadline: '2026-11-23T00:00:00.000Z',
  warningFraction: 0.25,
  paused: false,
  marketplaceTimeZone: 'Europe/Berlin',
  policyVersion: 1,
};

function show(sla: SlaSnapshot, onAction?: (a: 'pause' | 'resume' | 'no_response_needed', r?: 'buyer' | 'carrier') => void) {
  render(
    <I18nProvider value={translatorFrom(en)}>
      <SlaCountdown sla={sla} language="en" {...(onAction ? { onAction } : {})} />
    </I18nProvider>,
  );
  return screen.getByTestId('sla-countdown');
}

describe('SlaCountdown', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('counts down every second and moves from ok to warning to breached', () => {
    vi.setSystemTime(new Date('2026-11-22T12:00:00.000Z'));
    const el = show(SNAP);
    expect(el.dataset.deadline).toBe(SNAP.deadline);
    expect(el.dataset.slaState).toBe('ok');
    expect(el.textContent).toContain('12 h 00 min left');
    act(() => {
      vi.setSystemTime(new Date('2026-11-22T19:00:00.000Z'));
      vi.advanceTimersByTime(1_000);
    });
    expect(el.dataset.slaState).toBe('warning');
    act(() => {
      vi.setSystemTime(new Date('2026-11-23T01:30:00.000Z'));
      vi.advanceTimersByTime(1_000);
    });
    expect(el.dataset.slaState).toBe('breached');
    expect(el.textContent).toContain('1 h 30 min overdue');
  });

  it('shows a paused clock with the time that was left', () => {
    const el = show({ ...SNAP, paused: true, remainingAtPauseMs: 3 * 3_600_000 });
    expect(el.dataset.slaState).toBe('paused');
    expect(el.textContent).toContain('Paused');
  });

  it('leaves no timer running once removed', () => {
    show(SNAP);
    expect(vi.getTimerCount()).toBe(1);
    cleanup();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("shows the deadline in the marketplace's zone", () => {
    vi.setSystemTime(new Date('2026-11-22T12:00:00.000Z'));
    const el = show(SNAP);
    expect(el.textContent).toMatch(/Marketplace time: .*1:00/);
  });

  it('pauses for the buyer or the carrier, resumes a paused clock, and offers no pause on ship-by clocks', () => {
    // A clock that has not run out yet (a run-out one offers no pause): the test's clock, not the calendar's.
    vi.setSystemTime(new Date('2026-11-22T12:00:00.000Z'));
    const onAction = vi.fn();
    show(SNAP, onAction);
    fireEvent.click(screen.getByTestId('sla-pause-carrier'));
    expect(onAction).toHaveBeenCalledWith('pause', 'carrier');
    cleanup();
    show({ ...SNAP, paused: true, remainingAtPauseMs: 1000 }, onAction);
    fireEvent.click(screen.getByTestId('sla-resume'));
    expect(onAction).toHaveBeenLastCalledWith('resume');
    cleanup();
    show({ ...SNAP, caseKind: 'amazon_mfn_shipment' }, onAction);
    expect(screen.queryByTestId('sla-actions')).toBeNull();
  });
});
