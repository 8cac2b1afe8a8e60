import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { DisputeListQuery, DisputeSummary, DisputeView } from '@/utils/api-routes/disputes';
import { formatMoney } from '@/utils/money';
import type { Language } from '@/utils/schemas/common';
import { DisputeSource, type AlertAction, type DisputeStage, type ReasonGroup } from '@/utils/schemas/disputes';
import { formatDuration } from '@/utils/sla/state';
import { useT } from '../i18n-context';
import { Ce3Matches } from './Ce3Matches';
import { ProcessorParts, type ProcessorLoaders } from './ProcessorParts';

export interface DisputesInboxProps {
  load: (query: DisputeListQuery) => Promise<{ disputes: DisputeSummary[] }>;
  loadOne: (id: string) => Promise<DisputeView>;
  decideAlert: (id: string, action: AlertAction) => Promise<DisputeView>;
  /** The current time (the page ticks it every second). */
  now: number;
  language: Language;
  /** A dispute to open at once (the popup's queue row or a notification named it in the page's address). */
  initialOpenId?: string | null;
  /** How the processors' formats load (Stripe evidence, Adyen defence); without them no such part shows. */
  processorLoaders?: ProcessorLoaders;
}

const STAGES: DisputeStage[] = ['alert', 'inquiry', 'chargeback', 'pre_arbitration'];
const SOURCES: readonly DisputeSource[] = DisputeSource.options;
const GROUPS: ReasonGroup[] = ['fraud', 'authorisation', 'processing_error', 'consumer_dispute'];
const ACTIONS: AlertAction[] = ['refund', 'stop_fulfilment', 'decline'];

type Filters = { stage: DisputeStage | ''; source: DisputeSource | ''; reasonGroup: ReasonGroup | '' };

/** Time left on the backend's answer, counted down locally from when the list arrived. */
function timeLeft(item: DisputeSummary, loadedAt: number, now: number): number {
  return item.timeLeftMs - (now - loadedAt);
}

/**
 * Everything still open, from the marketplaces and the processors, least time left first; alerts (24-72 h
 * windows) come first when they close soonest. A row opens the dispute: for an alert, the advice and the
 * three answers. Everything shown is text: nothing from a processor or a buyer is rendered as HTML.
 */
export function DisputesInbox({ load, loadOne, decideAlert, now, language, initialOpenId = null, processorLoaders }: DisputesInboxProps) {
  const t = useT();
  const [filters, setFilters] = useState<Filters>({ stage: '', source: '', reasonGroup: '' });
  const [list, setList] = useState<{ items: DisputeSummary[]; loadedAt: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<DisputeView | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    setError(null);
    try {
      const query: DisputeListQuery = {
        open: 'true',
        ...(filters.stage ? { stage: filters.stage } : {}),
        ...(filters.source ? { source: filters.source } : {}),
        ...(filters.reasonGroup ? { reasonGroup: filters.reasonGroup } : {}),
      };
      const { disputes } = await load(query);
      setList({ items: disputes, loadedAt: Date.now() });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [load, filters]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const openDispute = async (id: string) => {
    setError(null);
    try {
      setOpen(await loadOne(id));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  // Once per id named in the address: the loader's identity changes with every render of the page.
  const openNamed = useEffectEvent((id: string) => void openDispute(id));
  useEffect(() => {
    if (initialOpenId) openNamed(initialOpenId);
  }, [initialOpenId]);

  const answer = async (action: AlertAction) => {
    if (!open) return;
    setBusy(true);
    setError(null);
    try {
      setOpen(await decideAlert(open.id, action));
      await refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const select = <K extends keyof Filters>(key: K, label: string, values: readonly string[], word: (v: string) => string) => (
    <label className="di-filter">
      {label}
      <select value={filters[key]} onChange={(e) => setFilters({ ...filters, [key]: e.target.value })} data-testid={`inbox-filter-${key}`}>
        <option value="">{t('inboxAll')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {word(v)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <main className="di-page">
      <h1>{t('inboxTitle')}</h1>
      <div className="di-filters" role="group" aria-label={t('inboxFilters')}>
        {select('stage', t('inboxStage'), STAGES, (v) => t(`inboxStage_${v as DisputeStage}`))}
        {select('source', t('inboxSource'), SOURCES, (v) => v)}
        {select('reasonGroup', t('inboxReasonGroup'), GROUPS, (v) => v.replace('_', ' '))}
      </div>
      {error && (
        <p role="alert" className="di-error">
          {error}
        </p>
      )}
      {list && list.items.length === 0 && <p data-testid="inbox-empty">{t('inboxEmpty')}</p>}
      {list && list.items.length > 0 && (
        <ol className="di-list" data-testid="inbox">
          {list.items.map((d) => {
            const left = timeLeft(d, list.loadedAt, now);
            return (
              <li key={d.id} className={`di-item${left < 0 ? ' di-overdue' : ''}`} data-testid="inbox-item" data-dispute-id={d.id} data-stage={d.stage ?? ''}>
                <button type="button" onClick={() => void openDispute(d.id)} aria-expanded={open?.id === d.id}>
                  <span className="di-stage">{d.stage ? t(`inboxStage_${d.stage}`) : d.kind}</span>
                  <span className="di-what">
                    {d.source} · {d.externalId} · {d.orderMatch === 'unmatched' ? t('inboxUnmatched') : d.orderId}
                  </span>
                  <span className="di-amount">{formatMoney(d.amount)}</span>
                  <span className="di-time" role="timer" aria-live="off">
                    {left < 0 ? t('slaOverdue', formatDuration(-left, language)) : t('slaLeft', formatDuration(left, language))}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {open && <DisputeDetail view={open} busy={busy} language={language} onAnswer={(a) => void answer(a)} loaders={processorLoaders ?? {}} />}
    </main>
  );
}

function DisputeDetail({
  view,
  busy,
  language,
  onAnswer,
  loaders,
}: {
  view: DisputeView;
  busy: boolean;
  language: Language;
  onAnswer: (a: AlertAction) => void;
  loaders: ProcessorLoaders;
}) {
  const t = useT();
  const alert = view.alert;
  const day = (iso: string) => new Date(iso).toLocaleDateString(language, { timeZone: 'UTC', dateStyle: 'medium' });
  return (
    <section className="di-detail" aria-label={view.dispute.id} data-testid="inbox-detail">
      <h2>
        {view.dispute.id} · {formatMoney(view.dispute.amount)}
      </h2>
      <p>{view.dispute.reasonText ?? view.dispute.reason}</p>
      {alert && (
        <div data-testid="inbox-alert">
          <p>
            <strong>{t('inboxAdvice')}</strong> {t(`inboxAction_${alert.recommendation.action}`)}
          </p>
          <ul>
            {alert.recommendation.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {alert.decision ? (
            <p data-testid="inbox-decision">
              {t('inboxDecided', t(`inboxAction_${alert.decision.action}`))}
              {alert.decision.providerOutcome ? ` ${t('inboxReportOutcome', alert.decision.providerOutcome)}` : ''}
            </p>
          ) : (
            <div className="di-actions">
              {ACTIONS.map((a) => (
                <button
                  key={a}
                  type="button"
                  disabled={busy}
                  onClick={() => onAnswer(a)}
                  data-testid={`inbox-answer-${a}`}
                  className={a === alert.recommendation.action ? 'di-recommended' : undefined}
                >
                  {t(`inboxAction_${a}`)}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      {!alert && (
        <p>
          <strong>{t('inboxAdvice')}</strong> {view.recommendation.action} ({Math.round(view.recommendation.confidence * 100)}%)
        </p>
      )}
      {!alert && view.checklist.length > 0 && <h3 id="di-evidence-title">{t('inboxEvidence')}</h3>}
      {!alert && view.checklist.length > 0 && (
        <ul className="di-checklist" data-testid="inbox-checklist" aria-labelledby="di-evidence-title">
          {view.checklist.map((item) => (
            <li key={item.key} data-key={item.key} data-status={item.status}>
              <strong>{item.label}</strong>: {item.status === 'present' ? (item.value ?? '') : (item.hint ?? item.status)}
            </li>
          ))}
        </ul>
      )}
      {view.ce3 && <Ce3Matches ce3={view.ce3} formatTime={day} />}
      <ProcessorParts id={view.id} dispute={view.dispute} loaders={loaders} />
    </section>
  );
}
