import { browser } from 'wxt/browser';
import type { AnyRequest, ResponseMap, Result } from './messaging';

/**
 * The sending half of utils/messaging.ts, without its zod schemas: the panel script imports this, so it
 * does not build the request unions only the worker parses (messaging.ts re-exports both names).
 */

/** The name of the port an open panel keeps to the worker; TabPush messages travel on it. */
export const PANEL_PORT = 'caseside-panel';

/** Sends a request and turns every failure (no receiver, worker restarting) into error data. */
export async function sendRequest<T extends AnyRequest>(message: T): Promise<Result<ResponseMap[T['type']]>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Result<ResponseMap[T['type']]> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      return { ok: false, error: { code: 'no_reply', message: 'The Caseside background worker did not answer.' } };
    }
    return reply;
  } catch (err) {
    return { ok: false, error: { code: 'unreachable', message: err instanceof Error ? err.message : String(err) } };
  }
}
