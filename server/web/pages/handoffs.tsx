import { StrictMode, useCallback, useEffect, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { routePath } from '../../../utils/api-routes';
import { translatorFrom, type Translate } from '../../../utils/i18n';
import { Me } from '../../../utils/schemas/api';
import { ReceiverHandoffList, ReceiverHandoffResult, type ReceiverHandoff } from '../../../utils/schemas/handoffs';
import { callApi, newIdempotencyKey, tokenStore } from './web-api';

/**
 * The receivers' inbox, served by the backend for people without the extension (warehouse, finance).
 * Sign-in is by token, kept in this tab's sessionStorage and sent as a Bearer header; every text from
 * the server is rendered as React text.
 */

const messagesElement = document.getElementById('page-messages');
const t: Translate = translatorFrom(JSON.parse(messagesElement?.textContent ?? '{}') as Parameters<typeof translatorFrom>[0]);
const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString(document.documentElement.lang || undefined) : '');

function SignIn({ onSignedIn }: { onSignedIn: (name: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await callApi(token.trim(), 'GET', routePath('me.get'), Me);
    if (!res.ok) return setError(t('handoffSignInFailed'));
    tokenStore.set(token.trim());
    onSignedIn(res.data.agent.name);
  };
  return (
    <form className="signin" onSubmit={submit} data-testid="handoff-signin">
      <label>
        {t('handoffSignInToken')}
        <input type="password" autoComplete="off" required value={token} onChange={(e) => setToken(e.target.value)} data-testid="handoff-token" />
      </label>
      <button type="submit">{t('handoffSignIn')}</button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

function OrderFacts({ h }: { h: ReceiverHandoff }) {
  const o = h.order;
  const rows: [string, string][] = [
    [t('handoffOrder'), o.marketplace ? `${o.orderId} (${o.portal}, ${o.marketplace})` : `${o.orderId} (${o.portal})`],
    [t('handoffItems'), o.items.map((i) => `${i.quantity ?? 1} × ${i.title}${i.sku ? ` (${i.sku})` : ''}`).join('; ')],
    [t('handoffCarrier'), o.carrier ?? ''],
    [t('handoffTracking'), o.trackingNumber ?? ''],
    [t('handoffPurchased'), formatTime(o.purchasedAt)],
    [t('handoffShipBy'), formatTime(o.shipBy)],
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

function AnswerForm({ h, onAnswered }: { h: ReceiverHandoff; onAnswered: (next: ReceiverHandoff) => void }) {
  const [answer, setAnswer] = useState('');
  const [decision, setDecision] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per draft: a retry after a lost response replays instead of answering twice.
  const [key, setKey] = useState(newIdempotencyKey);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!answer.trim()) return setError(t('handoffAnswerEmpty'));
    setBusy(true);
    const body = { answer: answer.trim(), idempotencyKey: key, ...(decision ? { decision } : {}) };
    const res = await callApi(tokenStore.get(), 'POST', routePath('handoffs.answer', { id: h.id }), ReceiverHandoffResult, body);
    setBusy(false);
    // The draft stays when saving failed: nothing typed is lost.
    if (!res.ok) return setError(t('handoffAnswerFailed', res.message));
    setKey(newIdempotencyKey());
    onAnswered(res.data.handoff);
  };
  const answerId = `answer-${h.id}`;
  const decisionId = `decision-${h.id}`;
  return (
    <form onSubmit={submit} data-testid="handoff-answer-form">
      <label htmlFor={answerId}>{t('handoffAnswerLabel')}</label>
      <textarea id={answerId} value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid="handoff-answer" />
      {h.teamKind === 'fraud' && (
        <label>
          {t('handoffDecisionLabel')}
          <select id={decisionId} value={decision} onChange={(e) => setDecision(e.target.value)} required data-testid="handoff-decision">
            <option value="">{t('handoffDecisionChoose')}</option>
            <option value="hold">{t('flagHold')}</option>
            <option value="release">{t('flagRelease')}</option>
            <option value="fraud">{t('flagFraud')}</option>
          </select>
        </label>
      )}
      <button type="submit" disabled={busy} data-testid="handoff-send">
        {t('handoffSend')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

function HandoffCard({ h, now, onAnswered }: { h: ReceiverHandoff; now: number; onAnswered: (next: ReceiverHandoff) => void }) {
  const overdue = h.status === 'open' && Date.parse(h.dueAt) < now;
  return (
    <article data-testid="handoff-card" data-status={h.status} aria-labelledby={`q-${h.id}`}>
      <h2 id={`q-${h.id}`}>
        {h.teamName}: {h.question}
      </h2>
      <p className="muted">
        {t('handoffDue')} {formatTime(h.dueAt)} {overdue && <span className="overdue">{t('handoffOverdue')}</span>}
      </p>
      <OrderFacts h={h} />
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
          {t('handoffAnswered')} {formatTime(h.answeredAt)}: {h.answer}
          {h.decision ? ` (${h.decision})` : ''}
        </p>
      ) : (
        <AnswerForm h={h} onAnswered={onAnswered} />
      )}
    </article>
  );
}

function Inbox({ name, onSignOut }: { name: string; onSignOut: () => void }) {
  const [handoffs, setHandoffs] = useState<ReceiverHandoff[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const load = useCallback(async () => {
    const res = await callApi(tokenStore.get(), 'GET', routePath('handoffs.inbox'), ReceiverHandoffList);
    setNow(Date.now());
    if (res.status === 401) return onSignOut();
    if (!res.ok) return setError(t('handoffLoadFailed', res.message));
    setError(null);
    setHandoffs(res.data.handoffs);
  }, [onSignOut]);
  useEffect(() => {
    void load();
    // New hand-offs arrive without a reload; a minute is soon enough for a warehouse.
    const timer = setInterval(() => void load(), 60_000);
    return () => clearInterval(timer);
  }, [load]);
  const replace = (next: ReceiverHandoff) => setHandoffs((list) => (list ?? []).map((h) => (h.id === next.id ? next : h)));
  return (
    <>
      <div className="toolbar">
        <span className="muted" data-testid="handoff-signed-in">
          {t('handoffSignedInAs', name)}
        </span>
        <button type="button" onClick={() => void load()}>
          {t('handoffRefresh')}
        </button>
        <button type="button" onClick={onSignOut}>
          {t('handoffSignOut')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {handoffs && handoffs.length === 0 && <p data-testid="handoff-empty">{t('handoffInboxEmpty')}</p>}
      <section data-testid="handoff-inbox">
        {(handoffs ?? []).map((h) => (
          <HandoffCard key={h.id} h={h} now={now} onAnswered={replace} />
        ))}
      </section>
    </>
  );
}

function HandoffPage() {
  const [name, setName] = useState<string | null>(null);
  const [checking, setChecking] = useState(() => tokenStore.get() !== '');
  useEffect(() => {
    const token = tokenStore.get();
    if (!token) return;
    void callApi(token, 'GET', routePath('me.get'), Me).then((res) => {
      if (res.ok) setName(res.data.agent.name);
      else tokenStore.clear();
      setChecking(false);
    });
  }, []);
  const signOut = useCallback(() => {
    tokenStore.clear();
    setName(null);
  }, []);
  return (
    <>
      <h1>{t('handoffPageTitle')}</h1>
      <p className="muted">{t('handoffPageIntro')}</p>
      {checking ? null : name === null ? <SignIn onSignedIn={setName} /> : <Inbox name={name} onSignOut={signOut} />}
    </>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <HandoffPage />
    </StrictMode>,
  );
