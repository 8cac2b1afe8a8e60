import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { MessageKey } from '@/utils/i18n';
import type { DecisionKind } from '@/utils/schemas/fraud';
import type { AnswerHandoffBody, ReceiverHandoff } from '@/utils/schemas/handoffs';
import { useT } from '../i18n-context';

/** A failed call as the loaders report it: the server's message and, when it named one, the field. */
export class InboxCallError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface ReceiverInboxProps {
  /** The hand-offs to the caller's teams (the backend page calls the route with the tab's token, the extension through the worker). */
  list: () => Promise<ReceiverHandoff[]>;
  /** Answers one hand-off; throws (preferably an InboxCallError) when it was not saved. */
  answer: (id: string, body: AnswerHandoffBody) => Promise<ReceiverHandoff>;
  newKey: () => string;
  /** How often the list is fetched again while the page is visible. */
  refreshMs?: number;
  /** The page's own controls (who is signed in, sign out), shown beside Refresh. */
  toolbar?: ReactNode;
  locale?: string;
}

/** One row's half-typed answer: kept by the inbox, so a refresh of the list never drops it. */
interface Draft {
  answer: string;
  decision: DecisionKind | '';
  key: string;
}

const DECISIONS: DecisionKind[] = ['hold', 'release', 'fraud'];
const DECISION_WORD: Record<DecisionKind, MessageKey> = { hold: 'flagHold', release: 'flagRelease', fraud: 'flagFraud' };

/**
 * The receivers' inbox: the hand-offs to their teams with the order facts the lead allowed, and an answer
 * form per open one. The list follows new hand-offs every `refreshMs` while the page is visible and when it
 * comes back into view, announcing new ones politely; drafts live here, keyed by hand-off, so a refresh
 * never discards a half-typed answer. Everything from the server is React text.
 */
export function ReceiverInbox({ list, answer, newKey, refreshMs = 20_000, toolbar, locale }: ReceiverInboxProps) {
  const t = useT();
  const [handoffs, setHandoffs] = useState<ReceiverHandoff[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const known = useRef<Set<string> | null>(null);
  const loading = useRef(false);

  const refresh = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    try {
      const next = await list();
      setNow(Date.now());
      setError(null);
      const seen = known.current;
      const fresh = seen ? next.filter((h) => h.status === 'open' && !seen.has(h.id)) : [];
      known.current = new Set([...(seen ?? []), ...next.map((h) => h.id)]);
      if (fresh.length > 0) setAnnouncement(t('handoffNewArrived', String(fresh.length)));
      // An answer saved here while this list was in flight stays answered.
      setHandoffs((current) => {
        const answered = new Map((current ?? []).filter((h) => h.status === 'answered').map((h) => [h.id, h]));
        return next.map((h) => (h.status === 'open' && answered.has(h.id) ? answered.get(h.id)! : h));
      });
    } catch (err) {
      setError(t('handoffLoadFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      loading.current = false;
    }
  }, [list, t]);

  useEffect(() => {
    void refresh();
    const visible = () => document.visibilityState !== 'hidden';
    const timer = setInterval(() => {
      if (visible()) void refresh();
    }, refreshMs);
    const onVisible = () => {
      if (visible()) void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [refresh, refreshMs]);

  const draftOf = (id: string): Draft => drafts[id] ?? { answer: '', decision: '', key: '' };
  const setDraft = (id: string, change: Partial<Draft>) => setDrafts((all) => ({ ...all, [id]: { answer: '', decision: '', key: '', ...all[id], ...change } }));
  const answered = (next: ReceiverHandoff) => {
    setHandoffs((current) => (current ?? []).map((h) => (h.id === next.id ? next : h)));
    setDrafts(({ [next.id]: _done, ...rest }) => rest);
  };

  return (
    <>
      <div className="toolbar">
        {toolbar}
        <button type="button" onClick={() => void refresh()} data-testid="handoff-refresh">
          {t('handoffRefresh')}
        </button>
      </div>
      <p role="status" aria-live="polite" className="muted" data-testid="handoff-announce">
        {announcement}
      </p>
      {error && (
        <p role="alert" className="error" data-testid="handoff-load-error">
          {error}
        </p>
      )}
      {handoffs && handoffs.length === 0 && <p data-testid="handoff-empty">{t('handoffInboxEmpty')}</p>}
      <section data-testid="handoff-inbox">
        {(handoffs ?? []).map((h) => (
          <HandoffCard key={h.id} h={h} now={now} locale={locale}>
            <AnswerForm
              h={h}
              draft={draftOf(h.id)}
              onDraft={(change) => setDraft(h.id, change)}
              keyFor={() => draftOf(h.id).key || newKey()}
              answer={answer}
              onAnswered={answered}
            />
          </HandoffCard>
        ))}
      </section>
    </>
  );
}

const formatTime = (iso: string | null, locale?: string) => (iso ? new Date(iso).toLocaleString(locale) : '');

function OrderFacts({ h, locale }: { h: ReceiverHandoff; locale?: string }) {
  const t = useT();
  const o = h.order;
  const rows: [string, string][] = [
    [t('handoffOrder'), o.marketplace ? `${o.orderId} (${o.portal}, ${o.marketplace})` : `${o.orderId} (${o.portal})`],
    [t('handoffItems'), o.items.map((i) => `${i.quantity ?? 1} × ${i.title}${i.sku ? ` (${i.sku})` : ''}`).join('; ')],
    [t('handoffCarrier'), o.carrier ?? ''],
    [t('handoffTracking'), o.trackingNumber ?? ''],
    [t('handoffPurchased'), formatTime(o.purchasedAt, locale)],
    [t('handoffShipBy'), formatTime(o.shipBy, locale)],
  ];
  if (o.buyerName !== undefined) rows.push([t('handoffBuyerName'), o.buyerName]);
  if (o.buyerEmail !== undefined) rows.push([t('handoffBuyerEmail'), o.buyerEmail]);
  if (o.buyerPhone !== undefined) rows.push([t('handoffBuyerPhone'), o.buyerPhone]);
  if (o.shipTo !== undefined) rows.push([t('handoffShipTo'), o.shipTo.join(', ')]);
  return (
    <dl>
      {rows
        .filter(([, value]) => value !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

interface AnswerFormProps {
  h: ReceiverHandoff;
  draft: Draft;
  onDraft: (change: Partial<Draft>) => void;
  /** The draft's idempotency key, made on its first send: a retry after a lost response replays instead of answering twice. */
  keyFor: () => string;
  answer: ReceiverInboxProps['answer'];
  onAnswered: (next: ReceiverHandoff) => void;
}

function AnswerForm({ h, draft, onDraft, keyFor, answer, onAnswered }: AnswerFormProps) {
  const t = useT();
  const [error, setError] = useState<{ message: string; field: 'answer' | 'decision' | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const answerId = `answer-${h.id}`;
  const decisionId = `decision-${h.id}`;
  const errorId = `answer-error-${h.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.answer.trim()) return setError({ message: `${t('handoffAnswerLabel')}: ${t('handoffAnswerEmpty')}`, field: 'answer' });
    const key = keyFor();
    onDraft({ key });
    setBusy(true);
    setError(null);
    try {
      onAnswered(await answer(h.id, { answer: draft.answer.trim(), idempotencyKey: key, ...(draft.decision ? { decision: draft.decision } : {}) }));
    } catch (err) {
      // The draft stays when saving failed: nothing typed is lost.
      const field = err instanceof InboxCallError ? err.field : undefined;
      const which = field === 'body.answer' ? 'answer' : field === 'body.decision' ? 'decision' : null;
      const label = which === 'answer' ? `${t('handoffAnswerLabel')}: ` : which === 'decision' ? `${t('handoffDecisionLabel')}: ` : '';
      setError({ message: t('handoffAnswerFailed', `${label}${err instanceof Error ? err.message : String(err)}`), field: which });
    } finally {
      setBusy(false);
    }
  };
  if (h.status === 'answered') return null;
  return (
    <form onSubmit={submit} data-testid="handoff-answer-form">
      <label htmlFor={answerId}>{t('handoffAnswerLabel')}</label>
      <textarea
        id={answerId}
        value={draft.answer}
        onChange={(e) => onDraft({ answer: e.target.value })}
        aria-invalid={error?.field === 'answer' || undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid="handoff-answer"
      />
      {h.teamKind === 'fraud' && (
        <label>
          {t('handoffDecisionLabel')}
          <select
            id={decisionId}
            value={draft.decision}
            onChange={(e) => onDraft({ decision: e.target.value as Draft['decision'] })}
            required
            aria-invalid={error?.field === 'decision' || undefined}
            data-testid="handoff-decision"
          >
            <option value="">{t('handoffDecisionChoose')}</option>
            {DECISIONS.map((d) => (
              <option key={d} value={d}>
                {t(DECISION_WORD[d])}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" disabled={busy} data-testid="handoff-send">
        {t('handoffSend')}
      </button>
      {error && (
        <p role="alert" className="error" id={errorId} data-testid="handoff-answer-error">
          {error.message}
        </p>
      )}
    </form>
  );
}

function HandoffCard({ h, now, locale, children }: { h: ReceiverHandoff; now: number; locale?: string; children: ReactNode }) {
  const t = useT();
  const overdue = h.status === 'open' && Date.parse(h.dueAt) < now;
  return (
    <article data-testid="handoff-card" data-status={h.status} data-handoff-id={h.id} aria-labelledby={`q-${h.id}`}>
      <h2 id={`q-${h.id}`}>
        {h.teamName}: {h.question}
      </h2>
      <p className="muted">
        {t('handoffDue')} {formatTime(h.dueAt, locale)} {overdue && <span className="overdue">{t('handoffOverdue')}</span>}
      </p>
      <OrderFacts h={h} locale={locale} />
      {h.escalation && (
        <div data-testid="handoff-escalation">
          <p>{t('handoffFraudScore', String(h.escalation.score))}</p>
          <ul>
            {h.escalation.indicators.map((i) => (
              <li key={i.indicator}>
                {i.label} (+{i.points}){i.evidence ? `: ${i.evidence}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {h.status === 'answered' ? (
        <p data-testid="handoff-answered">
          {t('handoffAnswered')} {formatTime(h.answeredAt, locale)}: {h.answer}
          {h.decision ? ` (${h.decision})` : ''}
        </p>
      ) : (
        children
      )}
    </article>
  );
}
