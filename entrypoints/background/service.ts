import type { LiveEvent, Me } from '@/utils/schemas/api';
import type { AnyRequest, Result, SyncStatus } from '@/utils/messaging';
import type { CasesideDatabase } from './db';
import { handlers, type ResponseMap } from './handlers';
import { dispatch, type HandlerMap, type MessageOrigin, type PanelTarget, type SectionTarget } from './handlers/define';
import { LiveStream } from './live';
import { OutboxWrites } from './outbox-writes';
import { PanelCache } from './panel-cache';
import { Session } from './session';

/**
 * The background worker's parts, wired together: the session (token, sign-in, status), the outbox of
 * writes, the panel cache and the live event stream, and the one dispatcher that answers every message
 * through the handler map. Free of `browser.*` so it can be tested with a fake fetch and
 * fake-indexeddb; the entrypoint passes in what needs the browser.
 */
export interface ServiceDeps {
  db: CasesideDatabase;
  fetchImpl?: typeof fetch;
  newKey?: () => string;
  /** Called whenever the sync status changes, to update open panels. */
  onStatus?: (status: SyncStatus) => void;
  /** Called for each live event from the backend, to fan out to open panels. */
  onLiveEvent?: (event: LiveEvent) => void;
  onSignedIn?: (me: Me) => void;
  onSignedOut?: () => void;
  openOptions?: () => void;
  openInbox?: (disputeId: string) => void;
  /** Loads the panel script into one frame of a tab. */
  injectPanel?: (target: PanelTarget) => Promise<void>;
  /** Loads a panel section's script into one frame of a tab. */
  injectSection?: (target: SectionTarget) => Promise<void>;
  /** The event stream came back after a drop: panels should reload what they show. */
  onResync?: () => void;
  /** The handler map (tests swap one handler). */
  handlers?: HandlerMap;
}

export class BackgroundService {
  readonly session: Session;
  readonly writes: OutboxWrites;
  readonly panelCache: PanelCache;
  readonly live: LiveStream;
  private streamWasDown = false;
  /** A receiver's token answers only its inbox: no event stream is opened for it (the backend refuses it). */
  private receiver = false;
  private readonly newKey: () => string;

  constructor(private readonly deps: ServiceDeps) {
    const fetchImpl = deps.fetchImpl ?? ((...args) => fetch(...args));
    this.newKey = () => deps.newKey?.() ?? crypto.randomUUID();
    this.session = new Session({
      db: deps.db,
      fetchImpl,
      outboxCounts: () => this.outbox.counts(),
      onStatus: deps.onStatus,
      afterSignIn: (me) => {
        deps.onSignedIn?.(me);
        this.receiver = me.agent.role === 'receiver';
        if (this.receiver) this.live.stop();
        else this.live.restart();
        void this.outbox.flush({ force: true });
      },
      afterSignOut: async () => {
        await this.panelCache.clear();
        this.live.stop();
        deps.onSignedOut?.();
      },
      onReachable: () => {
        if (!this.live.isRunning && !this.receiver) this.live.start();
      },
    });
    this.writes = new OutboxWrites({ db: deps.db, session: this.session, newKey: this.newKey, onChange: () => void this.session.publishStatus() });
    this.panelCache = new PanelCache({ db: deps.db, session: this.session, writes: this.writes });
    this.live = new LiveStream({
      getCredentials: () => this.session.credentials(),
      fetchImpl,
      onEvent: (event) => deps.onLiveEvent?.(event),
      onStateChange: (connected) => {
        if (connected && this.streamWasDown) deps.onResync?.();
        this.streamWasDown = !connected;
        if (connected && this.session.markReachable()) void this.outbox.flush({ force: true });
      },
    });
  }

  /** Whether the signed-in token is a receiver's (known from sign-in; the worker's start reads it from storage). */
  set receiverSignedIn(value: boolean) {
    this.receiver = value;
    if (value) this.live.stop();
  }

  /** Starts the event stream for a signed-in agent or lead. */
  async startLive(): Promise<void> {
    if (!this.receiver && !this.live.isRunning && (await this.session.credentials())) this.live.start();
  }

  get outbox() {
    return this.writes.outbox;
  }

  /** Answers one request (already parsed and its sender checked, see router.ts) through its handler. */
  dispatch<T extends AnyRequest>(req: T, origin: MessageOrigin = {}): Promise<Result<ResponseMap[T['type']]>> {
    return dispatch(this.deps.handlers ?? handlers, req, {
      session: this.session,
      panelCache: this.panelCache,
      writes: this.writes,
      newKey: this.newKey,
      openOptions: () => this.deps.openOptions?.(),
      openInbox: (disputeId) => this.deps.openInbox?.(disputeId),
      injectPanel: this.deps.injectPanel ?? (() => Promise.reject(new Error('Panels cannot be loaded here.'))),
      injectSection: this.deps.injectSection ?? (() => Promise.reject(new Error('Panel sections cannot be loaded here.'))),
      origin,
    }) as Promise<Result<ResponseMap[T['type']]>>;
  }
}
