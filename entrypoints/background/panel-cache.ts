import { PanelData } from '@/utils/schemas/api';
import type { PageContext } from '@/utils/schemas/page';
import type { PanelResult, Result } from '@/utils/messaging';
import { panelCacheKey } from '@/utils/panel-key';
import { routeRequest } from './api';
import type { CasesideDatabase } from './db';
import type { OutboxWrites } from './outbox-writes';
import { SIGNED_OUT, type Session } from './session';

/**
 * Panel data by page: loaded from the backend (after the waiting writes, so the history includes them),
 * kept in IndexedDB so a page seen before shows at once and still shows while the backend is away.
 */
export interface PanelCacheDeps {
  db: CasesideDatabase;
  session: Session;
  writes: OutboxWrites;
}

const CACHE_MAX_ENTRIES = 500;

export class PanelCache {
  constructor(private readonly deps: PanelCacheDeps) {}

  async cached(ctx: PageContext): Promise<PanelResult | null> {
    const key = panelCacheKey(ctx);
    if (!key) return null;
    const hit = await this.deps.db.get('panelCache', key);
    if (!hit) return null;
    const data = PanelData.safeParse(hit.data);
    if (!data.success) return null;
    return { data: data.data, fromCache: true, pendingForOrder: await this.deps.writes.pendingFor(ctx.orderId) };
  }

  async load(ctx: PageContext): Promise<Result<PanelResult>> {
    if (!(await this.deps.session.credentials())) return { ok: false, error: { ...SIGNED_OUT } };
    // Deliver waiting writes first, so the history that comes back already contains them.
    const outbox = this.deps.writes.outbox;
    if ((await outbox.counts()).pending > 0) await outbox.flush();
    const res = await this.deps.session.call(routeRequest('panel.load', { body: { context: ctx } }));
    if (!res.ok) {
      if (res.error.code === 'offline') {
        const cached = await this.cached(ctx);
        if (cached) return { ok: true, data: cached };
      }
      return { ok: false, error: res.error };
    }
    const key = panelCacheKey(ctx);
    if (key) {
      await this.deps.db.put('panelCache', { key, savedAt: Date.now(), data: res.data });
      void this.trim();
    }
    return { ok: true, data: { data: res.data, fromCache: false, pendingForOrder: await this.deps.writes.pendingFor(ctx.orderId) } };
  }

  /** Forgets every cached panel (at sign-out: the next agent must not see them). */
  async clear(): Promise<void> {
    await this.deps.db.clear('panelCache');
  }

  private async trim(): Promise<void> {
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
