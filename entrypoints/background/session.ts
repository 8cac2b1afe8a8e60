import type { Me } from '@/utils/schemas/api';
import { parseBackendUrl } from '@/utils/backend-url';
import type { Result, SyncStatus } from '@/utils/messaging';
import { callApi, callRoute, type ApiRequest, type ApiResult } from './api';
import { ownerOf, type CasesideDatabase, type Credentials } from './db';

/**
 * The signed-in session: the token (kept in the worker's IndexedDB and nowhere else), whether the
 * backend answers, and the sync status the panels and pages show. Every call to the backend goes
 * through `authorised`, so one place decides "signed out" and records whether the backend is reachable.
 */
export interface SessionDeps {
  db: CasesideDatabase;
  fetchImpl: typeof fetch;
  /** Writes waiting and set aside, for the status. */
  outboxCounts: () => Promise<{ pending: number; failed: number; heldForOthers?: number }>;
  /** Called whenever the sync status changes, to update open panels. */
  onStatus?: (status: SyncStatus) => void;
  /** After the token is stored: restart the event stream, deliver waiting writes. */
  afterSignIn?: (me: Me) => void;
  /** After the token is forgotten: drop what was cached for this agent; awaited before the answer. */
  afterSignOut?: () => Promise<void>;
  /** The backend answers again after a failure. */
  onReachable?: () => void;
}

export const SIGNED_OUT = { code: 'signed_out', message: 'Sign in to Caseside in its options page.' } as const;

export class Session {
  private online = true;
  private lastError: string | undefined;
  private agentName: string | undefined;

  constructor(private readonly deps: SessionDeps) {}

  async credentials(): Promise<Credentials | null> {
    return (await this.deps.db.get('credentials', 'current')) ?? null;
  }

  async signIn(backendUrl: string, token: string): Promise<Result<Me>> {
    const url = parseBackendUrl(backendUrl);
    if (!url.ok) return { ok: false, error: { code: 'invalid_backend_url', message: url.message } };
    const typed: Credentials = { backendUrl: url.origin, token: token.trim() };
    const me = await callRoute(typed, 'me.get', {}, this.deps.fetchImpl);
    if (!me.ok) {
      const message =
        me.error.code === 'offline'
          ? `No Caseside backend answers at ${url.origin}. Check the address and that the backend is running.`
          : me.status === 401
            ? 'The backend refused this token. Ask your lead for a new one.'
            : me.error.message;
      return { ok: false, error: { code: me.error.code, message } };
    }
    const creds: Credentials = { ...typed, agentId: me.data.agent.id, agentName: me.data.agent.name };
    // Another person's token over a signed-in one (a receiver on an agent's browser): what the first one
    // left cached (panels with buyers' personal data) goes, as at sign-out, before the new token is kept.
    const previous = await this.credentials();
    if (previous && (previous.token !== creds.token || previous.backendUrl !== creds.backendUrl)) await this.deps.afterSignOut?.();
    await this.deps.db.put('credentials', creds, 'current');
    this.agentName = me.data.agent.name;
    this.online = true;
    this.deps.afterSignIn?.(me.data);
    await this.publishStatus();
    return { ok: true, data: me.data };
  }

  async signOut(): Promise<void> {
    await this.deps.db.delete('credentials', 'current');
    await this.deps.afterSignOut?.();
    this.agentName = undefined;
    await this.publishStatus();
  }

  async status(): Promise<SyncStatus> {
    const creds = await this.credentials();
    const counts = await this.deps.outboxCounts();
    return {
      signedIn: creds !== null,
      online: this.online,
      pending: counts.pending,
      failed: counts.failed,
      ...(counts.heldForOthers ? { heldForOthers: counts.heldForOthers } : {}),
      ...(this.agentName ? { agentName: this.agentName } : {}),
      ...(creds ? { backendUrl: creds.backendUrl } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  async publishStatus(): Promise<void> {
    this.deps.onStatus?.(await this.status());
  }

  /**
   * Runs a backend call with the token, or answers signed_out without calling anyone. With `owner`, only
   * with that person's token: a write made by someone else is never sent under another person's name.
   */
  async authorised<T>(call: (creds: Credentials, fetchImpl: typeof fetch) => Promise<ApiResult<T>>, owner?: string): Promise<ApiResult<T>> {
    const creds = await this.credentials();
    if (!creds || (owner !== undefined && ownerOf(creds) !== owner)) return { ok: false, error: { ...SIGNED_OUT } };
    const res = await call(creds, this.deps.fetchImpl);
    this.record(res);
    return res;
  }

  /** A JSON call to the backend with the token (see callApi); with `owner`, only with that person's. */
  call<T>(req: ApiRequest<T>, owner?: string): Promise<ApiResult<T>> {
    return this.authorised((creds, fetchImpl) => callApi(creds, req, fetchImpl), owner);
  }

  /** Notes what a backend call showed about reachability (the status and the panels follow it). */
  private record(res: ApiResult<unknown>): void {
    if (res.ok) this.noteSuccess();
    else this.noteFailure(res.error.code, res.error.message, res.status);
  }

  /** The event stream connected: the backend is reachable. Returns true if it was thought offline. */
  markReachable(): boolean {
    if (this.online) return false;
    this.online = true;
    void this.publishStatus();
    return true;
  }

  private noteSuccess(): void {
    const changed = !this.online || this.lastError !== undefined;
    this.online = true;
    this.lastError = undefined;
    if (changed) {
      void this.publishStatus();
      this.deps.onReachable?.();
    }
  }

  private noteFailure(code: string, message: string, status?: number): void {
    const wasOnline = this.online;
    if (code === 'offline' || (status !== undefined && status >= 500)) this.online = false;
    this.lastError = message;
    if (wasOnline !== this.online) void this.publishStatus();
  }
}
