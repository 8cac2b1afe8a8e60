import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TabPush } from '@/utils/messaging';
import { PANEL_PORT } from '@/utils/messaging-send';
import { TabPush as TabPushMini } from '@/utils/schemas/mini/push';

/**
 * The open panel's line to the background worker: live events and sync status arrive here. The port's
 * heartbeat keeps the worker (and its event stream) alive while a panel is open; when the worker restarts,
 * the port drops and is opened again.
 */
const HEARTBEAT_MS = 20_000;

export class PanelBridge {
  private port: ReturnType<typeof browser.runtime.connect> | null = null;
  private readonly listeners = new Set<(push: TabPush) => void>();
  private heartbeat: number | undefined;
  private reconnectTimer: number | undefined;

  constructor(private readonly ctx: ContentScriptContext) {}

  subscribe(fn: (push: TabPush) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  connect(): void {
    if (this.port || this.ctx.isInvalid) return;
    try {
      this.port = browser.runtime.connect({ name: PANEL_PORT });
    } catch {
      return; // the extension was reloaded; this content script is on its way out
    }
    this.port.onMessage.addListener((message: unknown) => {
      const parsed = TabPushMini.safeParse(message);
      if (!parsed.success) return;
      for (const fn of this.listeners) fn(parsed.data);
    });
    this.port.onDisconnect.addListener(() => {
      this.port = null;
      if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
      if (!this.ctx.isInvalid) this.reconnectTimer = this.ctx.setTimeout(() => this.connect(), 1_000);
    });
    this.heartbeat = this.ctx.setInterval(() => {
      try {
        this.port?.postMessage({ type: 'heartbeat' });
      } catch {
        /* disconnect handler reconnects */
      }
    }, HEARTBEAT_MS);
  }

  disconnect(): void {
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    const port = this.port;
    this.port = null;
    try {
      port?.disconnect();
    } catch {
      /* already gone */
    }
  }
}
