import { PORTAL_DEFINITIONS, type PortalClockId } from '../portals/catalogue';
import { SlaPolicySet, type SlaPolicy, type SlaPolicyTerms, type TeamCalendar } from '../schemas/sla';
import { describeIssue, type ValidationError } from '../fraud/validation-errors';
import { isValidTimeZone, minutesOfDay } from './zoned';

/** Monday to Friday, 09:00-17:00 in Berlin; a team edits this in its settings. */
export const DEFAULT_CALENDAR: TeamCalendar = {
  timeZone: 'Europe/Berlin',
  workingHours: {
    mon: [{ start: '09:00', end: '17:00' }],
    tue: [{ start: '09:00', end: '17:00' }],
    wed: [{ start: '09:00', end: '17:00' }],
    thu: [{ start: '09:00', end: '17:00' }],
    fri: [{ start: '09:00', end: '17:00' }],
  },
  holidays: [],
};

const days = (amount: number) => ({ amount, unit: 'days' as const });

/**
 * The marketplaces' published deadlines (each portal's folder, docs/portals.md) and the card networks'
 * dispute window, version 1. Every number here is a team setting.
 */
export const DEFAULT_POLICIES: SlaPolicySet = {
  version: 1,
  calendar: DEFAULT_CALENDAR,
  policies: {
    ...(Object.fromEntries(PORTAL_DEFINITIONS.flatMap((p) => Object.entries(p.sla.policies))) as Record<PortalClockId, SlaPolicy>),
    // Network rules; processors often give less, so teams shorten these.
    card_dispute: {
      label: 'Card dispute response',
      warningFraction: 0.25,
      notifyLeadMinutes: 3 * 24 * 60,
      clock: 'calendar',
      duration: days(30),
      byCardNetwork: { visa: days(30), mastercard: days(45), amex: days(20), discover: days(30) },
    },
  },
};

/** The clocks of platforms hosting many operators (Mirakl): the ones a lead can give operators' own terms. */
export const OPERATOR_CLOCKS: ReadonlySet<string> = new Set(
  PORTAL_DEFINITIONS.filter((p) => p.marketplaces.operator).flatMap((p) => Object.keys(p.sla.policies)),
);

/**
 * The operator whose own deadlines apply to a marketplace, on a platform hosting many (Mirakl's
 * `<OPERATOR>-<COUNTRY>` codes); undefined elsewhere or when the page named no marketplace.
 */
export function operatorOf(portal: string | undefined, marketplaceCode: string | null | undefined): string | undefined {
  if (!portal || !marketplaceCode) return undefined;
  return PORTAL_DEFINITIONS.find((p) => p.id === portal)?.marketplaces.operator?.(marketplaceCode);
}

/**
 * The terms one case runs on: the operator's own when the lead set them, else the policy's. The result
 * carries no `byOperator`: it is what a case's clock keeps, so a later change of the table moves a case
 * only when the lead applies it to open cases.
 */
export function policyFor(policy: SlaPolicy, operator?: string): SlaPolicy {
  const { byOperator, ...terms } = policy;
  const own: SlaPolicyTerms | undefined = operator ? byOperator?.[operator] : undefined;
  if (!own) return terms;
  return { ...terms, clock: own.clock, duration: own.duration, warningFraction: own.warningFraction ?? terms.warningFraction };
}

/** A case kind's policy in a set, with the operator's own terms when it has them. */
export function policyOf(policySet: SlaPolicySet, caseKind: string, operator?: string): SlaPolicy | undefined {
  const policy = policySet.policies[caseKind as keyof SlaPolicySet['policies']];
  return policy ? policyFor(policy, operator) : undefined;
}

export type PolicyError = ValidationError;
export type PolicyValidation = { ok: true; policySet: SlaPolicySet } | { ok: false; errors: PolicyError[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored set saved before a clock existed (a portal added since) lacks that clock: read back, it takes
 * its default, and the lead's own edits to every other clock stand (rather than the whole set failing and
 * the team silently running on defaults). A set a lead sends must still name every clock.
 */
export function withNewClocks(json: unknown): unknown {
  if (!isObject(json) || !isObject(json.policies)) return json;
  return { ...json, policies: { ...DEFAULT_POLICIES.policies, ...json.policies } };
}

/** Checks a policy set a lead edited; never throws. Messages name the field and the problem. */
export function validatePolicySet(json: unknown): PolicyValidation {
  const parsed = SlaPolicySet.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => describeIssue(issue, 'policy set')) };
  const set = parsed.data;
  const errors: PolicyError[] = [];
  const { calendar } = set;
  if (!isValidTimeZone(calendar.timeZone))
    errors.push({ path: 'calendar.timeZone', message: `calendar.timeZone "${calendar.timeZone}" is not a known IANA time zone` });
  let workingMinutes = 0;
  for (const [day, intervals] of Object.entries(calendar.workingHours)) {
    (intervals ?? []).forEach((interval, i) => {
      const start = minutesOfDay(interval.start);
      const end = minutesOfDay(interval.end);
      if (end <= start) {
        errors.push({
          path: `calendar.workingHours.${day}.${i}`,
          message: `calendar.workingHours.${day}.${i}: end (${interval.end}) must be after start (${interval.start})`,
        });
      }
      workingMinutes += Math.max(0, end - start);
    });
  }
  calendar.holidays.forEach((date, i) => {
    if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      errors.push({ path: `calendar.holidays.${i}`, message: `calendar.holidays.${i}: "${date}" is not a real date` });
    }
  });
  for (const [kind, p] of Object.entries(set.policies)) {
    const at = `policies.${kind}`;
    if (p.clock !== 'shipBy' && !p.duration) errors.push({ path: `${at}.duration`, message: `${at}.duration is required for a ${p.clock} clock` });
    if (p.clock === 'shipBy' && p.duration)
      errors.push({ path: `${at}.duration`, message: `${at}.duration must be left out: a shipBy clock runs to the order's ship-by date` });
    if (p.clock === 'business') {
      if (workingMinutes === 0) errors.push({ path: `${at}.clock`, message: `${at} uses business time but calendar.workingHours has no working hours` });
      const durations = [p.duration, ...Object.values(p.byCardNetwork ?? {})];
      if (durations.some((d) => d && d.unit === 'days' && !Number.isInteger(d.amount))) {
        errors.push({ path: `${at}.duration`, message: `${at}: business days must be whole numbers` });
      }
    }
    for (const [operator, own] of Object.entries(p.byOperator ?? {})) {
      const ownAt = `${at}.byOperator.${operator}`;
      if (p.clock === 'shipBy') errors.push({ path: ownAt, message: `${ownAt} must be left out: a shipBy clock runs to the order's ship-by date` });
      if (own.clock !== 'business') continue;
      if (workingMinutes === 0) errors.push({ path: `${ownAt}.clock`, message: `${ownAt} uses business time but calendar.workingHours has no working hours` });
      if (own.duration.unit === 'days' && !Number.isInteger(own.duration.amount))
        errors.push({ path: `${ownAt}.duration`, message: `${ownAt}: business days must be whole numbers` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policySet: set };
}

/**
 * Whether an open case's clock is recomputed under a new policy version. Leads choose: changes apply to
 * new cases only (the promise made to the buyer stands) or to open cases too.
 */
export function shouldRecompute(openCase: { policyVersion: number }, newVersion: number, opts: { applyToOpenCases: boolean }): boolean {
  return opts.applyToOpenCases && newVersion > openCase.policyVersion;
}
