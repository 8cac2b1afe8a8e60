import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { DisputeStatus } from '@/utils/schemas/disputes';
import type { DisputeView } from '@/utils/api-routes/disputes';
import { formatMoneyLocalized } from '@/utils/money';
import { useT } from '../i18n-context';
import { useNow } from '../use-now';
import { Ce3Matches } from './Ce3Matches';
import { EvidenceRow, type EvidenceInput } from './EvidenceRow';
import { ProcessorParts, type ProcessorLoaders } from './ProcessorParts';

export type DefenceDownload = { state: 'idle' | 'busy' | 'error' } | { state: 'ready'; url: string; filename: string; size: number };
export type DefenceText = { state: 'idle' | 'busy' | 'error' } | { state: 'ready'; text: string; copied: boolean; truncated: boolean; warnings?: string[] };

export interface DisputeSectionProps {
  view: DisputeView | null;
  /** Local time (ms) the view arrived: time left counts down from the server's figure from then. */
  receivedAt: number;
  loading: boolean;
  error: string | null;
  canWrite: boolean;
  formatTime: (iso: string) => string;
  onSaveEvidence: (key: string, input: EvidenceInput) => Promise<boolean>;
  onAttach: (key: string, file: File) => Promise<boolean>;
  /** Records where the dispute stands; won and lost are outcomes and feed the win rate. */
  onSetStatus: (status: DisputeStatus) => Promise<boolean>;
  onBuildDefence: () => void;
  download: DefenceDownload;
  /** The download link is being followed: the host gives it a live URL and revokes it after use. */
  onDownloadLink?: (link: HTMLAnchorElement) => void;
  onCopyText: () => void;
  text: DefenceText;
  /** How the processors' formats load (Stripe evidence, Adyen defence); without them no such part shows. */
  processorLoaders?: ProcessorLoaders;
}

const HOUR = 3_600_000;

function duration(ms: number, t: ReturnType<typeof useT>): string {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / (24 * HOUR));
  const hours = Math.floor((abs % (24 * HOUR)) / HOUR);
  const minutes = Math.floor((abs % HOUR) / 60_000);
  return days > 0 ? t('durationDaysHours', [String(days), String(hours)]) : t('durationHoursMinutes', [String(hours), String(minutes)]);
}

/** A chargeback's or claim's dispute: deadline, recommendation, evidence checklist and the defence. */
export function DisputeSection(props: DisputeSectionProps) {
  const t = useT();
  const now = useNow(30_000);
  const { view } = props;
  const link = useRef<HTMLAnchorElement>(null);
  const readyUrl = props.download.state === 'ready' ? props.download.url : null;
  // A freshly built defence downloads at once (once per new file); the link stays for a second copy.
  const followLink = useEffectEvent((a: HTMLAnchorElement) => props.onDownloadLink?.(a));
  useEffect(() => {
    if (!readyUrl || !link.current) return;
    followLink(link.current);
    link.current.click();
  }, [readyUrl]);

  if (!view) {
    return (
      <section className="cs-section" data-testid="dispute-loading">
        <h3>{t('disputeTitle')}</h3>
        {props.error ? <p className="cs-error">{props.error}</p> : <p className="cs-muted">{t('loading')}</p>}
      </section>
    );
  }

  const { dispute, recommendation, checklist } = view;
  // The server's time left, carried forward by the local clock (a skewed local clock does not matter).
  const left = view.timeLeftMs - Math.max(0, now - props.receivedAt);
  const overdue = left <= 0;
  const missing = checklist.filter((i) => i.status === 'missing' && !i.internal).length;

  return (
    <section
      className="cs-section"
      data-testid="dispute"
      data-deadline={dispute.deadline}
      data-status={dispute.status}
      data-reason={dispute.reason}
      aria-labelledby="cs-dispute-title"
    >
      <h3 id="cs-dispute-title">{t('disputeTitle')}</h3>
      <div className={`cs-sla ${overdue ? 'cs-sla-breached' : left < 24 * HOUR ? 'cs-sla-warning' : 'cs-sla-ok'}`}>
        <span className="cs-sla-time" data-testid="dispute-time-left">
          {overdue ? t('disputeOverdue', duration(left, t)) : t('disputeTimeLeft', duration(left, t))}
        </span>
        <span className="cs-muted cs-small">{t('disputeDeadline', props.formatTime(dispute.deadline))}</span>
      </div>
      <p className="cs-small">
        {dispute.id} · {dispute.reasonText ?? dispute.reason} · {formatMoneyLocalized(dispute.amount)} · {t(`disputeStatus_${dispute.status}`)}
      </p>

      <div className="cs-note" data-testid="dispute-recommendation" data-action={recommendation.action} data-confidence={recommendation.confidence}>
        <strong>{t(`disputeAction_${recommendation.action}`)}</strong>{' '}
        <span className="cs-muted cs-small">{t('disputeConfidence', String(Math.round(recommendation.confidence * 100)))}</span>
        <ul className="cs-what-if">
          {recommendation.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>

      <h4>{missing > 0 ? t('disputeEvidenceMissing', String(missing)) : t('disputeEvidenceComplete')}</h4>
      <ul className="cs-timeline" data-testid="dispute-checklist">
        {checklist.map((item) => (
          <EvidenceRow key={item.key} item={item} canWrite={props.canWrite} onSave={props.onSaveEvidence} onAttach={props.onAttach} />
        ))}
      </ul>
      {view.ce3 && <Ce3Matches ce3={view.ce3} formatTime={props.formatTime} />}
      {view.attachments.length > 0 && (
        <p className="cs-muted cs-small" data-testid="dispute-attachments">
          {t('disputeAttachments', view.attachments.map((a) => a.filename).join(', '))}
        </p>
      )}

      <div className="cs-buttons">
        <button type="button" data-testid="build-defence" disabled={props.download.state === 'busy'} onClick={props.onBuildDefence}>
          {props.download.state === 'busy' ? t('loading') : t('disputeBuildDefence')}
        </button>
        <button type="button" data-testid="copy-defence-text" disabled={props.text.state === 'busy'} onClick={props.onCopyText}>
          {t('disputeCopyText')}
        </button>
      </div>
      {props.download.state === 'ready' && (
        <p className="cs-small">
          <a
            ref={link}
            data-testid="defence-download"
            href={props.download.url}
            download={props.download.filename}
            onClick={(e) => props.onDownloadLink?.(e.currentTarget)}
          >
            {t('disputeDownload', [props.download.filename, String(Math.max(1, Math.round(props.download.size / 1024)))])}
          </a>
        </p>
      )}
      {props.text.state === 'ready' && (
        <>
          <p className="cs-muted cs-small" data-testid="defence-text-status">
            {props.text.copied ? t('disputeCopied') : t('disputeCopyManually')}
            {props.text.truncated ? ` ${t('disputeTextShortened')}` : ''}
          </p>
          {props.text.warnings && props.text.warnings.length > 0 && (
            <ul className="cs-what-if" data-testid="defence-warnings">
              {props.text.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <textarea
            data-testid="defence-text"
            className="cs-preview"
            style={{ width: '100%', minHeight: 120 }}
            readOnly
            value={props.text.text}
            onFocus={(e) => e.currentTarget.select()}
          />
        </>
      )}
      {(props.download.state === 'error' || props.text.state === 'error' || props.error) && (
        <p className="cs-error">{props.error ?? t('disputeDefenceFailed')}</p>
      )}
      {props.processorLoaders && (
        <ProcessorParts id={view.id} dispute={dispute} loaders={props.canWrite ? props.processorLoaders : { ...props.processorLoaders, submit: undefined }} />
      )}
      {props.canWrite && <DisputeStatusControl current={dispute.status} onSetStatus={props.onSetStatus} />}
    </section>
  );
}

const STATUSES: readonly DisputeStatus[] = ['open', 'responded', 'won', 'lost', 'refunded', 'accepted'];

/** Where the dispute stands; the analyst records the response and, later, the outcome. */
function DisputeStatusControl({ current, onSetStatus }: { current: DisputeStatus; onSetStatus: (s: DisputeStatus) => Promise<boolean> }) {
  const t = useT();
  const [choice, setChoice] = useState<DisputeStatus>(current);
  const [busy, setBusy] = useState(false);
  useEffect(() => setChoice(current), [current]);
  return (
    <div className="cs-decide">
      <label className="cs-small">
        {t('disputeStatusLabel')}{' '}
        <select data-testid="dispute-status" value={choice} onChange={(e) => setChoice(e.target.value as DisputeStatus)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`disputeStatus_${s}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        data-testid="dispute-status-save"
        disabled={busy || choice === current}
        onClick={() => {
          setBusy(true);
          void onSetStatus(choice).finally(() => setBusy(false));
        }}
      >
        {t('disputeStatusSave')}
      </button>
    </div>
  );
}
