import { z } from 'zod';
import { PORTAL_CLOCK_IDS } from '../portals/catalogue';
import { Instant } from './common';

/**
 * The case kinds that carry a deadline: the portals' clocks (the marketplaces' published response and
 * dispute windows, each in its portal's folder) and the card networks' dispute window.
 */
export const SlaCaseKind = z.enum([...PORTAL_CLOCK_IDS, 'card_dispute']);
export type SlaCaseKind = z.infer<typeof SlaCaseKind>;

export const SlaState = z.enum(['ok', 'warning', 'breached', 'paused', 'none']);
export type SlaState = z.infer<typeof SlaState>;

/** What the panel needs to draw a countdown; the countdown itself ticks locally. */
export const SlaSnapshot = z.strictObject({
  caseKind: SlaCaseKind,
  /** Human label of the clock, e.g. "Buyer message reply". */
  label: z.string(),
  startedAt: Instant,
  deadline: Instant,
  /** Below this fraction of the total time left, the state is warning. */
  warningFraction: z.number().min(0).max(1),
  paused: z.boolean(),
  /** When paused, how much time was left at the pause (ms). */
  remainingAtPauseMs: z.number().int().optional(),
  /** Zone the marketplace's deadline is shown in. */
  marketplaceTimeZone: z.string().optional(),
  policyVersion: z.number().int(),
  /**
   * Where the start came from: a time the page shows (`page`) or, when it shows none, the moment the
   * case was first seen (`first-sight`); the panel says which in words.
   */
  startedFrom: z.enum(['page', 'first-sight']).optional(),
  /** What the page showed the start as (the buyer's message, the notice, the claim ...). */
  startSource: z
    .enum(['buyer-message', 'customer-care-request', 'notice', 'respond-by', 'claim', 'information-request', 'return-request', 'return-received', 'purchase'])
    .optional(),
});
export type SlaSnapshot = z.infer<typeof SlaSnapshot>;

// ---------------------------------------------------------------------------------------------------
// Policies: how long each clock runs. Versioned per team; utils/sla/policies.ts validates and defaults.

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

/** Local wall time "HH:MM" (24:00 allowed as an end). */
export const TimeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time such as 09:00');

export const WorkingInterval = z.strictObject({ start: TimeOfDay, end: TimeOfDay });
export type WorkingInterval = z.infer<typeof WorkingInterval>;

/** When the team works: business-time clocks only run inside these hours, in this zone. */
export const TeamCalendar = z.strictObject({
  /** IANA zone, e.g. Europe/Berlin. */
  timeZone: z.string().min(1),
  /** Working intervals per weekday; a missing or empty day is a day off. */
  workingHours: z.partialRecord(Weekday, z.array(WorkingInterval)),
  /** Local dates (YYYY-MM-DD) with no working hours. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2026-12-25')).default([]),
});
export type TeamCalendar = z.infer<typeof TeamCalendar>;

export const CardNetwork = z.enum(['visa', 'mastercard', 'amex', 'discover']);
export type CardNetwork = z.infer<typeof CardNetwork>;

export const SlaDuration = z.strictObject({ amount: z.number().positive(), unit: z.enum(['hours', 'days']) });
export type SlaDuration = z.infer<typeof SlaDuration>;

/**
 * calendar: elapsed time (days are calendar days at the same wall time in the team's zone);
 * business: only the team calendar's working hours count (days are working days);
 * shipBy: the deadline is the order's ship-by date.
 */
export const SlaClock = z.enum(['calendar', 'business', 'shipBy']);
export type SlaClock = z.infer<typeof SlaClock>;

/** A marketplace operator on a platform that hosts many (Mirakl: MEDIAMARKT, CONRAD), as in its marketplace codes. */
export const SlaOperator = z.string().regex(/^[A-Z][A-Z0-9]{1,23}$/, 'expected an operator code in capitals, such as MEDIAMARKT');
export type SlaOperator = z.infer<typeof SlaOperator>;

/** One operator's own terms for a clock: its window and how it is counted (a ship-by clock has no operator terms). */
export const SlaPolicyTerms = z.strictObject({
  clock: z.enum(['calendar', 'business']),
  duration: SlaDuration,
  /** Left out: the policy's own. */
  warningFraction: z.number().min(0).max(1).optional(),
});
export type SlaPolicyTerms = z.infer<typeof SlaPolicyTerms>;

export const SlaPolicy = z.strictObject({
  label: z.string().min(1).max(120),
  clock: SlaClock,
  /** Required unless the clock is shipBy. */
  duration: SlaDuration.optional(),
  /** Card disputes: the response window per card network; `duration` covers unknown networks. */
  byCardNetwork: z.partialRecord(CardNetwork, SlaDuration).optional(),
  /** Platforms with many operators (Mirakl): an operator's own terms replace the policy's for its marketplaces. */
  byOperator: z.record(SlaOperator, SlaPolicyTerms).optional(),
  warningFraction: z.number().min(0).max(1).default(0.25),
  /** How long before the deadline agents are notified. */
  notifyLeadMinutes: z.number().int().min(0).default(60),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const SlaPolicySet = z.strictObject({
  version: z.number().int().min(1),
  policies: z.record(SlaCaseKind, SlaPolicy),
  calendar: TeamCalendar,
});
export type SlaPolicySet = z.infer<typeof SlaPolicySet>;
