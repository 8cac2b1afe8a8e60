import { browser } from 'wxt/browser';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Panel, type PanelState } from '@/components/Panel';
import { I18nProvider } from '@/components/i18n-context';
import { InputPolicyProvider } from '@/components/input-policy';
import { browserTranslate } from '@/utils/i18n-browser';
import type { PanelResult, SyncStatus } from '@/utils/messaging';
import { sendRequest } from '@/utils/messaging-send';
import { panelCollapsed, setPanelCollapsedPreference } from './panel-prefs';
import type { DecisionKind } from '@/utils/schemas/fraud';
import type { PortalAdapter, ReplyTarget } from '@/utils/portals/types';
import { type ReplyWait, waitForReplyBox } from './reply-wait';
import { insertIntoReplyBox } from '@/utils/portals/reply-box';
import { deepText } from '@/utils/portals/deep-dom';
import { SlaCountdown } from '@/components/SlaCountdown';
import { TemplatePicker } from '@/components/TemplatePicker';
import { isDisputePage } from './dispute-page';
import { LazySection } from './sections/lazy-section';
import { OutboxProblemsSlot } from './outbox-problems-slot';
import type { Language } from '@/utils/schemas/common';
import { Language as LanguageMini } from '@/utils/schemas/mini/fields';
import { HandoffSlot } from './handoffs-slot';
import { SopSlot } from './sops-slot';
import type { Template } from '@/utils/schemas/templates';
import type { PageContext } from '@/utils/schemas/page';
import { languageForMarketplace } from '@/utils/templates/language';
import { templateVarsFromContext } from '@/utils/templates/vars';
import type { PanelBridge } from './bridge';
import type { PageStore } from './page-store';
import { isTrustedEvent } from './trusted-input';

export interface PanelAppProps {
  store: PageStore;
  bridge: PanelBridge;
  adapter: PortalAdapter;
  onCollapsedChange: (collapsed: boolean) => void;
}

type Pending = PanelResult['pendingForOrder'][number];

/** Alt+Shift+<key>: show or hide the panel, and jump to the reply templates (beside H/R/F for decisions). */
const PANEL_KEYS = { toggle: 'KeyC', templates: 'KeyT' } as const;

/** Connects the pure Panel to the page watcher and the background worker. */
export function PanelApp({ store, bridge, adapter, onCollapsedChange }: PanelAppProps) {
  const page = useSyncExternalStore(store.subscribe, store.get);
  const [result, setResult] = useState<PanelResult | null>(null);
  const [localPending, setLocalPending] = useState<Pending[]>([]);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [inFlight, setInFlight] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [templatesFocus, setTemplatesFocus] = useState(0);
  const loadSeq = useRef(0);
  const context = page?.context ?? null;
  const contextKey = context && !page?.loading ? JSON.stringify(context) : null;

  useEffect(() => {
    void panelCollapsed().then((value) => {
      setCollapsed(value);
      onCollapsedChange(value);
    });
  }, [onCollapsedChange]);

  // The page as the worker sees it: rebuilt only when its content changes, so an equal context in a new
  // object (the watcher re-reading the page) does not load the panel again.
  const pageContext = useMemo(() => (contextKey ? (JSON.parse(contextKey) as PageContext) : null), [contextKey]);

  const load = useCallback(async () => {
    const context = pageContext;
    if (!context) return;
    const seq = ++loadSeq.current;
    setInFlight(true);
    const fresh = sendRequest({ type: 'panel:load', context });
    // A page seen before renders from the cache at once; the fresh answer replaces it.
    void sendRequest({ type: 'panel:cached', context }).then((cached) => {
      if (seq === loadSeq.current && cached.ok && cached.data)
        setResult((cur) => (cur && !cur.fromCache && cur.data.case?.orderId === context.orderId ? cur : cached.data));
    });
    const res = await fresh;
    if (seq !== loadSeq.current) return;
    setInFlight(false);
    if (res.ok) {
      setResult(res.data);
      setError(null);
      if (!res.data.fromCache) setLocalPending((lp) => lp.filter((p) => res.data.pendingForOrder.some((q) => q.key === p.key)));
    } else {
      setError(res.error);
    }
  }, [pageContext]);

  // A new page: forget the previous order's data (kept while the same order's page reloads), then load.
  const forgetOtherOrder = useEffectEvent(() => {
    setResult((cur) => (cur && context && cur.data.case?.orderId === context.orderId ? cur : null));
    setLocalPending([]);
  });
  useEffect(() => {
    forgetOtherOrder();
    void load();
  }, [load]);

  useEffect(() => {
    bridge.connect();
    void sendRequest({ type: 'status:get' }).then((s) => s.ok && setSync(s.data));
    return bridge.subscribe((push) => {
      if (push.type === 'push:sync') {
        setSync((prev) => {
          // Everything waiting has reached the backend: show the server's history.
          if (prev && prev.pending > 0 && push.status.pending === 0) void load();
          if (prev && !prev.signedIn && push.status.signedIn) void load();
          return push.status;
        });
      } else if (push.type === 'push:live' && context?.orderId && push.event.orderId === context.orderId) {
        void load();
      } else if (push.type === 'push:resync') {
        void load();
      }
    });
  }, [bridge, load, context?.orderId]);

  const queue = useCallback(
    async (req: Parameters<typeof sendRequest>[0], summary: Pending): Promise<boolean> => {
      const res = await sendRequest(req);
      if (!res.ok) {
        setError(res.error);
        return false;
      }
      const { key, queued } = res.data as { key: string; queued: boolean };
      if (queued) setLocalPending((lp) => [...lp, { ...summary, key }]);
      void load();
      return true;
    },
    [load],
  );

  const onDecide = useCallback(
    (decision: DecisionKind, reason: string) => {
      if (!context?.orderId) return;
      const score = result?.data.fraud?.score;
      void queue(
        { type: 'decision:record', orderId: context.orderId, decision, reason, ...(score === undefined ? {} : { score }) },
        { key: '', kind: 'decision', decision, text: reason ? `${decision}: ${reason}` : decision, createdAt: new Date().toISOString() },
      );
    },
    [context?.orderId, queue, result?.data.fraud?.score],
  );

  const onAddNote = useCallback(
    (text: string) =>
      context?.orderId
        ? queue({ type: 'note:add', orderId: context.orderId, text }, { key: '', kind: 'note', text, createdAt: new Date().toISOString() })
        : Promise.resolve(false),
    [context?.orderId, queue],
  );

  const caseId = result?.data.case?.id;
  const onSetCaseStatus = useCallback(
    (status: 'open' | 'resolved') => {
      if (!caseId) return;
      void queue(
        { type: 'case:status', caseId, ...(context?.orderId ? { orderId: context.orderId } : {}), status },
        { key: '', kind: 'status', text: `Status: ${status}`, createdAt: new Date().toISOString() },
      );
    },
    [caseId, context?.orderId, queue],
  );

  const onSlaAction = useCallback(
    (action: 'pause' | 'resume' | 'no_response_needed', reason?: 'buyer' | 'carrier') => {
      if (!caseId) return;
      void queue(
        { type: 'case:sla', caseId, ...(context?.orderId ? { orderId: context.orderId } : {}), action, ...(reason ? { reason } : {}) },
        { key: '', kind: 'sla', text: reason ? `SLA ${action} (${reason})` : `SLA ${action}`, createdAt: new Date().toISOString() },
      );
    },
    [caseId, context?.orderId, queue],
  );

  const mergedResult = useMemo<PanelResult | null>(() => {
    if (!result && localPending.length === 0) return null;
    const known = new Set(result?.pendingForOrder.map((p) => p.key));
    const pending = [...localPending.filter((p) => !known.has(p.key)), ...(result?.pendingForOrder ?? [])].sort((a, b) =>
      b.createdAt.localeCompare(a.createdAt),
    );
    return result ? { ...result, pendingForOrder: pending } : null;
  }, [result, localPending]);

  const formatTime = useMemo(() => {
    const fmt = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
    };
  }, []);

  const buyerLanguage = useMemo<Language>(() => {
    const fromPage = LanguageMini.safeParse(context?.marketplace?.language);
    if (fromPage.success) return fromPage.data;
    return context?.marketplace?.code ? languageForMarketplace(context.marketplace.code, 'en') : 'en';
  }, [context?.marketplace?.language, context?.marketplace?.code]);

  const templateVars = useMemo(
    () =>
      context
        ? templateVarsFromContext(context, {
            agentName: result?.data.agent.name ?? '',
            language: buyerLanguage,
            ...(result?.data.sla ? { slaDeadline: result.data.sla.deadline } : {}),
          })
        : {},
    [context, result?.data.agent.name, result?.data.sla, buyerLanguage],
  );

  // An insertion waiting for a reply box that opens on demand; a newer one (or another item) replaces it.
  const pendingInsert = useRef<ReplyWait | null>(null);
  useEffect(() => () => pendingInsert.current?.cancel(), [contextKey]);

  const onInsertTemplate = useCallback(
    (template: Template, text: string): { ok: true } | { ok: false; error: string } => {
      const insert = (target: ReplyTarget) => {
        const res = insertIntoReplyBox(target, text);
        if (res.ok && context?.orderId) {
          void sendRequest({
            type: 'template:inserted',
            orderId: context.orderId,
            templateId: template.id,
            templateVersion: template.version,
            templateTitle: template.title.slice(0, 200),
          });
        }
        return res;
      };
      pendingInsert.current?.cancel();
      const target = adapter.findReplyBox(document);
      if (target) return insert(target);
      const opener = adapter.findReplyOpener?.(document);
      if (!opener) return { ok: false, error: browserTranslate('templateNoReplyBox') };
      // The box opens on "Reply": say so, and insert as soon as the agent opens it.
      const wait = waitForReplyBox(adapter, document);
      pendingInsert.current = wait;
      void wait.promise.then((opened) => {
        if (pendingInsert.current === wait) pendingInsert.current = null;
        if (opened) insert(opened);
      });
      // Name the button as the page labels it ("Respond to Amazon", "Antworten"), read as text only.
      const label = (deepText(opener) || opener.getAttribute('label') || opener.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return { ok: false, error: browserTranslate('templateOpenReplyBox', label || 'Reply') };
    },
    [adapter, context?.orderId],
  );

  const setPanelCollapsed = useCallback(
    (next: (c: boolean) => boolean) =>
      setCollapsed((c) => {
        const value = next(c);
        if (value !== c) {
          void setPanelCollapsedPreference(value);
          onCollapsedChange(value);
        }
        return value;
      }),
    [onCollapsedChange],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Only the agent's own keys: a key the portal's script dispatches has isTrusted false.
      if (!isTrustedEvent(e) || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      if (e.code === PANEL_KEYS.toggle) {
        e.preventDefault();
        e.stopPropagation();
        setPanelCollapsed((c) => !c);
      } else if (e.code === PANEL_KEYS.templates) {
        e.preventDefault();
        e.stopPropagation();
        setPanelCollapsed(() => false);
        setTemplatesFocus((n) => n + 1);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [setPanelCollapsed]);

  if (!context) return null;
  const data = result?.data;

  const signedOut = sync?.signedIn === false || error?.code === 'signed_out';
  const state: PanelState = signedOut
    ? 'signed-out'
    : context.recognition.status === 'unrecognized' && !page?.loading
      ? 'unrecognized'
      : error?.code === 'offline' || (result?.fromCache && sync?.online === false)
        ? 'offline'
        : page?.loading || (inFlight && !result)
          ? 'loading'
          : 'ready';

  return (
    <I18nProvider value={browserTranslate}>
      <InputPolicyProvider value={isTrustedEvent}>
        <Panel
          context={context}
          state={state}
          result={mergedResult}
          sync={sync}
          error={error && error.code !== 'signed_out' && error.code !== 'offline' ? error.message : null}
          collapsed={collapsed}
          onToggle={() => setPanelCollapsed((c) => !c)}
          language={uiLanguage()}
          onRetry={() => void load()}
          onOpenOptions={() => void sendRequest({ type: 'options:open' })}
          onOpenDispute={(disputeId) => void sendRequest({ type: 'inbox:open', disputeId })}
          onDecide={onDecide}
          onAddNote={onAddNote}
          onSetCaseStatus={onSetCaseStatus}
          formatTime={formatTime}
          slots={{
            outbox:
              sync?.signedIn && sync.failed > 0 ? (
                <OutboxProblemsSlot failedCount={sync.failed} formatTime={formatTime} onSent={() => void load()} />
              ) : undefined,
            sla: data?.sla ? (
              <SlaCountdown sla={data.sla} language={uiLanguage()} {...(caseId && state !== 'signed-out' ? { onAction: onSlaAction } : {})} />
            ) : undefined,
            handoffs:
              data && context.orderId ? (
                <HandoffSlot
                  bridge={bridge}
                  data={data}
                  orderId={context.orderId}
                  canWrite={state !== 'signed-out' && state !== 'offline'}
                  formatTime={formatTime}
                />
              ) : undefined,
            disputes:
              isDisputePage(context) && !page?.loading && state !== 'signed-out' ? (
                <LazySection name="disputes" props={{ context, canWrite: state !== 'offline', formatTime }} />
              ) : undefined,
            templates:
              data &&
              data.templates.length > 0 &&
              (context.pageKind === 'message' ||
                context.pageKind === 'claim' ||
                context.pageKind === 'return' ||
                context.pageKind === 'order' ||
                context.pageKind === 'chargeback' ||
                context.pageKind === 'refund') ? (
                <TemplatePicker
                  templates={data.templates}
                  portal={context.portal}
                  pageKind={context.pageKind}
                  {...(context.marketplace?.code ? { marketplace: context.marketplace.code } : {})}
                  language={buyerLanguage}
                  vars={templateVars}
                  timeZone={context.marketplace?.timeZone ?? context.portalTimeZone ?? 'UTC'}
                  onInsert={onInsertTemplate}
                  focusRequest={templatesFocus}
                />
              ) : undefined,
            sops:
              context.pageKind !== 'unknown' && context.pageKind !== 'order-list' && state !== 'signed-out' ? (
                <SopSlot
                  context={context}
                  caseKind={data?.case?.kind}
                  fraudIndicators={data?.fraud?.fired.map((f) => f.indicator) ?? []}
                  language={uiLanguage()}
                  canWrite={state !== 'unrecognized'}
                />
              ) : undefined,
          }}
        />
      </InputPolicyProvider>
    </I18nProvider>
  );
}

/** The panel's own language (for countdown units): the browser's UI language when Caseside speaks it. */
function uiLanguage(): Language {
  const parsed = LanguageMini.safeParse(browser.i18n.getUILanguage().slice(0, 2));
  return parsed.success ? parsed.data : 'en';
}
