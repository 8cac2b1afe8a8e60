import type { z } from 'zod';
import { ErrorData, type AnyRequest, type Result } from '@/utils/messaging';
import type { OutboxWrites } from '../outbox-writes';
import type { PanelCache } from '../panel-cache';
import type { Session } from '../session';
import type { PortalId } from '@/utils/schemas/common';
import type { PanelSectionName } from '@/utils/content/sections/names';

/**
 * One handler per message type: what it answers (a zod schema, checked before the reply leaves the
 * worker) and how. The map in index.ts must hold exactly one handler per request type, and the reply
 * types the pages and panels see are read off these handlers.
 */
export type RequestType = AnyRequest['type'];
export type RequestOf<K extends RequestType> = Extract<AnyRequest, { type: K }>;

/** Where a message came from, for the handlers that act on the sender's frame. */
export interface MessageOrigin {
  tabId?: number;
  frameId?: number;
}

export interface PanelTarget {
  tabId: number;
  frameId: number;
  portal: PortalId;
}

export interface SectionTarget {
  tabId: number;
  frameId: number;
  section: PanelSectionName;
}

export interface HandlerContext {
  session: Session;
  panelCache: PanelCache;
  writes: OutboxWrites;
  newKey: () => string;
  openOptions: () => void;
  /** Opens the disputes inbox on one dispute (a tab of the extension's page). */
  openInbox: (disputeId: string) => void;
  /** Loads a portal's panel script into one frame (browser.scripting in the worker). */
  injectPanel: (target: PanelTarget) => Promise<void>;
  /** Loads a lazily loaded panel section's script into one frame (browser.scripting in the worker). */
  injectSection: (target: SectionTarget) => Promise<void>;
  origin: MessageOrigin;
}

export interface Handler<K extends RequestType, R extends z.ZodType = z.ZodType> {
  readonly type: K;
  readonly reply: R;
  readonly handle: (req: RequestOf<K>, ctx: HandlerContext) => Promise<Result<z.output<R>>>;
}

export function defineHandler<K extends RequestType, R extends z.ZodType>(type: K, reply: R, handle: Handler<K, R>['handle']): Handler<K, R> {
  return { type, reply, handle };
}

/** Exactly one handler per request type: a missing one or one under the wrong type is a type error. */
export type HandlerMap = { readonly [K in RequestType]: Handler<K> };

/**
 * Runs the request's handler and checks its answer against the handler's reply schema (errors against
 * ErrorData), so nothing malformed crosses to a page or panel; a reply that fails is refused as data.
 */
export async function dispatch(map: HandlerMap, req: AnyRequest, ctx: HandlerContext): Promise<Result<unknown>> {
  const handler = map[req.type] as Handler<RequestType> | undefined;
  if (!handler) return { ok: false, error: { code: 'no_handler', message: `Caseside cannot answer ${req.type}.` } };
  const result = await (handler.handle as (r: AnyRequest, c: HandlerContext) => Promise<Result<unknown>>)(req, ctx);
  const checked = result.ok ? handler.reply.safeParse(result.data) : ErrorData.safeParse(result.error);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    console.error(`[caseside] invalid reply to ${req.type}`, checked.error.issues);
    return {
      ok: false,
      error: {
        code: 'invalid_reply',
        message: `Caseside produced an invalid answer to ${req.type} (${issue?.path.join('.') || 'reply'}: ${issue?.message ?? 'invalid'}).`,
      },
    };
  }
  return result.ok ? { ok: true, data: checked.data } : { ok: false, error: checked.data as ErrorData };
}
