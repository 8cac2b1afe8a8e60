import { useEffect, useState } from 'react';
import type { DecisionKind, FraudScore } from '@/utils/schemas/fraud';
import { useT } from './i18n-context';
import { useAcceptsEvent } from './input-policy';

export interface FraudCardProps {
  fraud: FraudScore;
  latestDecision: DecisionKind | null;
  canWrite: boolean;
  onDecide: (decision: DecisionKind, reason: string) => void;
}

const SHORTCUTS: Record<string, DecisionKind> = { KeyH: 'hold', KeyR: 'release', KeyF: 'fraud' };

/** The score, why it is what it is, and one-click (or Alt+Shift+H/R/F) hold, release and fraud flags. */
export function FraudCard({ fraud, latestDecision, canWrite, onDecide }: FraudCardProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  const accepts = useAcceptsEvent();

  useEffect(() => {
    if (!canWrite) return;
    const onKey = (e: KeyboardEvent) => {
      // A key the portal page's own script dispatched must not flag an order as the agent.
      if (!accepts(e)) return;
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      const decision = SHORTCUTS[e.code];
      if (!decision) return;
      e.preventDefault();
      e.stopPropagation();
      onDecide(decision, reason);
      setReason('');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [canWrite, onDecide, reason, accepts]);

  const decide = (d: DecisionKind) => {
    onDecide(d, reason);
    setReason('');
  };

  return (
    <section className="cs-section" aria-labelledby="cs-fraud-title">
      <h3 id="cs-fraud-title">{t('fraudTitle')}</h3>
      <div className={`cs-score cs-rec-${fraud.recommendation}`}>
        <span data-testid="fraud-score" data-recommendation={fraud.recommendation} className="cs-score-value">
          {fraud.score}
        </span>
        <span className="cs-score-rec">{t(`rec_${fraud.recommendation}`)}</span>
        {latestDecision && (
          <span className="cs-decision" data-testid="latest-decision" data-decision={latestDecision}>
            {t(`rec_${latestDecision === 'fraud' ? 'hold' : latestDecision}`)}
            {latestDecision === 'fraud' ? ` · ${t('flagFraud')}` : ''}
          </span>
        )}
      </div>
      <p className="cs-muted">{t(`fraudScope_${fraud.scope}`)}</p>
      {fraud.fired.length === 0 ? (
        <p className="cs-muted">{t('noIndicators')}</p>
      ) : (
        <ul className="cs-indicators">
          {fraud.fired.map((f) => (
            <li key={f.indicator} data-testid="fraud-indicator" data-indicator={f.indicator}>
              <span className="cs-points">{f.forces ? `→ ${t(`rec_${f.forces}`)}` : `+${f.points}`}</span>
              <span>
                <strong>{f.label}</strong>
                <br />
                <span className="cs-muted">{f.evidence}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {fraud.whatWouldChange.length > 0 && (
        <ul className="cs-what-if" data-testid="fraud-what-if">
          {fraud.whatWouldChange.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      {canWrite && (
        <div className="cs-decide">
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => e.stopPropagation()}
            placeholder={t('decisionReason')}
            aria-label={t('decisionReason')}
            data-testid="decision-reason"
            maxLength={2000}
          />
          <div className="cs-buttons">
            <button type="button" data-testid="flag-hold" className="cs-btn-hold" onClick={() => decide('hold')}>
              {t('flagHold')}
            </button>
            <button type="button" data-testid="flag-release" className="cs-btn-release" onClick={() => decide('release')}>
              {t('flagRelease')}
            </button>
            <button type="button" data-testid="flag-fraud" className="cs-btn-fraud" onClick={() => decide('fraud')}>
              {t('flagFraud')}
            </button>
          </div>
          <p className="cs-muted cs-small">{t('decisionShortcuts')}</p>
        </div>
      )}
    </section>
  );
}
