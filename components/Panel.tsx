import type { ReactNode } from 'react';
import type { DecisionKind } from '@/utils/schemas/fraud';
import type { PageContext } from '@/utils/schemas/page';
import type { PanelResult, SyncStatus } from '@/utils/messaging';
import { CaseHistory } from './CaseHistory';
import { OrderDisputes } from './disputes/OrderDisputes';
import { FraudCard } from './FraudCard';
import { useT } from './i18n-context';
import { OrderSummary } from './OrderSummary';
import { PanelAnnouncer } from './PanelAnnouncer';
import type { Language } from '@/utils/schemas/common';

export type PanelState = 'loading' | 'ready' | 'offline' | 'unrecognized' | 'signed-out';

export interface PanelProps {
  context: PageContext;
  state: PanelState;
  result: PanelResult | null;
  sync: SyncStatus | null;
  error: string | null;
  collapsed: boolean;
  onToggle: () => void;
  onRetry: () => void;
  onOpenOptions: () => void;
  onDecide: (decision: DecisionKind, reason: string) => void;
  onAddNote: (text: string) => Promise<boolean>;
  onSetCaseStatus?: (status: 'open' | 'resolved') => void;
  /** Opens one of the order's disputes in the disputes inbox. */
  onOpenDispute?: (disputeId: string) => void;
  formatTime: (iso: string) => string;
  /** The panel's own language (countdown units in announcements). */
  language?: Language;
  /** Sections added by later features (SLA countdown, templates), rendered in order. */
  slots?: { sla?: ReactNode; templates?: ReactNode; disputes?: ReactNode; outbox?: ReactNode; handoffs?: ReactNode; sops?: ReactNode };
}

/** The side panel: pure, everything comes through props. */
export function Panel(props: PanelProps) {
  const t = useT();
  const { context, state, result, collapsed } = props;
  const data = result?.data ?? null;
  const canWrite = state !== 'signed-out' && Boolean(context.orderId);
  const pendingDecision = result?.pendingForOrder.filter((p) => p.decision).at(0)?.decision;
  const latestDecision = pendingDecision ?? data?.history.find((e) => e.type === 'decision')?.decision ?? data?.case?.decision ?? null;

  return (
    <aside
      data-testid="caseside-panel"
      data-page-kind={context.pageKind}
      data-state={state}
      data-collapsed={collapsed ? 'true' : 'false'}
      className={`cs-panel ${collapsed ? 'cs-collapsed' : ''}`}
      aria-label={t('panelTitle')}
    >
      <header className="cs-header">
        <button
          type="button"
          className="cs-toggle"
          data-testid="panel-toggle"
          onClick={props.onToggle}
          aria-expanded={!collapsed}
          aria-label={collapsed ? t('expand') : t('collapse')}
          aria-keyshortcuts="Alt+Shift+C"
          title={`${collapsed ? t('expand') : t('collapse')} (Alt+Shift+C)`}
        >
          <span aria-hidden="true">{collapsed ? '◂' : '▸'}</span>
        </button>
        {!collapsed && (
          <>
            <strong title={t('panelShortcuts')}>{t('panelTitle')}</strong>
            <span className="cs-kind">{t(`kind_${context.pageKind.replace('-', '_')}` as 'kind_order')}</span>
          </>
        )}
      </header>
      <PanelAnnouncer sync={props.sync} offline={state === 'offline'} sla={collapsed ? null : (data?.sla ?? null)} language={props.language ?? 'en'} />
      {!collapsed && (
        <div className="cs-body">
          <SyncLine sync={props.sync} state={state} />
          {props.slots?.outbox}
          {state === 'signed-out' && (
            <p className="cs-banner" data-testid="signed-out">
              {t('stateSignedOut')}{' '}
              <button type="button" onClick={props.onOpenOptions}>
                {t('openOptions')}
              </button>
            </p>
          )}
          {context.recognition.status !== 'full' && <RecognitionNote context={context} />}
          <OrderSummary context={context} />
          {props.error && (
            <p className="cs-error" data-testid="panel-error">
              {t('errorGeneric', props.error)}{' '}
              <button type="button" onClick={props.onRetry}>
                {t('retry')}
              </button>
            </p>
          )}
          {state === 'loading' && !data && <p className="cs-muted">{t('loading')}</p>}
          {props.slots?.sla}
          {props.slots?.disputes}
          {data && data.disputes.length > 0 && props.onOpenDispute && (
            <OrderDisputes disputes={data.disputes} language={props.language ?? 'en'} onOpen={props.onOpenDispute} />
          )}
          {/* On a buyer message the reply comes first; on an order, the hold-or-release decision. */}
          {context.pageKind === 'message' && props.slots?.templates}
          {data?.fraud && context.orderId && <FraudCard fraud={data.fraud} latestDecision={latestDecision} canWrite={canWrite} onDecide={props.onDecide} />}
          {context.pageKind !== 'message' && props.slots?.templates}
          {props.slots?.handoffs}
          {props.slots?.sops}
          {(data || result?.pendingForOrder.length) && (
            <CaseHistory
              caseRecord={data?.case ?? null}
              events={data?.history ?? []}
              pending={result?.pendingForOrder ?? []}
              buyerCases={data?.buyerCases ?? []}
              canWrite={canWrite}
              onAddNote={props.onAddNote}
              {...(props.onSetCaseStatus ? { onSetStatus: props.onSetCaseStatus } : {})}
              formatTime={props.formatTime}
            />
          )}
          <p className="cs-muted cs-small cs-help" data-testid="panel-shortcuts">
            {t('panelShortcuts')} · {t('decisionShortcuts')}
          </p>
        </div>
      )}
    </aside>
  );
}

function SyncLine({ sync, state }: { sync: SyncStatus | null; state: PanelState }) {
  const t = useT();
  if (!sync || !sync.signedIn) return null;
  let text: string;
  let kind: string;
  if (!sync.online || state === 'offline') {
    text = t('syncOffline', String(sync.pending));
    kind = 'offline';
  } else if (sync.pending > 0) {
    text = t('syncWaiting', String(sync.pending));
    kind = 'waiting';
  } else {
    text = t('synced');
    kind = 'synced';
  }
  return (
    <p className={`cs-sync cs-sync-${kind}`} data-testid="sync-status" data-sync={kind} data-pending={sync.pending}>
      {text}
      {sync.failed > 0 && (
        <span className="cs-error" data-testid="sync-failed">
          {' '}
          · {sync.failed === 1 ? t('syncFailedOne') : t('syncFailed', String(sync.failed))}
        </span>
      )}
      {sync.heldForOthers !== undefined && (
        <span className="cs-muted" data-testid="sync-held">
          {' '}
          · {t('syncHeldForOthers', String(sync.heldForOthers))}
        </span>
      )}
    </p>
  );
}

function RecognitionNote({ context }: { context: PageContext }) {
  const t = useT();
  const missing = context.recognition.missing.join(', ');
  return (
    <div
      className={context.recognition.status === 'unrecognized' ? 'cs-banner cs-warn' : 'cs-note'}
      data-testid="recognition"
      data-recognition={context.recognition.status}
    >
      {context.recognition.status === 'unrecognized' ? t('unrecognized') : t('partial')}
      {missing && (
        <div className="cs-muted cs-small" data-testid="missing-fields">
          {t('missingFields', missing)}
        </div>
      )}
    </div>
  );
}
