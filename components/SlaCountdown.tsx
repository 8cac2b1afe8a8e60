import { useMemo } from 'react';
import { FIXED_CLOCK_IDS } from '@/utils/portals/catalogue';
import type { Language } from '@/utils/schemas/common';
import type { SlaSnapshot } from '@/utils/schemas/sla';
import type { MessageKey } from '@/utils/i18n';
import { formatDuration, slaState } from '@/utils/sla/state';
import { useT } from './i18n-context';
import { useNow } from './use-now';

export interface SlaCountdownProps {
  sla: SlaSnapshot;
  language: Language;
  /** Injected for tests; the panel uses Date.now. */
  clock?: () => number;
  /** Pause (waiting on the buyer or the carrier), resume, or mark that no response is needed. */
  onAction?: (action: 'pause' | 'resume' | 'no_response_needed', reason?: 'buyer' | 'carrier') => void;
}

/** What the page showed the clock's start as, in words. */
const SOURCE_KEYS: Partial<Record<NonNullable<SlaSnapshot['startSource']>, MessageKey>> = {
  'buyer-message': 'slaSourceBuyerMessage',
  'customer-care-request': 'slaSourceOther',
  notice: 'slaSourceNotice',
  'respond-by': 'slaSourceRespondBy',
  claim: 'slaSourceClaim',
  'information-request': 'slaSourceInformationRequest',
  'return-request': 'slaSourceOther',
  'return-received': 'slaSourceOther',
};

/** A live countdown to the page's deadline, in the agent's time and the marketplace's. */
export function SlaCountdown({ sla, language, clock, onAction }: SlaCountdownProps) {
  const t = useT();
  const now = useNow(1_000, clock);
  const { state, remainingMs, overdueMs } = slaState(sla, now);
  const formats = useMemo(() => {
    const mk = (timeZone?: string) => {
      try {
        // dateStyle cannot be combined with timeZoneName, so the fields are spelled out.
        return new Intl.DateTimeFormat(undefined, {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZoneName: 'short',
          ...(timeZone ? { timeZone } : {}),
        });
      } catch {
        return null;
      }
    };
    return { local: mk(), market: sla.marketplaceTimeZone ? mk(sla.marketplaceTimeZone) : null };
  }, [sla.marketplaceTimeZone]);
  const deadline = new Date(sla.deadline);
  const text =
    state === 'paused'
      ? `${t('slaPaused')} · ${formatDuration(remainingMs, language)}`
      : state === 'breached'
        ? t('slaOverdue', formatDuration(overdueMs, language))
        : t('slaLeft', formatDuration(remainingMs, language));

  return (
    <section className="cs-section" aria-labelledby="cs-sla-title">
      <h3 id="cs-sla-title">
        {t('slaTitle')}: {sla.label}
      </h3>
      <div className={`cs-sla cs-sla-${state}`} data-testid="sla-countdown" data-deadline={sla.deadline} data-sla-state={state} data-case-kind={sla.caseKind}>
        <span className="cs-sla-time" role="timer" aria-live="off">
          {text}
        </span>
        {formats.local && (
          <span className="cs-muted cs-small">
            {t('slaYourTime')}: {formats.local.format(deadline)}
          </span>
        )}
        {formats.market && (
          <span className="cs-muted cs-small">
            {t('slaMarketplaceTime')}: {formats.market.format(deadline)}
          </span>
        )}
        {sla.startedFrom === 'first-sight' && (
          <span className="cs-muted cs-small" data-testid="sla-start" data-started-from="first-sight">
            {t('slaStartedAtFirstSight')}
          </span>
        )}
        {sla.startedFrom === 'page' && sla.startSource && SOURCE_KEYS[sla.startSource] && (
          <span className="cs-muted cs-small" data-testid="sla-start" data-started-from="page">
            {t('slaStartedFromPage', t(SOURCE_KEYS[sla.startSource]!))}
          </span>
        )}
      </div>
      {onAction && !FIXED_CLOCK_IDS.has(sla.caseKind) && (
        <div className="cs-buttons" data-testid="sla-actions">
          {state === 'paused' ? (
            <button type="button" data-testid="sla-resume" onClick={() => onAction('resume')}>
              {t('slaResume')}
            </button>
          ) : state === 'breached' ? null : (
            <>
              <button type="button" data-testid="sla-pause-buyer" onClick={() => onAction('pause', 'buyer')}>
                {t('slaPauseBuyer')}
              </button>
              <button type="button" data-testid="sla-pause-carrier" onClick={() => onAction('pause', 'carrier')}>
                {t('slaPauseCarrier')}
              </button>
            </>
          )}
          <button type="button" data-testid="sla-no-response" onClick={() => onAction('no_response_needed')}>
            {t('slaNoResponse')}
          </button>
        </div>
      )}
    </section>
  );
}
