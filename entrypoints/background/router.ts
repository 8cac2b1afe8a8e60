import { type AnyRequest, ContentRequest, ExtensionPageRequest, type Result } from '@/utils/messaging';
import { isPortalPage } from '@/utils/portals/catalogue';

/**
 * Accepts a message only from this extension, and only of the kinds its sender may send: portal tabs
 * (content scripts) may load panels and queue writes; extension pages may also sign in and out. The
 * sender's kind picks the union a message must belong to, so a content script can never reach the
 * sign-in handlers or the route proxy, whatever it sends.
 * Everything is `safeParse`d with strict schemas (unknown keys rejected); failures are answered as data.
 */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

export type SenderKind = 'portal' | 'extension-page' | 'rejected';

/** `teamHosts`: the hosts a lead added and Chrome granted (entrypoints/background/team-hosts.ts), portal pages too. */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string, teamHosts: ReadonlySet<string> = new Set()): SenderKind {
  if (sender.id !== extensionId) return 'rejected';
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return 'extension-page';
  const frameUrl = safeUrl(url) ?? safeUrl(sender.tab?.url ?? '');
  if (frameUrl && frameUrl.protocol === 'https:' && (isPortalPage(frameUrl) || teamHosts.has(frameUrl.hostname))) return 'portal';
  return 'rejected';
}

function safeUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

/** Answers a request whose sender may send it (in the worker: the handler map, see handlers/). */
export type Dispatch = (req: AnyRequest) => Promise<Result<unknown>>;

export async function routeMessage(message: unknown, kind: SenderKind, dispatch: Dispatch): Promise<Result<unknown>> {
  if (kind === 'rejected') return { ok: false, error: { code: 'forbidden_sender', message: 'Message refused: unknown sender.' } };
  const schema = kind === 'portal' ? ContentRequest : ExtensionPageRequest;
  const parsed = schema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'invalid_message', message: `Message refused: ${issue?.path.join('.') || 'message'} ${issue?.message ?? ''}`.trim() } };
  }
  try {
    return await dispatch(parsed.data);
  } catch (err) {
    console.error('[caseside] handler failed', err);
    return { ok: false, error: { code: 'internal', message: 'Caseside hit an internal error; the action was not completed.' } };
  }
}
