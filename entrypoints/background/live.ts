import { createParser } from 'eventsource-parser';
import { routePath } from '@/utils/api-routes';
import { backoffDelay } from '@/utils/backoff';
import { LiveEvent } from '@/utils/schemas/api';
import type { Credentials } from './db';

/**
 * Follows the backend's event stream (`GET /v1/stream`, server-sent events) with fetch, because a
 * service worker has no EventSource and the token must travel in a header. Reconnects by itself with
 * backoff; each valid event goes to `onEvent`. Invalid lines are ignored, never thrown.
 */
export interface LiveStreamDeps {
  getCredentials: () => Promise<Credentials | null>;
  onEvent: (event: LiveEvent) => void;
  onStateChange?: (connected: boolean) => void;
  fetchImpl?: typeof fetch;
}

const MAX_RETRY_MS = 15_000;

export class LiveStream {
  private controller: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private running = false;
  /** The server's `retry:` field: the base of the reconnect delay. */
  private retryBaseMs = 500;

  constructor(private readonly deps: LiveStreamDeps) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    this.controller?.abort();
    this.controller = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Drop the current connection and connect again (after sign-in, or when the network is back). */
  restart(): void {
    this.stop();
    this.failures = 0;
    this.start();
  }

  private async connect(): Promise<void> {
    const creds = await this.deps.getCredentials();
    if (!creds || !this.running) {
      this.running = false;
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    try {
      const response = await (this.deps.fetchImpl ?? fetch)(`${creds.backendUrl}${routePath('stream.open')}`, {
        headers: { Authorization: `Bearer ${creds.token}`, Accept: 'text/event-stream' },
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      this.failures = 0;
      this.deps.onStateChange?.(true);
      await readServerSentEvents(
        response.body,
        ({ data }) => {
          let json: unknown;
          try {
            json = JSON.parse(data);
          } catch {
            return;
          }
          const parsed = LiveEvent.safeParse(json);
          if (parsed.success) this.deps.onEvent(parsed.data);
        },
        (ms) => {
          this.retryBaseMs = ms;
        },
      );
    } catch {
      // fall through to reconnect
    }
    this.deps.onStateChange?.(false);
    if (!this.running || controller.signal.aborted) return;
    this.failures++;
    // The first retry waits what the server asked for; repeated failures back off from there.
    const delay = backoffDelay(this.failures, { baseMs: this.retryBaseMs, maxMs: MAX_RETRY_MS });
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}

export interface ServerSentEvent {
  data: string;
  id?: string;
  event?: string;
}

/**
 * Reads an SSE byte stream with eventsource-parser (the WHATWG parsing rules: comments, `id:`, `event:`,
 * `retry:`, CRLF, events split across chunks), calling `onEvent` for each event with data.
 */
export async function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ServerSentEvent) => void,
  onRetry?: (ms: number) => void,
): Promise<void> {
  const parser = createParser({
    onEvent: (event) => {
      if (event.data) onEvent({ data: event.data, id: event.id, event: event.event });
    },
    onRetry: (ms) => onRetry?.(ms),
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    parser.feed(decoder.decode(value, { stream: true }));
  }
}
