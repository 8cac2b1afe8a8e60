import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { SyncStatus } from '@/utils/messaging';
import type { Language } from '@/utils/schemas/common';
import type { SlaSnapshot } from '@/utils/schemas/sla';
import { formatDuration, slaState } from '@/utils/sla/state';
import { useT } from './i18n-context';
import { useNow } from './use-now';

export interface PanelAnnouncerProps {
  sync: SyncStatus | null;
  offline: boolean;
  sla: SlaSnapshot | null;
  language: Language;
}

/**
 * A polite live region for what a screen-reader user would otherwise miss: the sync state changing
 * (offline, changes waiting, synced) and the page's deadline turning to a warning or passing. It speaks
 * on changes only; the countdown itself (role="timer") stays silent.
 */
export function PanelAnnouncer({ sync, offline, sla, language }: PanelAnnouncerProps) {
  const t = useT();
  const now = useNow(10_000);
  const [message, setMessage] = useState('');
  const lastSync = useRef<string | null>(null);
  const lastSla = useRef<string | null>(null);

  const syncText =
    !sync || !sync.signedIn
      ? null
      : !sync.online || offline
        ? t('syncOffline', String(sync.pending))
        : sync.pending > 0
          ? t('syncWaiting', String(sync.pending))
          : t('synced');
  useEffect(() => {
    // The first state is on screen already; only a change is news.
    if (syncText && lastSync.current !== null && syncText !== lastSync.current) setMessage(syncText);
    lastSync.current = syncText;
  }, [syncText]);

  const clock = slaState(sla, now);
  const slaKey = sla ? `${sla.deadline}:${clock.state}` : null;
  // Speaks when the deadline or its state changes, with the clock as it is then (not on every tick).
  const announceSla = useEffectEvent(() => {
    if (clock.state === 'warning') setMessage(t('announceSlaWarning', formatDuration(clock.remainingMs, language)));
    else if (clock.state === 'breached') setMessage(t('announceSlaBreached'));
  });
  useEffect(() => {
    if (!slaKey || slaKey === lastSla.current) return;
    lastSla.current = slaKey;
    announceSla();
  }, [slaKey]);

  return (
    <p className="cs-sr-only" role="status" aria-live="polite" data-testid="panel-announcer">
      {message}
    </p>
  );
}
