import type { CardNetwork, SlaCaseKind, SlaDuration, SlaPolicy, SlaSnapshot, TeamCalendar } from '../schemas/sla';
import { addBusinessDays, advanceWorkingMs, workingMsBetween } from './business-time';
import { DAY_MS, utcToWall, wallToUtc } from './zoned';

export class SlaInputError extends Error {
  override name = 'SlaInputError';
}

const HOUR_MS = 3_600_000;

/** The response window of a policy; card disputes pick the network's window when one is known. */
export function durationFor(policy: SlaPolicy, cardNetwork?: CardNetwork): SlaDuration | undefined {
  return (cardNetwork && policy.byCardNetwork?.[cardNetwork]) || policy.duration;
}

/**
 * When a clock that started at `start` runs out, ignoring pauses.
 * Calendar hours are elapsed time; calendar days keep the local time of day in the team's zone (so a
 * 7-day window across a DST change is 7 × 24 h ± 1 h, as people read it). Business clocks count only
 * the team calendar's working time. Ship-by clocks have no duration: use the order's ship-by instead.
 */
export function computeSlaDeadline(start: Date, policy: SlaPolicy, calendar: TeamCalendar, opts: { cardNetwork?: CardNetwork } = {}): Date {
  const startMs = start.getTime();
  if (Number.isNaN(startMs)) throw new SlaInputError('the clock start is not a valid date');
  if (policy.clock === 'shipBy') throw new SlaInputError(`"${policy.label}" runs to the order's ship-by date; there is no duration to add`);
  const duration = durationFor(policy, opts.cardNetwork);
  if (!duration) throw new SlaInputError(`"${policy.label}" has no duration`);
  const { amount, unit } = duration;
  if (policy.clock === 'calendar') {
    if (unit === 'hours') return new Date(startMs + amount * HOUR_MS);
    const wall = utcToWall(startMs, calendar.timeZone);
    return new Date(wallToUtc(wall + amount * DAY_MS, calendar.timeZone));
  }
  if (unit === 'hours') return new Date(advanceWorkingMs(startMs, amount * HOUR_MS, calendar));
  if (!Number.isInteger(amount)) throw new SlaInputError(`"${policy.label}": business days must be a whole number, got ${amount}`);
  return new Date(addBusinessDays(startMs, amount, calendar));
}

export type Pause = { from: string; to?: string };

export type SlaSnapshotArgs = {
  caseKind: SlaCaseKind;
  startedAt: string;
  pauses: Pause[];
  /** Amazon's "no response needed": the case leaves the metric. */
  noResponseNeeded?: boolean;
  shipBy?: string;
  policy: SlaPolicy;
  calendar: TeamCalendar;
  policyVersion: number;
  marketplaceTimeZone?: string;
  cardNetwork?: CardNetwork;
  now: string;
};

function parseInstant(value: string, what: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new SlaInputError(`${what} is not a valid date: "${value}"`);
  return ms;
}

/** Pauses as sorted, merged [from, to] ranges clipped to start at the clock start; open ends are `now`. */
function pauseRanges(pauses: Pause[], startMs: number, nowMs: number): { ranges: [number, number][]; openFrom?: number } {
  let openFrom: number | undefined;
  const raw: [number, number][] = [];
  for (const p of pauses) {
    const from = Math.max(parseInstant(p.from, 'pause start'), startMs);
    const to = p.to === undefined ? nowMs : parseInstant(p.to, 'pause end');
    if (p.to === undefined) openFrom = openFrom === undefined ? from : Math.min(openFrom, from);
    if (to > from) raw.push([from, to]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  const ranges: [number, number][] = [];
  for (const r of raw) {
    const last = ranges[ranges.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else ranges.push([r[0], r[1]]);
  }
  return openFrom === undefined ? { ranges } : { ranges, openFrom };
}

/**
 * The snapshot the panel counts down from, or null when no response is needed. Time spent paused
 * (waiting for the buyer, say) extends the deadline: by elapsed time on calendar clocks, by the working
 * time lost on business clocks. Ship-by deadlines belong to Amazon and do not pause. A pause still open
 * at `now` marks the snapshot paused, with the deadline as it would be if the clock resumed now.
 */
export function computeSlaSnapshot(args: SlaSnapshotArgs): SlaSnapshot | null {
  if (args.noResponseNeeded) return null;
  const startMs = parseInstant(args.startedAt, 'startedAt');
  const nowMs = parseInstant(args.now, 'now');
  const { policy, calendar } = args;
  let deadlineMs: number;
  let paused = false;
  let remainingAtPauseMs: number | undefined;
  if (policy.clock === 'shipBy') {
    if (!args.shipBy) throw new SlaInputError(`"${policy.label}" runs to the order's ship-by date, and none was given`);
    deadlineMs = parseInstant(args.shipBy, 'shipBy');
  } else {
    deadlineMs = computeSlaDeadline(new Date(startMs), policy, calendar, args.cardNetwork ? { cardNetwork: args.cardNetwork } : {}).getTime();
    const { ranges, openFrom } = pauseRanges(args.pauses, startMs, nowMs);
    for (const [from, to] of ranges) {
      // A pause that starts after the clock ran out cannot save it.
      if (from >= deadlineMs) break;
      // The clock has stood still since `from` when the still-open pause is part of this range.
      if (openFrom !== undefined && from <= openFrom && openFrom <= to) remainingAtPauseMs = deadlineMs - from;
      deadlineMs = policy.clock === 'calendar' ? deadlineMs + (to - from) : advanceWorkingMs(deadlineMs, workingMsBetween(from, to, calendar), calendar);
    }
    paused = remainingAtPauseMs !== undefined;
  }
  const snapshot: SlaSnapshot = {
    caseKind: args.caseKind,
    label: policy.label,
    startedAt: new Date(startMs).toISOString(),
    deadline: new Date(deadlineMs).toISOString(),
    warningFraction: policy.warningFraction,
    paused,
    policyVersion: args.policyVersion,
  };
  if (remainingAtPauseMs !== undefined) snapshot.remainingAtPauseMs = Math.round(remainingAtPauseMs);
  if (args.marketplaceTimeZone) snapshot.marketplaceTimeZone = args.marketplaceTimeZone;
  return snapshot;
}
