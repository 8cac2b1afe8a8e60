import type { Language } from '../schemas/common';
import type { SlaSnapshot, SlaState } from '../schemas/sla';

export type SlaStateResult = { state: SlaState; remainingMs: number; overdueMs: number };

// The panel asks every second with the same snapshot: parse its two instants once.
let cachedSnapshot: SlaSnapshot | undefined;
let cachedStartMs = 0;
let cachedDeadlineMs = 0;

/**
 * Where a clock stands at `nowMs`. Called every second by the countdown, so it parses nothing twice
 * and allocates only its result. Warning starts when less than `warningFraction` of the window is left.
 */
export function slaState(snapshot: SlaSnapshot | null, nowMs: number): SlaStateResult {
  if (!snapshot) return { state: 'none', remainingMs: 0, overdueMs: 0 };
  if (snapshot.paused) {
    const left = snapshot.remainingAtPauseMs ?? 0;
    return { state: 'paused', remainingMs: Math.max(0, left), overdueMs: Math.max(0, -left) };
  }
  if (snapshot !== cachedSnapshot) {
    cachedSnapshot = snapshot;
    cachedStartMs = Date.parse(snapshot.startedAt);
    cachedDeadlineMs = Date.parse(snapshot.deadline);
  }
  const remaining = cachedDeadlineMs - nowMs;
  if (remaining <= 0) return { state: 'breached', remainingMs: 0, overdueMs: -remaining };
  const window = cachedDeadlineMs - cachedStartMs;
  const state: SlaState = remaining <= window * snapshot.warningFraction ? 'warning' : 'ok';
  return { state, remainingMs: remaining, overdueMs: 0 };
}

const UNITS: Record<Language, { d: string; h: string; min: string; s: string }> = {
  en: { d: 'd', h: 'h', min: 'min', s: 's' },
  de: { d: 'T', h: 'Std.', min: 'Min.', s: 'Sek.' },
  fr: { d: 'j', h: 'h', min: 'min', s: 's' },
  es: { d: 'd', h: 'h', min: 'min', s: 's' },
  it: { d: 'g', h: 'h', min: 'min', s: 's' },
};

/**
 * Countdown text: "1 d 3 h", "2 h 05 min", "12 min", "40 s"; negative durations (overdue) get a
 * leading "-". Rounds toward zero so the countdown never shows more time than is left.
 */
export function formatDuration(ms: number, language: Language = 'en'): string {
  const u = UNITS[language] ?? UNITS.en;
  const sign = ms < 0 ? '-' : '';
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  if (days > 0) return `${sign}${days} ${u.d}${hours > 0 ? ` ${hours} ${u.h}` : ''}`;
  if (hours > 0) return `${sign}${hours} ${u.h} ${String(minutes).padStart(2, '0')} ${u.min}`;
  if (minutes > 0) return `${sign}${minutes} ${u.min}`;
  return `${sign}${totalSeconds % 60} ${u.s}`;
}
