import type { LiveEvent } from '../../utils/schemas/api';
import type { Database, ListenFn } from '../db/open';
import { getEvent, LIVE_EVENTS_CHANNEL } from '../repositories/events';

type Subscriber = (event: LiveEvent) => void;

/**
 * Fans case events out to the SSE streams open on THIS instance. Writers (on any instance sharing the
 * database) only NOTIFY `{ teamId, eventId }`; every instance hears it, loads the event under that team
 * and pushes it to its own subscribers of that team. PGlite delivers the same NOTIFY in-process.
 */
export class LiveHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private stopListening: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Database,
    private readonly listen: ListenFn,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  async start(): Promise<void> {
    this.stopListening ??= await this.listen(LIVE_EVENTS_CHANNEL, (payload) => {
      this.deliver(payload).catch(this.onError);
    });
  }

  async stop(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = undefined;
    this.subscribers.clear();
    await stop?.();
  }

  /** Subscribes to one team's events; returns the unsubscribe function. */
  subscribe(teamId: string, subscriber: Subscriber): () => void {
    let set = this.subscribers.get(teamId);
    if (!set) this.subscribers.set(teamId, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(teamId);
    };
  }

  subscriberCount(teamId: string): number {
    return this.subscribers.get(teamId)?.size ?? 0;
  }

  private async deliver(payload: string): Promise<void> {
    const parsed = parsePayload(payload);
    if (!parsed) return;
    const set = this.subscribers.get(parsed.teamId);
    if (!set || set.size === 0) return;
    // Loaded with the team id from the notification: an event id alone never crosses teams.
    const event = await getEvent(this.db, parsed.teamId, parsed.eventId);
    if (!event) return;
    const live: LiveEvent = { type: 'case-event', orderId: event.orderId, caseId: event.caseId, event };
    for (const subscriber of [...set]) subscriber(live);
  }
}

function parsePayload(payload: string): { teamId: string; eventId: string } | undefined {
  try {
    const value = JSON.parse(payload) as { teamId?: unknown; eventId?: unknown };
    if (typeof value.teamId === 'string' && typeof value.eventId === 'string') return { teamId: value.teamId, eventId: value.eventId };
  } catch {
    // Not ours: some other NOTIFY on the channel.
  }
  return undefined;
}
