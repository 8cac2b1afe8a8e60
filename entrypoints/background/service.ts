import { z } from 'zod';
import { Me, PanelData } from '@/utils/schemas/api';
import type { LiveEvent } from '@/utils/schemas/api';
import type { PageContext } from '@/utils/schemas/page';
import { parseBackendUrl } from '@/utils/backend-url';
import type { ContentRequest, ExtensionPageRequest, PanelResult, Result, ResponseMap, SyncStatus } from '@/utils/messaging';
import { panelCacheKey } from '@/utils/panel-key';
import { buildPath } from '@/utils/api-routes/types';
import { routeById } from '@/utils/api-routes';
import { callApi } from './api';
import { handleDisputeRequest, isDisputeRequest, type DisputeRequest } from './disputes';
import type { CasesideDatabase, Credentials, OutboxItem } from './db';
import { LiveStream } from './live';
import { Outbox, type NewOutboxItem, type SendOutcome } from './outbox';
import { handleOutboxRequest, isOutboxRequest } from './outbox-requests';

/**
 * The background worker's behaviour, free of `browser.*` so it can be tested with a fake fetch and
 * fake-indexeddb. The entrypoint wires it to runtime messages, ports, alarms and storage.
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
  /** The event stream came back after a drop: panels should reload what they show. */
  onResync?: () => void;
}

const CACHE_MAX_ENTRIES = 500;
const anyJson = z.unknown();

export class BackgroundService {
  readonly outbox: Outbox;
  readonly live: LiveStream;
  private online = true;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private streamWasDown = false;
  private lastError: string | undefined;
  private agentName: string | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly deps: ServiceDeps) {
    this.fetchImpl = deps.fetchImpl ?? ((...args) => fetch(...args));
    this.outbox = new Outbox({
      db: deps.db,
      send: (item) => this.deliver(item),
      onChange: () => void this.publishStatus(),
      // While the worker lives, retry when the backoff ends; the alarm covers a worker that was stopped.
      scheduleRetry: (atMs) => {
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => void this.outbox.flush(), Math.max(0, atMs - Date.now()));
      },
    });
    this.live = new LiveStream({
      getCredentials: () => this.credentials(),
      fetchImpl: this.fetchImpl,
      onEvent: (event) => deps.onLiveEvent?.(event),
      onStateChange: (connected) => {
        if (connected && this.streamWasDown) deps.onResync?.();
        this.streamWasDown = !connected;
        if (connected && !this.online) {
          this.online = true;
          void this.outbox.flush({ force: true });
          void this.publishStatus();
        }
      },
    });
  }

  async credentials(): Promise<Credentials | null> {
    return (await this.deps.db.get('credentials', 'current')) ?? null;
  }

  async handleContent(req: ContentRequest): Promise<Result<ResponseMap[ContentRequest['type']]>> {
    if (isDisputeRequest(req)) return this.disputeRequest(req);
    if (isOutboxRequest(req)) return handleOutboxRequest(req, this.outbox, () => this.deps.newKey?.() ?? crypto.randomUUID());
    switch (req.type) {
      case 'panel:cached':
        return { ok: true, data: await this.cachedPanel(req.context) };
      case 'panel:load':
        return this.loadPanel(req.context);
      case 'decision:record':
        return this.queueWrite({
          kind: 'decision',
          path: '/v1/decisions',
          orderId: req.orderId,
          summary: req.reason ? `${req.decision}: ${req.reason}` : req.decision,
          body: { orderId: req.orderId, decision: req.decision, reason: req.reason, ...(req.score === undefined ? {} : { score: req.score }) },
        });
      case 'note:add':
        return this.queueWrite({ kind: 'note', path: '/v1/notes', orderId: req.orderId, summary: req.text, body: { orderId: req.orderId, text: req.text } });
      case 'template:inserted':
        return this.queueWrite({
          kind: 'template',
          path: '/v1/template-insertions',
          orderId: req.orderId,
          summary: req.templateTitle,
          body: { orderId: req.orderId, templateId: req.templateId, templateVersion: req.templateVersion },
        });
      case 'case:status':
        return this.queueWrite({
          kind: 'status',
          path: `/v1/cases/${req.caseId}/status`,
          orderId: req.orderId ?? req.caseId,
          summary: `Status: ${req.status}`,
          body: { status: req.status },
        });
      case 'case:sla':
        return this.queueWrite({
          kind: 'sla',
          path: `/v1/cases/${req.caseId}/sla`,
          orderId: req.orderId ?? req.caseId,
          summary: req.reason ? `SLA ${req.action} (${req.reason})` : `SLA ${req.action}`,
          body: { action: req.action, ...(req.reason ? { reason: req.reason } : {}) },
        });
      case 'status:get':
        return { ok: true, data: await this.status() };
      case 'options:open':
        this.deps.openOptions?.();
        return { ok: true, data: null };
      case 'panel:inject':
        // Needs the sender's tab and frame: the entrypoint answers it (see index.ts).
        return { ok: false, error: { code: 'invalid_message', message: 'panel:inject is answered by the worker entrypoint.' } };
    }
  }

  async handleExtensionPage(req: ExtensionPageRequest): Promise<Result<ResponseMap[ExtensionPageRequest['type']]>> {
    switch (req.type) {
      case 'auth:signIn':
        return this.signIn(req.backendUrl, req.token);
      case 'auth:signOut':
        await this.deps.db.delete('credentials', 'current');
        await this.deps.db.clear('panelCache');
        this.live.stop();
        this.agentName = undefined;
        this.deps.onSignedOut?.();
        await this.publishStatus();
        return { ok: true, data: null };
      case 'status:get':
        return { ok: true, data: await this.status() };
      case 'api:request':
        return this.callRoute(req.route, req.params, req.query, req.body);
    }
  }

  /** Extension pages call backend routes by id only; body and answer are validated here. */
  async callRoute(routeId: string, params: Record<string, string>, query: Record<string, string> | undefined, body: unknown): Promise<Result<unknown>> {
    const route = routeById(routeId);
    if (!route) return { ok: false, error: { code: 'unknown_route', message: `No such backend route: ${routeId}` } };
    const creds = await this.credentials();
    if (!creds) return { ok: false, error: { code: 'signed_out', message: 'Sign in to Caseside in its options page.' } };
    const path = buildPath(route, params, query && route.query ? route.query.parse(query) : undefined);
    if (!path.ok) return { ok: false, error: { code: 'invalid_request', message: path.message } };
    let payload: unknown = undefined;
    if (route.body) {
      const parsed = route.body.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, error: { code: 'invalid_request', message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` } };
      }
      payload = parsed.data;
    }
    const res = await callApi(creds, { method: route.method, path: path.path, body: payload, schema: route.response }, this.fetchImpl);
    if (res.ok) this.noteSuccess();
    else this.noteFailure(res.error.code, res.error.message, res.status);
    return res.ok ? { ok: true, data: res.data } : { ok: false, error: res.error };
  }

  /** Chargeback and claim pages: answered directly (not through the outbox), the token stays here. */
  async disputeRequest(req: DisputeRequest): Promise<Result<ResponseMap[DisputeRequest['type']]>> {
    const creds = await this.credentials();
    if (!creds) return { ok: false, error: { code: 'signed_out', message: 'Sign in to Caseside in its options page.' } };
    const res = await handleDisputeRequest(req, creds, this.fetchImpl);
    if (res.ok) this.noteSuccess();
    else this.noteFailure(res.error.code, res.error.message, res.status);
    return res.ok ? { ok: true, data: res.data } : { ok: false, error: res.error };
  }

  async signIn(backendUrl: string, token: string): Promise<Result<Me>> {
    const url = parseBackendUrl(backendUrl);
    if (!url.ok) return { ok: false, error: { code: 'invalid_backend_url', message: url.message } };
    const creds: Credentials = { backendUrl: url.origin, token: token.trim() };
    const me = await callApi(creds, { method: 'GET', path: '/v1/me', schema: Me }, this.fetchImpl);
    if (!me.ok) {
      const message =
        me.error.code === 'offline'
          ? `No Caseside backend answers at ${url.origin}. Check the address and that the backend is running.`
          : me.status === 401
            ? 'The backend refused this token. Ask your lead for a new one.'
            : me.error.message;
      return { ok: false, error: { code: me.error.code, message } };
    }
    await this.deps.db.put('credentials', creds, 'current');
    this.agentName = me.data.agent.name;
    this.online = true;
    this.deps.onSignedIn?.(me.data);
    this.live.restart();
    void this.outbox.flush({ force: true });
    await this.publishStatus();
    return { ok: true, data: me.data };
  }

  async status(): Promise<SyncStatus> {
    const creds = await this.credentials();
    const counts = await this.outbox.counts();
    return {
      signedIn: creds !== null,
      online: this.online,
      pending: counts.pending,
      failed: counts.failed,
      ...(this.agentName ? { agentName: this.agentName } : {}),
      ...(creds ? { backendUrl: creds.backendUrl } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  private async publishStatus(): Promise<void> {
    this.deps.onStatus?.(await this.status());
  }

  private async pendingFor(orderId: string | undefined): Promise<PanelResult['pendingForOrder']> {
    if (!orderId) return [];
    const items = await this.outbox.forOrder(orderId);
    return items.map((i) => ({
      key: i.key,
      kind: i.kind,
      text: i.summary,
      createdAt: i.createdAt,
      ...(i.kind === 'decision' ? { decision: i.body['decision'] as 'hold' | 'release' | 'fraud' } : {}),
    }));
  }

  async cachedPanel(ctx: PageContext): Promise<PanelResult | null> {
    const key = panelCacheKey(ctx);
    if (!key) return null;
    const hit = await this.deps.db.get('panelCache', key);
    if (!hit) return null;
    const data = PanelData.safeParse(hit.data);
    if (!data.success) return null;
    return { data: data.data, fromCache: true, pendingForOrder: await this.pendingFor(ctx.orderId) };
  }

  async loadPanel(ctx: PageContext): Promise<Result<PanelResult>> {
    const creds = await this.credentials();
    if (!creds) return { ok: false, error: { code: 'signed_out', message: 'Sign in to Caseside in its options page.' } };
    // Deliver waiting writes first, so the history that comes back already contains them.
    if ((await this.outbox.counts()).pending > 0) await this.outbox.flush();
    const res = await callApi(creds, { method: 'POST', path: '/v1/panel', body: { context: ctx }, schema: PanelData }, this.fetchImpl);
    if (!res.ok) {
      this.noteFailure(res.error.code, res.error.message, res.status);
      if (res.error.code === 'offline') {
        const cached = await this.cachedPanel(ctx);
        if (cached) return { ok: true, data: cached };
      }
      return { ok: false, error: res.error };
    }
    this.noteSuccess();
    const key = panelCacheKey(ctx);
    if (key) {
      await this.deps.db.put('panelCache', { key, savedAt: Date.now(), data: res.data });
      void this.trimCache();
    }
    return { ok: true, data: { data: res.data, fromCache: false, pendingForOrder: await this.pendingFor(ctx.orderId) } };
  }

  private async queueWrite(w: Omit<NewOutboxItem, 'key' | 'createdAt' | 'body'> & { body: Record<string, unknown> }): Promise<Result<{ queued: boolean; key: string }>> {
    if (!(await this.credentials())) return { ok: false, error: { code: 'signed_out', message: 'Sign in to Caseside in its options page.' } };
    const key = this.deps.newKey?.() ?? crypto.randomUUID();
    const createdAt = new Date().toISOString();
    await this.outbox.enqueue({ ...w, key, createdAt, body: { ...w.body, idempotencyKey: key, at: createdAt } });
    await this.outbox.flush();
    const stillQueued = (await this.outbox.forOrder(w.orderId)).some((i) => i.key === key);
    return { ok: true, data: { queued: stillQueued, key } };
  }

  private async deliver(item: OutboxItem): Promise<SendOutcome> {
    const creds = await this.credentials();
    if (!creds) return { ok: false, code: 'signed_out', message: 'signed out' };
    const res = await callApi(creds, { method: 'POST', path: item.path, body: item.body, schema: anyJson, idempotencyKey: item.key }, this.fetchImpl);
    if (res.ok) {
      this.noteSuccess();
      return { ok: true };
    }
    this.noteFailure(res.error.code, res.error.message, res.status);
    return { ok: false, code: res.error.code, message: res.error.message, ...(res.status === undefined ? {} : { status: res.status }), ...(res.error.field === undefined ? {} : { field: res.error.field }) };
  }

  private noteSuccess(): void {
    const changed = !this.online || this.lastError !== undefined;
    this.online = true;
    this.lastError = undefined;
    if (changed) {
      void this.publishStatus();
      if (!this.live.isRunning) this.live.start();
    }
  }

  private noteFailure(code: string, message: string, status?: number): void {
    const wasOnline = this.online;
    if (code === 'offline' || (status !== undefined && status >= 500)) this.online = false;
    this.lastError = message;
    if (wasOnline !== this.online) void this.publishStatus();
  }

  private async trimCache(): Promise<void> {
    const count = await this.deps.db.count('panelCache');
    if (count <= CACHE_MAX_ENTRIES) return;
    const tx = this.deps.db.transaction('panelCache', 'readwrite');
    let cursor = await tx.store.index('savedAt').openCursor();
    let excess = count - CACHE_MAX_ENTRIES;
    while (cursor && excess-- > 0) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }
}

