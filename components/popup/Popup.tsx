import { useCallback, useEffect, useState } from 'react';
import type { Result } from '@/utils/messaging';
import type { QueueList as QueueListData } from '@/utils/schemas/admin';
import type { Language } from '@/utils/schemas/common';
import type { SignedInAgent } from '@/utils/storage';
import { useT } from '../i18n-context';
import { useNow } from '../use-now';
import { HostsToAllow, type HostsToAllowApi } from './HostsToAllow';
import { QueueList } from './QueueList';

export interface PopupProps {
  agent: SignedInAgent | null;
  loadQueue: () => Promise<Result<QueueListData>>;
  onOpenUrl: (url: string) => void;
  onOpenOptions: () => void;
  onOpenLeadTools: () => void;
  /** Opens the disputes and alerts inbox (an extension page). */
  onOpenInbox?: () => void;
  /** Opens one dispute or alert of the queue in the inbox. */
  onOpenDispute?: (disputeId: string) => void;
  /** The hand-offs to the caller's internal teams (a receiver's work; an agent's too when they answer for a team). */
  loadHandoffs?: () => Promise<Result<{ handoffs: { status: 'open' | 'answered' }[] }>>;
  /** Opens the hand-off inbox (an extension page). */
  onOpenHandoffs?: () => void;
  language: Language;
  /** The team's back-office hosts this browser has not allowed yet (Mirakl), with the way to allow each. */
  hosts?: HostsToAllowApi;
  /** Injected for tests; the popup uses Date.now. */
  clock?: () => number;
  /** How often the list itself is fetched again while the popup stays open. */
  refreshMs?: number;
}

type QueueState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: QueueListData; offsetMs: number };

/**
 * The toolbar popup: who is signed in, the team's open cases by time left, and the way to the lead tools.
 * A receiver (who answers hand-offs only) sees the way to the hand-offs to their teams instead.
 */
export function Popup({
  agent,
  loadQueue,
  onOpenUrl,
  onOpenOptions,
  onOpenLeadTools,
  onOpenInbox,
  onOpenDispute,
  hosts,
  loadHandoffs,
  onOpenHandoffs,
  language,
  clock = Date.now,
  refreshMs = 60_000,
}: PopupProps) {
  const t = useT();
  const now = useNow(1_000, clock);
  const [queue, setQueue] = useState<QueueState>({ kind: 'loading' });
  // Open hand-offs to the caller's teams; null until known (or when the list could not be read).
  const [openHandoffs, setOpenHandoffs] = useState<number | null>(null);
  const receiver = agent?.role === 'receiver';

  const refresh = useCallback(async () => {
    const res = await loadQueue();
    // Countdowns run on the backend's clock: the offset corrects a wrong local clock.
    if (res.ok) setQueue({ kind: 'ready', data: res.data, offsetMs: Date.parse(res.data.serverTime) - clock() });
    else setQueue((q) => (q.kind === 'ready' ? q : { kind: 'error', message: res.error.message }));
  }, [loadQueue, clock]);

  useEffect(() => {
    if (!agent || !loadHandoffs) return;
    void loadHandoffs().then((res) => setOpenHandoffs(res.ok ? res.data.handoffs.filter((h) => h.status === 'open').length : null));
  }, [agent, loadHandoffs]);

  useEffect(() => {
    // A receiver's token is refused the queue: it answers hand-offs only.
    if (!agent || agent.role === 'receiver') return;
    void refresh();
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => clearInterval(timer);
  }, [agent, refresh, refreshMs]);

  if (!agent) {
    return (
      <main className="pp" data-testid="popup" data-state="signed-out">
        <p>{t('stateSignedOut')}</p>
        <button type="button" data-testid="popup-open-options" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      </main>
    );
  }

  // Receivers always see their inbox; an agent or lead only when hand-offs to a team of theirs are open.
  const handoffsLink = onOpenHandoffs && (receiver || (openHandoffs ?? 0) > 0) && (
    <button type="button" className="pp-link" data-testid="popup-open-handoffs" onClick={onOpenHandoffs}>
      {openHandoffs === null ? t('popupHandoffs') : t('popupHandoffsOpen', String(openHandoffs))}
    </button>
  );

  if (receiver) {
    return (
      <main className="pp" data-testid="popup" data-state="receiver">
        <header className="pp-header">
          <span className="pp-who" data-testid="popup-agent">
            {t('signedInAs', [agent.name, agent.teamName])}
          </span>
          <span className="pp-links">
            <button type="button" className="pp-link" data-testid="popup-open-options" onClick={onOpenOptions}>
              {t('openOptions')}
            </button>
          </span>
        </header>
        <p className="pp-muted">{t('popupReceiverIntro')}</p>
        {handoffsLink}
      </main>
    );
  }

  return (
    <main className="pp" data-testid="popup" data-state={queue.kind}>
      <header className="pp-header">
        <span className="pp-who" data-testid="popup-agent">
          {t('signedInAs', [agent.name, agent.teamName])}
        </span>
        <span className="pp-links">
          {handoffsLink}
          {onOpenInbox && (
            <button type="button" className="pp-link" data-testid="popup-open-inbox" onClick={onOpenInbox}>
              {t('popupDisputes')}
            </button>
          )}
          {agent.role === 'lead' && (
            <button type="button" className="pp-link" data-testid="popup-lead-tools" onClick={onOpenLeadTools}>
              {t('popupLeadTools')}
            </button>
          )}
          <button type="button" className="pp-link" data-testid="popup-open-options" onClick={onOpenOptions}>
            {t('openOptions')}
          </button>
        </span>
      </header>
      {hosts && <HostsToAllow api={hosts} />}
      <h1 className="pp-heading">{t('popupTitle')}</h1>
      {queue.kind === 'loading' && <p className="pp-muted">{t('loading')}</p>}
      {queue.kind === 'error' && (
        <p className="pp-error" role="alert">
          {queue.message}{' '}
          <button type="button" className="pp-link" onClick={() => void refresh()}>
            {t('retry')}
          </button>
        </p>
      )}
      {queue.kind === 'ready' && (
        <QueueList items={queue.data.items} now={now + queue.offsetMs} language={language} onOpen={onOpenUrl} onOpenDispute={onOpenDispute} />
      )}
    </main>
  );
}
