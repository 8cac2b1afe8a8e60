import type { CaseRecord } from '../../utils/schemas/api';
import type { PageContext } from '../../utils/schemas/page';
import { CardNetwork, SlaPolicy, TeamCalendar, type SlaPolicySet, type SlaSnapshot } from '../../utils/schemas/sla';
import { caseKindForPage, type PageClock } from '../../utils/sla/case-kind';
import { computeSlaSnapshot, type Pause } from '../../utils/sla/deadline';
import { operatorOf, policyOf } from '../../utils/sla/policies';
import { TZDate } from '@date-fns/tz';
import { subDays, subHours } from 'date-fns';
import type { Database } from '../db/open';
import { deleteCaseClock, getCaseClock, putCaseClock, updateCaseClock, type CaseClockRow, type CaseClockValues } from '../repositories/case-clocks';

/**
 * A case's SLA clock as stored in case_clocks: the policy version it started under, its pauses, and the
 * deadline the queue ranks by. The panel's countdown and the queue both read it through `snapshotOfClock`.
 */

/** The snapshot of a stored clock at `now`; null when no response is needed or the stored policy is unusable. */
export function snapshotOfClock(row: CaseClockRow, now: Date): SlaSnapshot | null {
  const policy = SlaPolicy.safeParse(row.policy);
  const calendar = TeamCalendar.safeParse(row.calendar);
  const network = CardNetwork.safeParse(row.cardNetwork);
  if (!policy.success || !calendar.success) return null;
  try {
    return computeSlaSnapshot({
      caseKind: row.caseKind as SlaSnapshot['caseKind'],
      startedAt: row.startedAt.toISOString(),
      pauses: row.pauses,
      noResponseNeeded: row.noResponseNeeded,
      ...(row.shipBy ? { shipBy: row.shipBy.toISOString() } : {}),
      ...(network.success ? { cardNetwork: network.data } : {}),
      ...(row.marketplaceTimeZone ? { marketplaceTimeZone: row.marketplaceTimeZone } : {}),
      policy: policy.data,
      calendar: calendar.data,
      policyVersion: row.policyVersion,
      now: now.toISOString(),
    });
  } catch {
    return null;
  }
}

/** The ranking columns that follow from a clock's terms and pauses. */
export function rankingOf(row: CaseClockRow, now: Date): Pick<CaseClockValues, 'deadline' | 'remainingAtPauseMs'> {
  const snapshot = snapshotOfClock({ ...row, noResponseNeeded: false }, now);
  if (!snapshot) return { deadline: row.deadline, remainingAtPauseMs: row.remainingAtPauseMs };
  return { deadline: new Date(snapshot.deadline), remainingAtPauseMs: snapshot.remainingAtPauseMs ?? null };
}

/** The clock's terms under a policy set version (used for new clocks and when a lead applies a new version). */
export function termsUnder(
  policySet: SlaPolicySet,
  caseKind: string,
  operator?: string,
): Pick<CaseClockValues, 'policyVersion' | 'policy' | 'calendar'> | undefined {
  const policy = policyOf(policySet, caseKind, operator);
  if (!policy) return undefined;
  return { policyVersion: policySet.version, policy: { ...policy }, calendar: { ...policySet.calendar } };
}

/** The marketplace operator whose own deadlines apply to the page's case (Mirakl operators), if any. */
const operatorOfPage = (ctx: PageContext) => operatorOf(ctx.portal, ctx.marketplace?.code);

export interface PanelClockInput {
  ctx: PageContext;
  caseRecord: CaseRecord | null;
  policySet: SlaPolicySet;
  now: Date;
}

/**
 * The panel's SLA snapshot. A case keeps the clock it started with: the first load stores the current
 * policy version's terms; later loads only add what the page now tells (a start time, a ship-by date)
 * and the page URL. A page that no longer shows a deadline (an order shipped) stops the clock.
 */
export async function panelClock(db: Database, teamId: string, input: PanelClockInput): Promise<SlaSnapshot | null> {
  const pageClock = caseKindForPage(input.ctx);
  const clock = pageClock ? withStartFromDeadline(pageClock, input.policySet, operatorOfPage(input.ctx)) : null;
  const snapshot = await storedPanelClock(db, teamId, input, clock);
  return snapshot && clock ? describeStart(snapshot, clock, input) : snapshot;
}

/**
 * A page that shows its own deadline (a chargeback's respond-by date) and no start: the start is the
 * deadline minus the policy's calendar duration, so the countdown ends exactly when the page says.
 */
export function withStartFromDeadline(clock: PageClock, policySet: SlaPolicySet, operator?: string): PageClock {
  if (!clock.endsAt || clock.startedAt) return clock;
  const policy = policyOf(policySet, clock.caseKind, operator);
  const duration = (clock.cardNetwork && policy?.byCardNetwork?.[clock.cardNetwork]) ?? policy?.duration;
  if (!policy || policy.clock !== 'calendar' || !duration) return clock;
  const end = new TZDate(clock.endsAt, policySet.calendar.timeZone);
  // Days are calendar days at the same wall time in the team's zone, as the deadline engine counts them.
  const start = duration.unit === 'days' ? subDays(end, duration.amount) : subHours(end, duration.amount);
  return Number.isNaN(start.getTime()) ? clock : { ...clock, startedAt: new Date(start.getTime()).toISOString() };
}

/** Says whether the clock started at a time the page shows or when the case was first seen. */
function describeStart(snapshot: SlaSnapshot, clock: PageClock, input: PanelClockInput): SlaSnapshot {
  const source = input.ctx.clockStart?.source;
  const fromPage =
    Boolean(clock.startedAt || clock.shipBy) || (input.caseRecord !== null && snapshot.startedAt !== new Date(input.caseRecord.openedAt).toISOString());
  return { ...snapshot, startedFrom: fromPage ? 'page' : 'first-sight', ...(fromPage && source ? { startSource: source } : {}) };
}

async function storedPanelClock(db: Database, teamId: string, input: PanelClockInput, clock: PageClock | null): Promise<SlaSnapshot | null> {
  const { caseRecord, now } = input;
  if (!caseRecord) return clock ? unstoredSnapshot(clock, input) : null;
  const stored = await getCaseClock(db, teamId, caseRecord.id);
  if (!clock) {
    if (stored) await deleteCaseClock(db, teamId, caseRecord.id);
    return null;
  }
  const facts = {
    startedAt: new Date(clock.startedAt ?? stored?.startedAt.toISOString() ?? caseRecord.openedAt),
    shipBy: clock.shipBy ? new Date(clock.shipBy) : (stored?.shipBy ?? null),
    cardNetwork: clock.cardNetwork ?? stored?.cardNetwork ?? null,
    marketplaceTimeZone: input.ctx.marketplace?.timeZone ?? stored?.marketplaceTimeZone ?? null,
    pageUrl: input.ctx.url,
  };
  if (!stored || stored.caseKind !== clock.caseKind) {
    // A new clock (or a claim that moved on to its appeal stage): the current policy version applies.
    const terms = termsUnder(input.policySet, clock.caseKind, operatorOfPage(input.ctx));
    if (!terms) return null;
    const draft: CaseClockRow = {
      ...facts,
      ...terms,
      caseId: caseRecord.id,
      teamId,
      caseKind: clock.caseKind,
      pauses: [],
      remainingAtPauseMs: null,
      deadline: now,
      noResponseNeeded: false,
      updatedAt: now,
    };
    const snapshot = snapshotOfClock(draft, now);
    if (!snapshot) return null;
    await putCaseClock(db, teamId, caseRecord.id, {
      ...facts,
      ...terms,
      caseKind: clock.caseKind,
      pauses: [],
      noResponseNeeded: false,
      ...rankingOf(draft, now),
    });
    return snapshot;
  }
  const next: CaseClockRow = { ...stored, ...facts };
  const changed =
    next.startedAt.getTime() !== stored.startedAt.getTime() ||
    (next.shipBy?.getTime() ?? null) !== (stored.shipBy?.getTime() ?? null) ||
    next.cardNetwork !== stored.cardNetwork ||
    next.marketplaceTimeZone !== stored.marketplaceTimeZone ||
    next.pageUrl !== stored.pageUrl;
  if (changed) await updateCaseClock(db, teamId, caseRecord.id, { ...facts, ...rankingOf(next, now) });
  return snapshotOfClock(next, now);
}

/** A page with a deadline but no case to keep it on: computed, not stored. */
function unstoredSnapshot(clock: PageClock, input: PanelClockInput): SlaSnapshot | null {
  const policy = policyOf(input.policySet, clock.caseKind, operatorOfPage(input.ctx));
  if (!policy) return null;
  const timeZone = input.ctx.marketplace?.timeZone;
  try {
    return computeSlaSnapshot({
      caseKind: clock.caseKind,
      startedAt: clock.startedAt ?? input.now.toISOString(),
      pauses: [],
      ...(clock.shipBy ? { shipBy: clock.shipBy } : {}),
      ...(clock.cardNetwork ? { cardNetwork: clock.cardNetwork } : {}),
      ...(timeZone ? { marketplaceTimeZone: timeZone } : {}),
      policy,
      calendar: input.policySet.calendar,
      policyVersion: input.policySet.version,
      now: input.now.toISOString(),
    });
  } catch {
    // A page without what the policy needs (say, a ship-by date) shows no clock rather than failing the panel.
    return null;
  }
}

export type SlaActionKind = 'pause' | 'resume' | 'no_response_needed';

/** The clock after an agent's action, or a sentence saying why the action does not apply. */
export function applyAction(
  row: CaseClockRow,
  action: SlaActionKind,
  at: Date,
  now: Date,
): { ok: true; values: Partial<CaseClockValues> } | { ok: false; message: string } {
  if (row.noResponseNeeded) return { ok: false, message: 'This case was marked as needing no response; its clock no longer runs.' };
  const open = row.pauses.find((p) => p.to === undefined);
  if (action === 'no_response_needed') return { ok: true, values: { noResponseNeeded: true } };
  if (action === 'pause') {
    if ((SlaPolicy.safeParse(row.policy).data?.clock ?? 'shipBy') === 'shipBy')
      return { ok: false, message: 'A ship-by deadline belongs to the portal and cannot be paused.' };
    if (open) return { ok: false, message: `The clock is already paused (since ${open.from}).` };
    // The engine ignores a pause that starts after the deadline; say so instead of pretending to pause.
    if (row.deadline && row.deadline.getTime() <= at.getTime()) return { ok: false, message: 'The deadline has already passed; pausing cannot move it.' };
    const pauses: Pause[] = [...row.pauses, { from: at.toISOString() }];
    return { ok: true, values: { pauses, ...rankingOf({ ...row, pauses }, now) } };
  }
  if (!open) return { ok: false, message: 'The clock is not paused.' };
  const pauses: Pause[] = row.pauses.map((p) =>
    p === open ? { from: p.from, to: (at.getTime() < Date.parse(p.from) ? new Date(p.from) : at).toISOString() } : p,
  );
  return { ok: true, values: { pauses, ...rankingOf({ ...row, pauses }, now) } };
}
