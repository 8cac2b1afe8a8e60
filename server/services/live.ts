import type { LiveEvent } from '../../utils/schemas/api';
import type { Database, ListenFn } from '../db/open';
import { getEvents, LIVE_EVENTS_CHANNEL } from '../repositories/events';

type Subscriber = (event: LiveEvent) => void;

/** Events loaded in one query. */
const FLUSH_CHUNK = 500;

/**
 * Fans case events out to the SSE streams open on THIS instance. Writers (on any instance sharing the
 * database) only NOTIFY `{ teamId, eventId }`; every instance hears it, loads the event under that team
 * and pushes it to its own subscribers of that team. PGlite delivers the same NOTIFY in-process.
 * Notifications that arrive together (a dispute import announces up to 500 lines per transaction) are
 * loaded together, one query per team and turn of the event loop instead of one per event.
 */
export class LiveHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private stopListening: (() => Promise<void>) | undefined;
  /** Event ids heard but not loaded yet, per team, in the order they were announced. */
  private pending = new Map<string, string[]>();
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly listen: ListenFn,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  async start(): Promise<void> {
    this.stopListening ??= await this.listen(LIVE_EVENTS_CHANNEL, (payload) => {
      this.hear(payload);
    });
  }

  async stop(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = undefined;
    this.subscribers.clear();
    this.pending.clear();
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

  private hear(payload: string): void {
    const parsed = parsePayload(payload);
    if (!parsed || this.subscriberCount(parsed.teamId) === 0) return;
    const ids = this.pending.get(parsed.teamId) ?? [];
    ids.push(parsed.eventId);
    this.pending.set(parsed.teamId, ids);
    this.schedule();
  }

  /** One flush at a time, on the next turn of the event loop, so what arrives together is loaded together. */
  private schedule(): void {
    if (this.flushing || this.pending.size === 0) return;
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.flush())
      .catch(this.onError)
      .finally(() => {
        this.flushing = undefined;
        this.schedule();
      });
  }

  /** Loads what was heard and pushes it to the team's subscribers, in the order it was announced. */
  private async flush(): Promise<void> {
    while (this.pending.size > 0) {
      const [teamId, all] = this.pending.entries().next().value as [string, string[]];
      const ids = all.splice(0, FLUSH_CHUNK);
      if (all.length === 0) this.pending.delete(teamId);
      if (this.subscriberCount(teamId) === 0) continue;
      // Loaded with the team id from the notification: an event id alone never crosses teams.
      const byId = new Map((await getEvents(this.db, teamId, ids)).map((event) => [event.id, event]));
      const set = this.subscribers.get(teamId);
      if (!set) continue;
      for (const id of ids) {
        const event = byId.get(id);
        if (!event) continue;
        const live: LiveEvent = { type: 'case-event', orderId: event.orderId, caseId: event.caseId, event };
        for (const subscriber of [...set]) subscriber(live);
      }
    }
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
