import { sql } from 'drizzle-orm';
import type { Database, ListenFn } from '../db/open';

/** The NOTIFY channel that tells every instance to end the live streams of a token or an agent. */
export const SESSIONS_CHANNEL = 'caseside_sessions';

/** Concurrent live streams one token may hold (a browser needs one; a few more cover reloads and tabs). */
export const MAX_STREAMS_PER_TOKEN = 5;

export type SessionEnd = { teamId: string; tokenId: string; reason: 'revoked' } | { teamId: string; agentId: string; reason: 'deactivated' };

/**
 * Asks every instance to close the matching streams. Inside a transaction PostgreSQL (and PGlite)
 * deliver it at commit, so a stream is never cut for a change that was rolled back.
 */
export async function announceSessionEnd(db: Database, end: SessionEnd): Promise<void> {
  await db.execute(sql`select pg_notify(${SESSIONS_CHANNEL}, ${JSON.stringify(end)})`);
}

export interface OpenStream {
  teamId: string;
  agentId: string;
  tokenId: string;
  /** Tells the client why, then ends the response. */
  end(reason: string): void;
}

export class StreamLimitError extends Error {
  constructor(readonly limit: number) {
    super(`This token already has ${limit} live streams open (the limit is ${limit}); close one first.`);
  }
}

/** Longest delay setTimeout keeps exactly; a later expiry is re-armed when this one fires. */
const MAX_TIMER_MS = 2_147_000_000;

/**
 * The live streams open on THIS instance, by token. Revocations and deactivations arrive as NOTIFYs
 * (from any instance sharing the database) and end the matching streams at once; a token's expiry ends
 * its streams by timer. Also enforces the per-token cap.
 */
export class SessionHub {
  private readonly byToken = new Map<string, Set<OpenStream>>();
  private stopListening: (() => Promise<void>) | undefined;

  constructor(
    private readonly listen: ListenFn,
    private readonly maxPerToken = MAX_STREAMS_PER_TOKEN,
  ) {}

  async start(): Promise<void> {
    this.stopListening ??= await this.listen(SESSIONS_CHANNEL, (payload) => this.onNotify(payload));
  }

  async stop(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = undefined;
    for (const set of this.byToken.values()) for (const stream of [...set]) stream.end('shutdown');
    this.byToken.clear();
    await stop?.();
  }

  /** Registers a stream; throws StreamLimitError past the cap. Returns the function that unregisters it. */
  add(stream: OpenStream, expiresAt?: Date | null): () => void {
    let set = this.byToken.get(stream.tokenId);
    if (set && set.size >= this.maxPerToken) throw new StreamLimitError(this.maxPerToken);
    if (!set) this.byToken.set(stream.tokenId, (set = new Set()));
    set.add(stream);
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      if (!expiresAt) return;
      const left = expiresAt.getTime() - Date.now();
      if (left <= 0) return stream.end('expired');
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      timer.unref();
    };
    arm();
    return () => {
      clearTimeout(timer);
      set.delete(stream);
      if (set.size === 0 && this.byToken.get(stream.tokenId) === set) this.byToken.delete(stream.tokenId);
    };
  }

  countFor(tokenId: string): number {
    return this.byToken.get(tokenId)?.size ?? 0;
  }

  private onNotify(payload: string): void {
    const end = parseSessionEnd(payload);
    if (!end) return;
    for (const set of this.byToken.values()) {
      for (const stream of [...set]) {
        if (stream.teamId !== end.teamId) continue;
        if ('tokenId' in end ? stream.tokenId === end.tokenId : stream.agentId === end.agentId) stream.end(end.reason);
      }
    }
  }
}

function parseSessionEnd(payload: string): SessionEnd | undefined {
  try {
    const v = JSON.parse(payload) as Record<string, unknown>;
    if (typeof v.teamId !== 'string') return undefined;
    if (v.reason === 'revoked' && typeof v.tokenId === 'string') return { teamId: v.teamId, tokenId: v.tokenId, reason: 'revoked' };
    if (v.reason === 'deactivated' && typeof v.agentId === 'string') return { teamId: v.teamId, agentId: v.agentId, reason: 'deactivated' };
  } catch {
    // Not ours.
  }
  return undefined;
}
