import type { DisputeStage, DisputeStatus } from '../schemas/disputes';

/**
 * The order a card dispute moves in, so events that arrive late or twice never move it backwards.
 * Processors retry and reorder their notifications (Stripe does not guarantee order; Adyen resends until
 * it gets [accepted]), so the stored state only ever moves forward: to a later stage, or within a stage
 * from open to responded to closed. A closed dispute stays closed unless the processor reverses it
 * (a chargeback reversed, funds reinstated) or the issuer takes it to a later stage. Pure.
 */

export const STAGE_ORDER: readonly DisputeStage[] = ['alert', 'inquiry', 'chargeback', 'pre_arbitration'];

export const stageRank = (stage: DisputeStage): number => STAGE_ORDER.indexOf(stage);

export const CLOSED_STATUSES: ReadonlySet<DisputeStatus> = new Set(['won', 'lost', 'refunded', 'accepted']);

/** open < responded < closed (any of won, lost, refunded, accepted). */
export function statusRank(status: DisputeStatus): number {
  if (status === 'open') return 0;
  if (status === 'responded') return 1;
  return 2;
}

export interface StageState {
  stage: DisputeStage;
  status: DisputeStatus;
  /** When the processor says the change happened (event time), to order equal-rank updates. */
  at: Date;
}

export interface IncomingState extends StageState {
  /** The processor undoes an earlier outcome (Adyen CHARGEBACK_REVERSED, Stripe funds_reinstated). */
  reversal?: boolean;
}

export type MergeVerdict = 'create' | 'advance' | 'refresh' | 'reverse' | 'stale' | 'same';

/**
 * What an incoming event does to the stored state:
 * create (nothing stored), advance (a later stage or a higher status), refresh (same stage and status,
 * newer event: amounts and deadlines may change), reverse (a reversal changes a closed outcome),
 * stale (earlier stage or status, or older news), same (nothing new).
 */
export function mergeVerdict(current: StageState | undefined, incoming: IncomingState): MergeVerdict {
  if (!current) return 'create';
  const byStage = stageRank(incoming.stage) - stageRank(current.stage);
  if (byStage > 0) return 'advance';
  if (byStage < 0) return 'stale';
  const currentClosed = CLOSED_STATUSES.has(current.status);
  if (currentClosed) {
    if (incoming.reversal && CLOSED_STATUSES.has(incoming.status) && incoming.status !== current.status) return 'reverse';
    if (incoming.status === current.status) return incoming.at.getTime() > current.at.getTime() ? 'refresh' : 'same';
    return 'stale';
  }
  const byStatus = statusRank(incoming.status) - statusRank(current.status);
  if (byStatus > 0) return 'advance';
  if (byStatus < 0) return 'stale';
  if (incoming.status !== current.status) return 'stale';
  return incoming.at.getTime() > current.at.getTime() ? 'refresh' : 'same';
}

/** Whether the verdict writes the incoming state. */
export const verdictApplies = (v: MergeVerdict): boolean => v === 'create' || v === 'advance' || v === 'refresh' || v === 'reverse';

/** The state after the incoming event (the stored one when the event changes nothing). */
export function mergeState(current: StageState | undefined, incoming: IncomingState): StageState {
  const verdict = mergeVerdict(current, incoming);
  if (!verdictApplies(verdict)) return current!;
  return { stage: incoming.stage, status: incoming.status, at: current && current.at > incoming.at ? current.at : incoming.at };
}
