import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PanelResult } from '@/utils/messaging';

/**
 * The background worker's IndexedDB: credentials (only ever read here), the panel cache and the outbox.
 * IndexedDB survives service-worker restarts and browser restarts, which is what the outbox needs.
 */
export interface Credentials {
  backendUrl: string;
  token: string;
  /** Who the token belongs to (from sign-in): writes made under it are theirs. Absent on older installs. */
  agentId?: string;
  agentName?: string;
}

/** Whose writes these credentials send: the backend and the agent; undefined before agentId was kept. */
export function ownerOf(creds: Credentials | null): string | undefined {
  return creds?.agentId ? `${creds.backendUrl} ${creds.agentId}` : undefined;
}

export interface OutboxItem {
  id?: number;
  /** Idempotency key sent to the backend: a replay is the same write. */
  key: string;
  kind: 'note' | 'decision' | 'template' | 'status' | 'sla' | 'handoff' | 'sop';
  path: string;
  body: Record<string, unknown>;
  orderId: string;
  /** Short plain-text summary for the panel ("Hold: address looks wrong"). */
  summary: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  /** Set aside: refused by the backend (4xx) or failed on it repeatedly; kept so nothing is lost silently. */
  failed?: boolean;
  /** Why it was set aside, in the backend's words, for the panel to show. */
  failure?: OutboxFailure;
  /** How many times the backend itself failed (500) on this write; counts towards setting it aside. */
  serverErrors?: number;
  /**
   * Who made it (ownerOf the credentials then): it is only ever sent with that person's token, so a write
   * left waiting when someone else signs in on this browser waits for its author instead. Absent on writes
   * made before this was kept (those go with whoever is signed in, as they always did).
   */
  owner?: string;
  ownerName?: string;
}

export interface OutboxFailure {
  /** HTTP status, absent when no answer came. */
  status?: number;
  code: string;
  message: string;
  /** The offending field for validation errors, e.g. "body.text". */
  field?: string;
  at: string;
}

export interface CachedPanel {
  key: string;
  savedAt: number;
  data: PanelResult['data'];
}

interface CasesideDb extends DBSchema {
  credentials: { key: string; value: Credentials };
  panelCache: { key: string; value: CachedPanel; indexes: { savedAt: number } };
  outbox: { key: number; value: OutboxItem; indexes: { key: string; orderId: string } };
}

export type CasesideDatabase = IDBPDatabase<CasesideDb>;

export function openCasesideDb(name = 'caseside'): Promise<CasesideDatabase> {
  return openDB<CasesideDb>(name, 1, {
    upgrade(db) {
      db.createObjectStore('credentials');
      db.createObjectStore('panelCache', { keyPath: 'key' }).createIndex('savedAt', 'savedAt');
      const outbox = db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
      outbox.createIndex('key', 'key', { unique: true });
      outbox.createIndex('orderId', 'orderId');
    },
  });
}
