import { StrictMode, useCallback, useEffect, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { InboxCallError, ReceiverInbox } from '../../../components/handoffs/ReceiverInbox';
import { I18nProvider } from '../../../components/i18n-context';
import { routePath } from '../../../utils/api-routes';
import { translatorFrom, type Translate } from '../../../utils/i18n';
import { Me } from '../../../utils/schemas/api';
import { ReceiverHandoffList, ReceiverHandoffResult, type AnswerHandoffBody } from '../../../utils/schemas/handoffs';
import { callApi, newIdempotencyKey, tokenStore } from './web-api';

/**
 * The receivers' inbox, served by the backend for people without the extension (warehouse, finance).
 * Sign-in is by token, kept in this tab's sessionStorage and sent as a Bearer header; every text from
 * the server is rendered as React text. The inbox itself is components/handoffs/ReceiverInbox.tsx, shared
 * with the extension's page (entrypoints/handoffs).
 */

const messagesElement = document.getElementById('page-messages');
const t: Translate = translatorFrom(JSON.parse(messagesElement?.textContent ?? '{}') as Parameters<typeof translatorFrom>[0]);

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

function Inbox({ name, onSignOut }: { name: string; onSignOut: () => void }) {
  // A refused token signs the tab out; any other failure is shown where it happened.
  const list = useCallback(async () => {
    const res = await callApi(tokenStore.get(), 'GET', routePath('handoffs.inbox'), ReceiverHandoffList);
    if (res.status === 401) onSignOut();
    if (!res.ok) throw new InboxCallError(res.message, res.field);
    return res.data.handoffs;
  }, [onSignOut]);
  const answer = useCallback(async (id: string, body: AnswerHandoffBody) => {
    const res = await callApi(tokenStore.get(), 'POST', routePath('handoffs.answer', { id }), ReceiverHandoffResult, body);
    if (!res.ok) throw new InboxCallError(res.message, res.field);
    return res.data.handoff;
  }, []);
  return (
    <ReceiverInbox
      list={list}
      answer={answer}
      newKey={newIdempotencyKey}
      locale={document.documentElement.lang || undefined}
      toolbar={
        <>
          <span className="muted" data-testid="handoff-signed-in">
            {t('handoffSignedInAs', name)}
          </span>
          <button type="button" onClick={onSignOut}>
            {t('handoffSignOut')}
          </button>
        </>
      }
    />
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
      <I18nProvider value={t}>
        <HandoffPage />
      </I18nProvider>
    </StrictMode>,
  );
