import pg from 'pg';
import { backoffDelay } from '../../utils/backoff';

/**
 * LISTEN over one dedicated PostgreSQL connection per database handle, shared by every channel the
 * instance follows (live events, sessions, team configuration): one connection, not one per channel.
 *
 * The connection comes back by itself: when it drops (server restart, network), it reconnects with
 * backoff and LISTENs on every channel again, so an instance never goes deaf to other instances' events.
 * NOTIFYs sent while it is away are lost; each subscriber's `onResume` is then called so it can assume
 * it missed something (the team configuration cache drops what it holds; the extension reloads the panel
 * when its stream reconnects).
 */
interface Subscription {
  onPayload: (payload: string) => void;
  onResume?: () => void;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

export class PgListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private readonly channels = new Map<string, Set<Subscription>>();
  private stopped = false;
  /** Set once a connection was lost: the next one that LISTENs again tells the subscribers. */
  private lostSinceListening = false;
  private retryTimer: NodeJS.Timeout | undefined;
  /** Reconnects that failed in a row since the connection was lost. */
  private failedReconnects = 0;

  /** `applicationName` shows in pg_stat_activity, so operators (and tests) can tell this connection. */
  constructor(
    private readonly url: string,
    private readonly applicationName = 'caseside listener',
  ) {}

  /**
   * Follows a channel; resolves once the LISTEN is in place (the first connection's failure is the
   * caller's error). Returns the function that stops following it.
   */
  async listen(channel: string, onPayload: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>> {
    if (!CHANNEL_NAME.test(channel)) throw new Error(`invalid channel name: ${channel}`);
    if (this.stopped) throw new Error('the listener is stopped');
    const subscription: Subscription = { onPayload, ...(onResume ? { onResume } : {}) };
    let set = this.channels.get(channel);
    const first = !set;
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(subscription);
    try {
      if (this.client) {
        if (first) await this.client.query(`LISTEN "${channel}"`);
      } else {
        // A new connection LISTENs on every channel in the map, this one included.
        await this.ensureConnected();
      }
    } catch (err) {
      this.remove(channel, subscription);
      throw err;
    }
    return async () => {
      // The connection stays open for the handle's other and later channels; `stop` closes it.
      if (this.remove(channel, subscription)) await this.client?.query(`UNLISTEN "${channel}"`).catch(() => {});
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.channels.clear();
    await client?.end().catch(() => {});
  }

  /** Drops a subscription; true when it was the channel's last one. */
  private remove(channel: string, subscription: Subscription): boolean {
    const set = this.channels.get(channel);
    if (!set?.delete(subscription)) return false;
    if (set.size > 0) return false;
    this.channels.delete(channel);
    return true;
  }

  /** One connection at a time: a LISTEN during a reconnect waits for the same attempt. */
  private ensureConnected(): Promise<void> {
    if (this.client || this.stopped) return Promise.resolve();
    return (this.connecting ??= this.connect().finally(() => (this.connecting = undefined)));
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: this.applicationName });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      this.lostSinceListening = true;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => {});
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (msg) => {
      for (const s of [...(this.channels.get(msg.channel) ?? [])]) s.onPayload(msg.payload ?? '');
    });
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN "${channel}"`);
    } catch (err) {
      client.removeListener('end', onLost);
      client.removeListener('error', onLost);
      await client.end().catch(() => {});
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.failedReconnects = 0;
    if (this.lostSinceListening) {
      this.lostSinceListening = false;
      for (const set of this.channels.values()) for (const s of [...set]) s.onResume?.();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () => {
        this.ensureConnected().catch(() => {
          this.failedReconnects++;
          this.scheduleReconnect();
        });
      },
      backoffDelay(this.failedReconnects + 1, { baseMs: MIN_RETRY_MS, maxMs: MAX_RETRY_MS }),
    );
    this.retryTimer.unref();
  }
}

const MIN_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;
